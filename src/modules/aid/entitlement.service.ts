import type { z } from 'zod';
import type { Context } from '../../context.ts';
import { AppError, type FieldError } from '../../core/errors.ts';
import { quoteEntitlement } from './entitlement.rules.ts';
import type { entitlementQuoteInputSchema, entitlementQuoteViewSchema } from './entitlement.schema.ts';
import { benefitProgrammeOf, loadProgramme } from './programme.service.ts';

/**
 * What a unit described in the request would be owed by a programme on a day; nothing is read
 * from the registry and nothing is stored. The programme's dated benefit table decides.
 */
export async function quoteAidEntitlement(
  ctx: Context,
  input: z.infer<typeof entitlementQuoteInputSchema>,
): Promise<z.input<typeof entitlementQuoteViewSchema>> {
  const problems: FieldError[] = [];
  input.members.forEach((member, index) => {
    if (member.birthDate > input.asOf) problems.push({ field: `members.${index}.birthDate`, code: 'aid.born_after_as_of' });
    if (member.pregnant && member.sex === 'M') problems.push({ field: `members.${index}.pregnant`, code: 'aid.pregnant_male' });
  });
  const programme = await loadProgramme(ctx.db, input.programme);
  if (!programme) problems.unshift({ field: 'programme', code: 'aid.unknown_programme', params: { programme: input.programme } });
  if (problems.length > 0 || !programme) throw new AppError('common.validation_failed', 'invalid', { errors: problems });
  const result = quoteEntitlement(benefitProgrammeOf(programme), input.members, input.asOf);
  if (!result.ok)
    throw new AppError('common.validation_failed', 'invalid', {
      errors: [{ field: 'asOf', code: result.code, params: { date: result.date } }],
    });
  return {
    amount: result.quote.amount.toString(),
    per: result.quote.per,
    components: result.quote.components.map((c) => ({ member: c.member, category: c.category, amount: c.amount.toString() })),
  };
}
