/** Pure rules of the financial statements: the chart's tree, subtotals, the year's profit. */
import { formatDateLong, formatRupiah } from '../../core/format.ts';
import type { Locale } from '../../core/locale.ts';
import { type AccountType, naturalBalance } from './ledger.rules.ts';
import type { BalanceSheetView, IncomeStatementView, StatementSectionView } from './statements.schema.ts';

export type ChartAccount = { code: string; name: string; type: AccountType; parentCode: string | null; contra: boolean };
export type AccountTotals = Map<string, { debit: bigint; credit: bigint }>;

type Row = { code: string | null; name: string; level: number; kind: 'header' | 'account' | 'result'; contra: boolean; amount: bigint };
export type Section = { code: string; name: string; rows: Row[]; total: bigint };

/** Account codes compared segment by segment as numbers, so 1.2 comes before 1.10. */
export function compareCodes(a: string, b: string): number {
  const x = a.split('.').map(Number);
  const y = b.split('.').map(Number);
  for (let i = 0; i < Math.max(x.length, y.length); i++) {
    const d = (x[i] ?? -1) - (y[i] ?? -1);
    if (d !== 0) return d;
  }
  return 0;
}

/**
 * The accounts of one type (one root of the chart, e.g. 1 Aset) that have a balance, each under
 * its headers in chart order; a header carries the subtotal of everything beneath it. Amounts are
 * on the type's normal side (assets debit − credit, liabilities credit − debit), so a contra
 * account such as the loan-loss allowance comes out negative under its group.
 */
export function statementSection(chart: ChartAccount[], type: AccountType, totals: AccountTotals): Section {
  const children = new Map<string | null, ChartAccount[]>();
  for (const account of [...chart].sort((a, b) => compareCodes(a.code, b.code))) {
    const siblings = children.get(account.parentCode) ?? [];
    siblings.push(account);
    children.set(account.parentCode, siblings);
  }
  const roots = (children.get(null) ?? []).filter((a) => a.type === type);
  const own = (account: ChartAccount) => {
    const t = totals.get(account.code);
    return t ? naturalBalance(type, false, t.debit, t.credit) : 0n;
  };
  // Pre-order: a node, then what lies beneath it; kept when it or a descendant has a balance.
  const walk = (account: ChartAccount, level: number): { rows: Row[]; amount: bigint; shown: boolean } => {
    const below = (children.get(account.code) ?? []).map((child) => walk(child, level + 1));
    const amount = below.reduce((sum, b) => sum + b.amount, own(account));
    const shown = own(account) !== 0n || below.some((b) => b.shown);
    const isHeader = below.length > 0;
    const row: Row = {
      code: account.code,
      name: account.name,
      level,
      kind: isHeader ? 'header' : 'account',
      contra: account.contra,
      amount,
    };
    return { rows: shown ? [row, ...below.flatMap((b) => b.rows)] : [], amount, shown };
  };
  const rows: Row[] = [];
  let total = 0n;
  for (const root of roots) {
    const walked = (children.get(root.code) ?? []).map((child) => walk(child, 1));
    rows.push(...walked.flatMap((w) => w.rows));
    total += walked.reduce((sum, w) => sum + w.amount, own(root));
  }
  const first = roots[0];
  return { code: first?.code ?? '', name: first?.name ?? type, rows, total };
}

export const STATEMENT_TEXTS: Record<
  Locale,
  { currentProfit: string; priorProfit: string; allOffices: string; balanceSheet: string; incomeStatement: string }
> = {
  id: {
    currentProfit: 'Laba/rugi tahun berjalan',
    priorProfit: 'Laba/rugi tahun lalu (belum ditutup ke saldo laba)',
    allOffices: 'Semua kantor',
    balanceSheet: 'Neraca',
    incomeStatement: 'Laporan Laba Rugi',
  },
  en: {
    currentProfit: 'Current year profit/loss',
    priorProfit: 'Prior years profit/loss (not yet closed to retained earnings)',
    allOffices: 'All offices',
    balanceSheet: 'Balance sheet',
    incomeStatement: 'Income statement',
  },
};

/** 1 January of a date's year: where "this year's" profit starts (the books close per calendar year). */
export const yearStart = (isoDate: string) => `${isoDate.slice(0, 4)}-01-01`;

/**
 * The balance sheet as of a date. Income and expense accounts are not yet closed into retained
 * earnings, so their net sits in equity: this year's as "Laba/rugi tahun berjalan", earlier
 * years' (if a year was never closed) on its own line. Assets then equal liabilities + equity
 * whenever every entry balanced.
 */
