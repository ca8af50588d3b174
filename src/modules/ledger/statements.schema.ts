import { z } from 'zod';
import { calendarDate } from '../../core/schemas.ts';

const officeCode = z.string().trim().toUpperCase().min(2).max(20);

export const balanceSheetQuerySchema = z.strictObject({ asOf: calendarDate, office: officeCode.optional() });
export const incomeStatementQuerySchema = z.strictObject({ from: calendarDate, to: calendarDate, office: officeCode.optional() });

/**
 * One line of a statement, in chart order. A header's amount is the subtotal of the accounts
 * beneath it; amounts are on the section's normal side, so a contra account is negative.
 * `result` lines are computed, not accounts (the year's profit or loss under equity).
 */
export const statementRowSchema = z.object({
  code: z.string().nullable(),
  name: z.string(),
  level: z.number().int().min(1),
  kind: z.enum(['header', 'account', 'result']),
  contra: z.boolean(),
  amount: z.string(),
});
export const statementSectionSchema = z.object({
  code: z.string(),
  name: z.string(),
  rows: z.array(statementRowSchema),
  total: z.string(),
});
const officeRefSchema = z.object({ code: z.string(), name: z.string() }).nullable();

export const balanceSheetSchema = z.object({
  asOf: z.string(),
  /** The one office asked for, or null: every office in the caller's scope. */
  office: officeRefSchema,
  assets: statementSectionSchema,
  liabilities: statementSectionSchema,
  equity: statementSectionSchema,
  /** Income − expenses from 1 January of asOf's year to asOf ("Laba/rugi tahun berjalan"). */
  currentProfit: z.string(),
  liabilitiesAndEquity: z.string(),
  balanced: z.boolean(),
});

export const incomeStatementSchema = z.object({
  from: z.string(),
  to: z.string(),
  office: officeRefSchema,
  income: statementSectionSchema,
  expenses: statementSectionSchema,
  netProfit: z.string(),
});

export type StatementRowView = z.infer<typeof statementRowSchema>;
export type StatementSectionView = z.infer<typeof statementSectionSchema>;
export type BalanceSheetView = z.infer<typeof balanceSheetSchema>;
export type IncomeStatementView = z.infer<typeof incomeStatementSchema>;
