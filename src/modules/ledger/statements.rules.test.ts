import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { AccountType } from './ledger.rules.ts';
import {
  type AccountTotals,
  balanceSheetOf,
  type ChartAccount,
  compareCodes,
  incomeStatementOf,
  printedBalanceSheet,
  statementSection,
} from './statements.rules.ts';

const account = (code: string, type: AccountType, parentCode: string | null, contra = false): ChartAccount => ({
  code,
  name: `Akun ${code}`,
  type,
  parentCode,
  contra,
});
const CHART: ChartAccount[] = [
  account('1', 'asset', null),
  account('1.1', 'asset', '1'),
  account('1.1.01', 'asset', '1.1'),
  account('1.1.02', 'asset', '1.1'),
  account('1.2', 'asset', '1'),
  account('1.2.01', 'asset', '1.2'),
  account('1.2.09', 'asset', '1.2', true),
  account('1.10', 'asset', '1'),
  account('1.10.01', 'asset', '1.10'),
  account('2', 'liability', null),
  account('2.1', 'liability', '2'),
  account('2.1.01', 'liability', '2.1'),
  account('3', 'equity', null),
  account('3.2', 'equity', '3'),
  account('3.2.02', 'equity', '3.2'),
  account('4', 'income', null),
  account('4.2', 'income', '4'),
  account('4.2.03', 'income', '4.2'),
  account('5', 'expense', null),
  account('5.2', 'expense', '5'),
  account('5.2.01', 'expense', '5.2'),
  account('5.2.02', 'expense', '5.2'),
];
const totals = (entries: [string, bigint, bigint][]): AccountTotals =>
  new Map(entries.map(([code, debit, credit]) => [code, { debit, credit }]));

describe('compareCodes', () => {
  it('orders segment by segment as numbers', () => {
    expect(['1.10', '1.2', '1.1.02', '1', '1.1'].sort(compareCodes)).toEqual(['1', '1.1', '1.1.02', '1.2', '1.10']);
  });
});

describe('statementSection', () => {
  it('nests accounts under their headers with subtotals; a contra account is negative; empty accounts are left out', () => {
    const section = statementSection(
      CHART,
      'asset',
      totals([
        ['1.1.02', 50_000_000n, 150_000n],
        ['1.2.01', 10_000_000n, 2_000_000n],
        ['1.2.09', 0n, 400_000n],
        ['1.10.01', 5n, 5n],
      ]),
    );
    expect(section.total).toBe(57_450_000n);
    expect(section.rows.map((r) => [r.code, r.level, r.kind, r.amount])).toEqual([
      ['1.1', 1, 'header', 49_850_000n],
      ['1.1.02', 2, 'account', 49_850_000n],
      ['1.2', 1, 'header', 7_600_000n],
      ['1.2.01', 2, 'account', 8_000_000n],
      ['1.2.09', 2, 'account', -400_000n],
    ]);
    expect(section.rows.find((r) => r.code === '1.2.09')?.contra).toBe(true);
  });
});

describe('balanceSheetOf', () => {
  it('puts the year’s loss in equity so that assets equal liabilities + equity (fund of 50,000,000, expense 150,000)', () => {
    const toDate = totals([
      ['1.1.02', 50_000_000n, 150_000n],
      ['3.2.02', 0n, 50_000_000n],
      ['5.2.02', 150_000n, 0n],
    ]);
    const sheet = balanceSheetOf(CHART, toDate, toDate, 'id');
    expect(sheet.assets.total).toBe('49850000');
    expect(sheet.equity.total).toBe('49850000');
    expect(sheet.currentProfit).toBe('-150000');
    expect(sheet.equity.rows.at(-1)).toEqual({
      code: null,
      name: 'Laba/rugi tahun berjalan',
      level: 1,
      kind: 'result',
      contra: false,
      amount: '-150000',
    });
    expect(sheet).toMatchObject({ liabilitiesAndEquity: '49850000', balanced: true });
  });

  it('shows earlier years’ unclosed profit on its own line', () => {
    const toDate = totals([
      ['1.1.01', 1_000n, 0n],
      ['4.2.03', 0n, 1_000n],
    ]);
    const sheet = balanceSheetOf(CHART, toDate, new Map(), 'en');
    expect(sheet.equity.rows.map((r) => [r.name, r.amount])).toEqual([
      ['Prior years profit/loss (not yet closed to retained earnings)', '1000'],
      ['Current year profit/loss', '0'],
    ]);
    expect(sheet.balanced).toBe(true);
  });

  it('balances for any set of balanced entries', () => {
    const postable = CHART.filter((a) => !CHART.some((c) => c.parentCode === a.code)).map((a) => a.code);
    const entry = fc.record({
      debit: fc.constantFrom(...postable),
      credit: fc.constantFrom(...postable),
      amount: fc.bigInt({ min: 1n, max: 10n ** 12n }),
      thisYear: fc.boolean(),
    });
    fc.assert(
      fc.property(fc.array(entry, { maxLength: 30 }), (entries) => {
        const all: AccountTotals = new Map();
        const year: AccountTotals = new Map();
        const add = (map: AccountTotals, code: string, debit: bigint, credit: bigint) => {
          const t = map.get(code) ?? { debit: 0n, credit: 0n };
          map.set(code, { debit: t.debit + debit, credit: t.credit + credit });
        };
        for (const e of entries) {
          for (const map of e.thisYear ? [all, year] : [all]) {
            add(map, e.debit, e.amount, 0n);
            add(map, e.credit, 0n, e.amount);
          }
        }
        const sheet = balanceSheetOf(CHART, all, year, 'id');
        return sheet.balanced && sheet.assets.total === sheet.liabilitiesAndEquity;
      }),
    );
  });
});

describe('incomeStatementOf and the printed layout', () => {
  it('nets income and expenses', () => {
    const statement = incomeStatementOf(
      CHART,
      totals([
        ['4.2.03', 0n, 2_000n],
        ['5.2.01', 1_000n, 0n],
        ['5.2.02', 150_000n, 0n],
      ]),
    );
    expect(statement.income.total).toBe('2000');
    expect(statement.expenses.total).toBe('151000');
    expect(statement.netProfit).toBe('-149000');
  });

  it('prints sections, subtotals and totals in Bahasa Indonesia', () => {
    const toDate = totals([
      ['1.1.02', 50_000_000n, 0n],
      ['3.2.02', 0n, 50_000_000n],
    ]);
    const printed = printedBalanceSheet({
      asOf: '2026-12-31',
      office: { code: 'YK01', name: 'Kantor Pusat' },
      ...balanceSheetOf(CHART, toDate, toDate, 'id'),
    });
    expect(printed.subtitle).toBe('Per Kamis, 31 Desember 2026');
    expect(printed.office).toBe('Kantor YK01 — Kantor Pusat');
    expect(printed.lines.filter((l) => l.style === 'total' || l.style === 'grandTotal').map((l) => [l.text, l.amount])).toEqual([
      ['JUMLAH ASET', '50000000'],
      ['JUMLAH KEWAJIBAN', '0'],
      ['JUMLAH EKUITAS', '50000000'],
      ['JUMLAH KEWAJIBAN DAN EKUITAS', '50000000'],
    ]);
  });
});