export function balanceSheetOf(
  chart: ChartAccount[],
  toDate: AccountTotals,
  thisYear: AccountTotals,
  locale: Locale,
): Pick<BalanceSheetView, 'assets' | 'liabilities' | 'equity' | 'currentProfit' | 'liabilitiesAndEquity' | 'balanced'> {
  const profitOf = (totals: AccountTotals) =>
    statementSection(chart, 'income', totals).total - statementSection(chart, 'expense', totals).total;
  const currentProfit = profitOf(thisYear);
  const priorProfit = profitOf(toDate) - currentProfit;
  const assets = statementSection(chart, 'asset', toDate);
  const liabilities = statementSection(chart, 'liability', toDate);
  const equity = statementSection(chart, 'equity', toDate);
  const texts = STATEMENT_TEXTS[locale];
  const result = (name: string, amount: bigint): Row => ({ code: null, name, level: 1, kind: 'result', contra: false, amount });
  if (priorProfit !== 0n) equity.rows.push(result(texts.priorProfit, priorProfit));
  equity.rows.push(result(texts.currentProfit, currentProfit));
  equity.total += priorProfit + currentProfit;
  const liabilitiesAndEquity = liabilities.total + equity.total;
  return {
    assets: sectionView(assets),
    liabilities: sectionView(liabilities),
    equity: sectionView(equity),
    currentProfit: currentProfit.toString(),
    liabilitiesAndEquity: liabilitiesAndEquity.toString(),
    balanced: assets.total === liabilitiesAndEquity,
  };
}

/** Income and expenses of a period and their net. */
export function incomeStatementOf(
  chart: ChartAccount[],
  period: AccountTotals,
): Pick<IncomeStatementView, 'income' | 'expenses' | 'netProfit'> {
  const income = statementSection(chart, 'income', period);
  const expenses = statementSection(chart, 'expense', period);
  return { income: sectionView(income), expenses: sectionView(expenses), netProfit: (income.total - expenses.total).toString() };
}

const sectionView = (section: Section): StatementSectionView => ({
  ...section,
  rows: section.rows.map((row) => ({ ...row, amount: row.amount.toString() })),
  total: section.total.toString(),
});

// ---- The printed layout, shared by the PDF and the Excel file (always in Bahasa Indonesia) ----

export type PrintLine = {
  code: string;
  text: string;
  level: number;
  /** A whole-rupiah decimal string, or null for a title line. */
  amount: string | null;
  style: 'section' | 'header' | 'account' | 'result' | 'total' | 'grandTotal' | 'blank';
};
export type PrintedStatement = { title: string; subtitle: string; office: string; lines: PrintLine[] };

function sectionLines(section: StatementSectionView, totalText: string): PrintLine[] {
  return [
    { code: section.code, text: section.name.toUpperCase(), level: 0, amount: null, style: 'section' },
    ...section.rows.map(
      (row): PrintLine => ({
        code: row.code ?? '',
        text: row.name,
        level: row.level,
        amount: row.amount,
        style: row.kind,
      }),
    ),
    { code: '', text: totalText, level: 0, amount: section.total, style: 'total' },
  ];
}
const blank: PrintLine = { code: '', text: '', level: 0, amount: null, style: 'blank' };

const officeText = (office: { code: string; name: string } | null) =>
  office ? `Kantor ${office.code} — ${office.name}` : `${STATEMENT_TEXTS.id.allOffices} dalam cakupan`;

export function printedBalanceSheet(view: BalanceSheetView): PrintedStatement {
  return {
    title: 'NERACA',
    subtitle: `Per ${formatDateLong(view.asOf)}`,
    office: officeText(view.office),
    lines: [
      ...sectionLines(view.assets, 'JUMLAH ASET'),
      blank,
      ...sectionLines(view.liabilities, 'JUMLAH KEWAJIBAN'),
      blank,
      ...sectionLines(view.equity, 'JUMLAH EKUITAS'),
      blank,
      { code: '', text: 'JUMLAH KEWAJIBAN DAN EKUITAS', level: 0, amount: view.liabilitiesAndEquity, style: 'grandTotal' },
    ],
  };
}

export function printedIncomeStatement(view: IncomeStatementView): PrintedStatement {
  return {
    title: 'LAPORAN LABA RUGI',
    subtitle: `Periode ${formatDateLong(view.from)} s.d. ${formatDateLong(view.to)}`,
    office: officeText(view.office),
    lines: [
      ...sectionLines(view.income, 'JUMLAH PENDAPATAN'),
      blank,
      ...sectionLines(view.expenses, 'JUMLAH BEBAN'),
      blank,
      { code: '', text: 'LABA (RUGI) BERSIH', level: 0, amount: view.netProfit, style: 'grandTotal' },
    ],
  };
}

/** "Rp1.234.567", "-Rp150.000": the printed form of an amount. */
export const printedAmount = (amount: string | null) => (amount === null ? '' : formatRupiah(amount));
