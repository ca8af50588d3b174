import { z } from 'zod';
import { calendarDate, rupiah } from '../../core/schemas.ts';

const officeCode = z.string().trim().toUpperCase().min(2).max(20);
const accountCode = z.string().regex(/^[1-5](\.[0-9]{1,3}){0,3}$/);
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
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export const DRAWER_DIRECTIONS = ['in', 'out'] as const;
export const drawerMovementInputSchema = z.strictObject({
  /** in: cash received into the drawer; out: cash paid from it. */
  direction: z.enum(DRAWER_DIRECTIONS),
  /** The other side of the entry (e.g. 4.2.02 administration fees, 5.2.02 other expenses). */
  accountCode,
  amount: positiveRupiah,
  memo: z.string().trim().min(3).max(300),
  fundCode: z.string().trim().toUpperCase().max(20).optional(),
});

export const closeDrawerInputSchema = z.strictObject({
  countedCash: rupiah,
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
  createdBy: z.string(),
  createdAt: z.string(),
});

export const drawerViewSchema = z.object({
  id: z.string(),
  officeCode: z.string(),
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
