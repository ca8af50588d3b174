import { z } from 'zod';
import { denominationCountSchema, drawerDetailSchema, drawerMovementSchema } from '../ledger/cash-drawer.schema.ts';

/** One receipt or payment of the day, with the people it names. */
export const reportMovementSchema = drawerMovementSchema.extend({
  /** The member the cash was for (a repayment, a deposit), masked for roles that see no identities; null when none. */
  memberName: z.string().nullable(),
  /** Who recorded it: a full name, never a username. */
  recordedByName: z.string(),
});

/** A drawer's detail as the end-of-day report prints it: names of people, the office, the count by denomination. */
export const drawerReportSchema = drawerDetailSchema.omit({ movements: true }).extend({
  organisation: z.object({ name: z.string(), address: z.string().nullable() }),
  office: z.object({ code: z.string(), name: z.string() }),
  cashierName: z.string(),
  /** The office's manager (kepala kantor), who countersigns; null when the office has none. */
  supervisorName: z.string().nullable(),
  openedByName: z.string(),
  closedByName: z.string().nullable(),
  movements: z.array(reportMovementSchema),
  /** Receipts and payments of the day, the closing difference left out. */
  receipts: z.object({ count: z.number(), total: z.string() }),
  payments: z.object({ count: z.number(), total: z.string() }),
  countedPieces: z.array(denominationCountSchema.extend({ subtotal: z.string() })).nullable(),
});

export type DrawerReport = z.infer<typeof drawerReportSchema>;
export type ReportMovement = z.infer<typeof reportMovementSchema>;
