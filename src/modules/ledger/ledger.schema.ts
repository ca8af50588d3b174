import { z } from 'zod';
import { rupiahSchema } from '../registry/registry.schema.ts';

export { rupiahSchema };

const officeCode = z.string().trim().toUpperCase().min(2).max(20);
const accountCode = z.string().regex(/^[1-5](\.[0-9]{1,3}){0,3}$/);

export const accountViewSchema = z.object({
  code: z.string(),
  name: z.string(),
  type: z.enum(['asset', 'liability', 'equity', 'income', 'expense']),
  parentCode: z.string().nullable(),
  postable: z.boolean(),
  scheme: z.enum(['both', 'conventional', 'sharia']),
  contra: z.boolean(),
});
export const accountListSchema = z.object({ items: z.array(accountViewSchema) });

export const trialBalanceQuerySchema = z.strictObject({ asOf: z.iso.date(), office: officeCode.optional() });
export const trialBalanceSchema = z.object({
  asOf: z.string(),
  office: z.string().nullable(),
  debit: z.string(),
  credit: z.string(),
  accounts: z.array(z.object({ code: z.string(), name: z.string(), type: z.string(), debit: z.string(), credit: z.string() })),
});

export const statementQuerySchema = z.strictObject({
  from: z.iso.date(),
  to: z.iso.date(),
  office: officeCode.optional(),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
export const statementSchema = z.object({
  account: accountViewSchema,
  from: z.string(),
  to: z.string(),
  opening: z.string(),
  closing: z.string().nullable(),
  lines: z.array(
    z.object({
      entryId: z.string(),
      date: z.string(),
      memo: z.string(),
      sourceType: z.string(),
      debit: z.string(),
      credit: z.string(),
      balance: z.string(),
    }),
  ),
  nextCursor: z.string().nullable(),
});

export const manualEntryInputSchema = z.strictObject({
  officeCode,
  entryDate: z.iso.date(),
  memo: z.string().trim().min(3).max(300),
  lines: z
    .array(
      z.strictObject({
        accountCode,
        debit: rupiahSchema.optional(),
        credit: rupiahSchema.optional(),
        fundCode: z.string().trim().toUpperCase().max(20).optional(),
      }),
    )
    .min(2)
    .max(50),
});
export const entryViewSchema = z.object({
  id: z.string(),
  officeCode: z.string(),
  entryDate: z.string(),
  memo: z.string(),
  sourceType: z.string(),
  sourceId: z.string().nullable(),
  reversesId: z.string().nullable(),
  reversedById: z.string().nullable(),
  createdBy: z.string(),
  lines: z.array(
    z.object({ accountCode: z.string(), accountName: z.string(), debit: z.string(), credit: z.string(), fundCode: z.string().nullable() }),
  ),
});
export const entryIdParamsSchema = z.strictObject({ id: z.uuid() });
export const accountCodeParamsSchema = z.strictObject({ code: accountCode });
export const reverseInputSchema = z.strictObject({ reason: z.string().trim().min(3).max(300), entryDate: z.iso.date().optional() });

export const FUND_KINDS = ['own_capital', 'stimulus', 'group_revolving'] as const;
export const createFundInputSchema = z.strictObject({
  code: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z0-9-]{2,20}$/),
  name: z.string().trim().min(1).max(120),
  kind: z.enum(FUND_KINDS),
  source: z.string().trim().min(1).max(200),
  officeCode,
  groupId: z.uuid().optional(),
  initialCapital: rupiahSchema.default('0'),
  capitalDate: z.iso.date().optional(),
  cashAccount: z.enum(['1.1.01', '1.1.02']).default('1.1.02'),
});
export const fundViewSchema = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  kind: z.enum(FUND_KINDS),
  source: z.string(),
  officeCode: z.string(),
  groupId: z.string().nullable(),
  active: z.boolean(),
  capital: z.string(),
  cash: z.string(),
  outstanding: z.string(),
});
export const fundListSchema = z.object({ items: z.array(fundViewSchema) });
export const fundIdParamsSchema = z.strictObject({ id: z.uuid() });
