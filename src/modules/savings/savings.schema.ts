import { z } from 'zod';
import { cursorParam, rupiah } from '../../core/schemas.ts';
import { SAVINGS_KINDS } from './savings.rules.ts';

export { SAVINGS_KINDS };

const officeCode = z.string().trim().toUpperCase().min(2).max(20);
/** Whole rupiah above zero. */
const positiveRupiah = rupiah.refine((value) => BigInt(value) > 0n, { params: { code: 'savings.amount_invalid' } });

export const openAccountInputSchema = z.strictObject({
  personId: z.uuid(),
  kind: z.enum(SAVINGS_KINDS),
  officeCode,
});
export type OpenAccountInput = z.infer<typeof openAccountInputSchema>;

export const movementInputSchema = z.strictObject({
  amount: positiveRupiah,
  note: z.string().trim().max(200).optional(),
});
export type MovementInput = z.infer<typeof movementInputSchema>;

export const reverseMovementInputSchema = z.strictObject({ reason: z.string().trim().min(3).max(200) });
export const leaveInputSchema = z.strictObject({ reason: z.string().trim().min(3).max(200) });

export const accountsQuerySchema = z.strictObject({
  person: z.uuid().optional(),
  office: officeCode.optional(),
  cursor: cursorParam.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export const statementQuerySchema = z.strictObject({
  cursor: cursorParam.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export const accountIdParamsSchema = z.strictObject({ id: z.uuid() });
export const movementParamsSchema = z.strictObject({ id: z.uuid(), movementId: z.uuid() });
export const personIdParamsSchema = z.strictObject({ personId: z.uuid() });

export const accountViewSchema = z.object({
  id: z.string(),
  number: z.string(),
  kind: z.enum(SAVINGS_KINDS),
  status: z.enum(['open', 'closed']),
  /** Whole rupiah as a decimal string. */
  balance: z.string(),
  withdrawable: z.boolean(),
  person: z.object({ id: z.string(), fullName: z.string(), nik: z.string(), nikMasked: z.boolean() }),
  officeCode: z.string(),
  officeName: z.string(),
  openedOn: z.string(),
  closedOn: z.string().nullable(),
  movementCount: z.number(),
});
export type SavingsAccountView = z.infer<typeof accountViewSchema>;
export const accountListSchema = z.object({ items: z.array(accountViewSchema), nextCursor: z.string().nullable() });

export const MOVEMENT_TYPES = ['deposit', 'withdrawal', 'reversal', 'closure'] as const;
export const movementViewSchema = z.object({
  id: z.string(),
  seq: z.number(),
  type: z.enum(MOVEMENT_TYPES),
  /** Signed: into the account, or out of it with a minus. */
  amount: z.string(),
  balanceAfter: z.string(),
  valueDate: z.string(),
  note: z.string().nullable(),
  entryId: z.string(),
  reversesId: z.string().nullable(),
  reversedById: z.string().nullable(),
  createdBy: z.string(),
  createdAt: z.string(),
});
export type SavingsMovementView = z.infer<typeof movementViewSchema>;

export const accountDetailSchema = accountViewSchema.extend({
  /** Simpanan wajib as months (an open wajib account only; null otherwise). */
  wajib: z
    .object({
      monthlyAmount: z.string(),
      monthsDue: z.number(),
      monthsPaid: z.number(),
      paidThrough: z.string().nullable(),
      arrearsMonths: z.number(),
      arrearsAmount: z.string(),
      monthsAhead: z.number(),
    })
    .nullable(),
  /** Newest first; `nextCursor` pages back in time. */
  movements: z.array(movementViewSchema),
  nextCursor: z.string().nullable(),
});
export type SavingsAccountDetail = z.infer<typeof accountDetailSchema>;

export const movementResultSchema = z.object({ account: accountViewSchema, movement: movementViewSchema });
export type MovementResult = z.infer<typeof movementResultSchema>;
export const leaveResultSchema = z.object({
  personId: z.string(),
  /** Whole rupiah paid back in cash. */
  paidOut: z.string(),
  accounts: z.array(z.object({ account: accountViewSchema, movement: movementViewSchema.nullable() })),
});

export const settingsSchema = z.object({ pokokAmount: z.string(), wajibAmount: z.string() });
export const settingsInputSchema = z.strictObject({ pokokAmount: positiveRupiah, wajibAmount: positiveRupiah });
