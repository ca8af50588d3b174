import { z } from 'zod';
import { calendarDate, rupiah } from '../../core/schemas.ts';
import { DENOMINATIONS, DRAWER_PURPOSE_WORDS, type DrawerPurpose } from './cash-drawer.rules.ts';

const officeCode = z.string().trim().toUpperCase().min(2).max(20);
const positiveRupiah = rupiah.refine((value) => BigInt(value) > 0n, { params: { code: 'cash_drawer.amount_positive' } });

export const openDrawerInputSchema = z.strictObject({
  /** Needed only by someone working at more than one office. */
  officeCode: officeCode.optional(),
  /** The business day; today (WIB) when left out. */
  businessDate: calendarDate.optional(),
  openingFloat: rupiah,
});

export const drawerListQuerySchema = z.strictObject({
  status: z.enum(['open', 'closed']).optional(),
  office: officeCode.optional(),
  date: calendarDate.optional(),
  /** Closed on or after this business day (the auditor's "since"). */
  from: calendarDate.optional(),
  /** Only drawers closed with a difference (short or over). */
  difference: z.enum(['true']).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export const DRAWER_DIRECTIONS = ['in', 'out'] as const;
export const drawerMovementInputSchema = z.strictObject({
  /** in: cash received into the drawer; out: cash paid from it. */
  direction: z.enum(DRAWER_DIRECTIONS),
  /**
   * What the money is for (capital_top_up, admin_fee, other_income, from_bank; office_expense,
   * to_bank): the server posts it against the purpose's account. Unknown, or not of this direction: 422.
   */
  purpose: z.enum(Object.keys(DRAWER_PURPOSE_WORDS) as [DrawerPurpose, ...DrawerPurpose[]]),
  amount: positiveRupiah,
  memo: z.string().trim().min(3).max(300),
  fundCode: z.string().trim().toUpperCase().max(20).optional(),
});

const denominationCount = z.strictObject({
  value: z
    .number()
    .refine((value) => (DENOMINATIONS as readonly number[]).includes(value), { params: { code: 'cash_drawer.denomination_unknown' } }),
  pieces: z.number().int().min(0).max(1_000_000),
});
export const denominationCountSchema = z.object({ value: z.number(), pieces: z.number() });

export const closeDrawerInputSchema = z.strictObject({
  countedCash: rupiah,
  /** The count by note and coin; when given, it must come to countedCash (the report prints it). */
  denominations: z.array(denominationCount).max(DENOMINATIONS.length).optional(),
  note: z.string().trim().max(300).optional(),
});

export const drawerIdParamsSchema = z.strictObject({ id: z.uuid() });

export const drawerMovementSchema = z.object({
  entryId: z.string(),
  date: z.string(),
  memo: z.string(),
  sourceType: z.string(),
  direction: z.enum(DRAWER_DIRECTIONS),
  amount: z.string(),
  /** The entry's other accounts (a repayment may credit several). */
  accounts: z.array(z.object({ code: z.string(), name: z.string() })),
  /** The purpose picked at the drawer (null for a repayment, a deposit or a closing difference). */
  purpose: z.string().nullable(),
  /** The member-side record the cash was for (a financing, a savings account), if any. */
  party: z.object({ type: z.string(), id: z.string() }).nullable(),
  createdBy: z.string(),
  createdAt: z.string(),
});

export const drawerViewSchema = z.object({
  id: z.string(),
  officeId: z.string(),
  officeCode: z.string(),
  officeName: z.string(),
  cashier: z.object({ id: z.string(), username: z.string(), fullName: z.string() }),
  businessDate: z.string(),
  status: z.enum(['open', 'closed']),
  openingFloat: z.string(),
  /** Cash received and paid through the drawer (the closing difference not included). */
  cashIn: z.string(),
  cashOut: z.string(),
  /** Opening float + in − out: what the drawer should hold (at closing: before the difference). */
  expectedCash: z.string(),
  countedCash: z.string().nullable(),
  /** The closing count by note and coin, largest first; null when only the total was typed. */
  countedPieces: z.array(denominationCountSchema).nullable(),
  /** Counted − expected: negative is a shortage (5.2.01), positive an overage (4.2.03). */
  difference: z.string().nullable(),
  differenceEntryId: z.string().nullable(),
  closingNote: z.string().nullable(),
  openedBy: z.string(),
  openedAt: z.string(),
  closedAt: z.string().nullable(),
  closedBy: z.string().nullable(),
});
export const drawerDetailSchema = drawerViewSchema.extend({ movements: z.array(drawerMovementSchema) });
export const drawerListSchema = z.object({ items: z.array(drawerViewSchema) });
export const movementResultSchema = z.object({
  drawerId: z.string(),
  movement: drawerMovementSchema,
  expectedCash: z.string(),
});

export type DrawerView = z.infer<typeof drawerViewSchema>;
export type DrawerDetail = z.infer<typeof drawerDetailSchema>;
export type DrawerMovement = z.infer<typeof drawerMovementSchema>;
export type MovementResult = z.infer<typeof movementResultSchema>;
