import type { z } from 'zod';
import { assertRole, type Context, inTransaction } from '../../context.ts';
import { notFound } from '../../core/errors.ts';
import { recordAudit } from '../audit/index.ts';
import { PRODUCT_KEEPERS } from './financing.roles.ts';
import type { productActiveInputSchema, productViewSchema } from './financing.schema.ts';
import { lockProduct, updateProductActive } from './financing.store.ts';
import { listProducts } from './lifecycle.service.ts';

/**
 * Stop (or resume) offering a product to new applications. Financings already on it keep
 * their terms; nothing else about a product changes once it is defined.
 */
export async function setProductActive(
  ctx: Context,
  id: string,
  input: z.infer<typeof productActiveInputSchema>,
): Promise<z.infer<typeof productViewSchema>> {
  assertRole(ctx, PRODUCT_KEEPERS);
  await inTransaction(ctx, async (tx) => {
    const product = await lockProduct(tx, id);
    if (!product) throw notFound('financing_product', id);
    if (product.active === input.active) return;
    await updateProductActive(tx, id, input.active);
    await recordAudit(tx, ctx, {
      action: input.active ? 'financing.product_activate' : 'financing.product_deactivate',
      entityType: 'financing_product',
      entityId: id,
      before: { code: product.code, active: product.active },
      after: { code: product.code, active: input.active },
    });
  });
  const view = (await listProducts(ctx)).items.find((product) => product.id === id);
  if (!view) throw notFound('financing_product', id);
  return view;
}
