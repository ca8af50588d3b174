import type { z } from 'zod';
import { assertRole, type Context } from '../../context.ts';
import { businessDate } from '../../core/clock.ts';
import { invalid } from '../../core/errors.ts';
import type { Locale } from '../../core/locale.ts';
import { getOrganisation, officesWithRegions } from '../organisation/index.ts';
import { accountNameIn, officeFilter } from './ledger.access.ts';
import { LEDGER_READERS } from './ledger.roles.ts';
import { accountTotals, listAccountRows } from './ledger.store.ts';
import { renderStatementPdf } from './statements.pdf.ts';
import {
  type AccountTotals,
  balanceSheetOf,
  type ChartAccount,
  incomeStatementOf,
  printedBalanceSheet,
  printedIncomeStatement,
  yearStart,
} from './statements.rules.ts';
import type { BalanceSheetView, balanceSheetQuerySchema, IncomeStatementView, incomeStatementQuerySchema } from './statements.schema.ts';
import { renderStatementXlsx } from './statements.xlsx.ts';

type BalanceSheetQuery = z.infer<typeof balanceSheetQuerySchema>;
type IncomeStatementQuery = z.infer<typeof incomeStatementQuerySchema>;

async function chartIn(ctx: Context, locale: Locale): Promise<ChartAccount[]> {
  return (await listAccountRows(ctx.db)).map((row) => ({
    code: row.code,
    name: accountNameIn(locale, row),
    type: row.type,
    parentCode: row.parent_code,
    contra: row.contra,
  }));
}

async function totalsOf(ctx: Context, to: string, officeIds: string[] | null, from: string | null = null): Promise<AccountTotals> {
  const rows = await accountTotals(ctx.db, to, officeIds, from);
  return new Map(rows.map((r) => [r.account_code, { debit: BigInt(r.debit), credit: BigInt(r.credit) }]));
}

async function officeRef(ctx: Context, officeIds: string[] | null, asked: string | undefined) {
  if (!asked || !officeIds?.[0]) return null;
  const [office] = await officesWithRegions(ctx.db, [officeIds[0]]);
  return office ? { code: office.code, name: office.name } : null;
}

/** Assets = liabilities + equity as of a date, for one office or every office in scope. */
export async function balanceSheet(ctx: Context, query: BalanceSheetQuery, locale: Locale = ctx.locale): Promise<BalanceSheetView> {
  assertRole(ctx, LEDGER_READERS);
  const officeIds = await officeFilter(ctx, query.office);
  const [chart, toDate, thisYear, office] = await Promise.all([
    chartIn(ctx, locale),
    totalsOf(ctx, query.asOf, officeIds),
    totalsOf(ctx, query.asOf, officeIds, yearStart(query.asOf)),
    officeRef(ctx, officeIds, query.office),
  ]);
  return { asOf: query.asOf, office, ...balanceSheetOf(chart, toDate, thisYear, locale) };
}

/** Income, expenses and the net of a period. */
export async function incomeStatement(
  ctx: Context,
  query: IncomeStatementQuery,
  locale: Locale = ctx.locale,
): Promise<IncomeStatementView> {
  assertRole(ctx, LEDGER_READERS);
  if (query.to < query.from) throw invalid('ledger.period_reversed', 'to');
  const officeIds = await officeFilter(ctx, query.office);
  const [chart, period, office] = await Promise.all([
    chartIn(ctx, locale),
    totalsOf(ctx, query.to, officeIds, query.from),
    officeRef(ctx, officeIds, query.office),
  ]);
  return { from: query.from, to: query.to, office, ...incomeStatementOf(chart, period) };
}

export type StatementFile = { body: Buffer; fileName: string };
export type StatementFormat = 'pdf' | 'xlsx';

async function renderFile(ctx: Context, printed: ReturnType<typeof printedBalanceSheet>, format: StatementFormat, name: string) {
  const organisation = (await getOrganisation(ctx.db))?.name ?? 'Jaring';
  const document = { ...printed, organisation, printedOn: businessDate(ctx.clock) };
  const body = format === 'pdf' ? await renderStatementPdf(document) : await renderStatementXlsx(document);
  return { body, fileName: `${name}.${format}` };
}

/** The balance sheet printed (PDF) or as a workbook (Excel), in Bahasa Indonesia. */
export async function balanceSheetFile(ctx: Context, query: BalanceSheetQuery, format: StatementFormat): Promise<StatementFile> {
  const view = await balanceSheet(ctx, query, 'id');
  return renderFile(ctx, printedBalanceSheet(view), format, `neraca-${view.office?.code ?? 'semua'}-${view.asOf}`);
}

export async function incomeStatementFile(ctx: Context, query: IncomeStatementQuery, format: StatementFormat): Promise<StatementFile> {
  const view = await incomeStatement(ctx, query, 'id');
  return renderFile(ctx, printedIncomeStatement(view), format, `laba-rugi-${view.office?.code ?? 'semua'}-${view.from}-${view.to}`);
}
