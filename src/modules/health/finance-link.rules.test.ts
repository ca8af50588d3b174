import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  byUrgency,
  compareRepayment,
  decimalRatio,
  financingAt,
  financingRisk,
  type HistoryFinancing,
  instalmentsDueIn,
  monthEnd,
  monthsOf,
  underCareIn,
} from './finance-link.rules.ts';
import { illnessStatus } from './illness.rules.ts';

const TODAY = '2026-03-20';

describe('illness status (never the diagnosis)', () => {
  it.each([
    ['an open episode', [{ fromOn: '2026-03-03', toOn: null }], { status: 'ill', unableFrom: '2026-03-03', unableUntil: null }],
    ['an episode ending today', [{ fromOn: '2026-03-03', toOn: TODAY }], { status: 'ill', unableFrom: '2026-03-03', unableUntil: TODAY }],
    [
      'an episode ending later',
      [{ fromOn: '2026-03-03', toOn: '2026-04-02' }],
      { status: 'ill', unableFrom: '2026-03-03', unableUntil: '2026-04-02' },
    ],
    [
      'ended yesterday',
      [{ fromOn: '2026-03-01', toOn: '2026-03-19' }],
      { status: 'recovering', unableFrom: '2026-03-01', unableUntil: '2026-03-19' },
    ],
    [
      'ended 30 days ago',
      [{ fromOn: '2026-02-01', toOn: '2026-02-18' }],
      { status: 'recovering', unableFrom: '2026-02-01', unableUntil: '2026-02-18' },
    ],
    ['ended 31 days ago', [{ fromOn: '2026-02-01', toOn: '2026-02-17' }], null],
    ['recorded to begin tomorrow', [{ fromOn: '2026-03-21', toOn: null }], null],
    ['no episode', [], null],
    [
      'two current episodes, one open',
      [
        { fromOn: '2026-03-10', toOn: '2026-03-25' },
        { fromOn: '2026-03-05', toOn: null },
      ],
      { status: 'ill', unableFrom: '2026-03-05', unableUntil: null },
    ],
    [
      'two current episodes, both closed',
      [
        { fromOn: '2026-03-10', toOn: '2026-03-25' },
        { fromOn: '2026-03-15', toOn: '2026-03-30' },
      ],
      { status: 'ill', unableFrom: '2026-03-10', unableUntil: '2026-03-30' },
    ],
    [
      'ill now and recovering from an earlier one: ill wins',
      [
        { fromOn: '2026-02-20', toOn: '2026-02-28' },
        { fromOn: '2026-03-18', toOn: null },
      ],
      { status: 'ill', unableFrom: '2026-03-18', unableUntil: null },
    ],
    [
      'two past episodes: the latest ended',
      [
        { fromOn: '2026-02-20', toOn: '2026-02-25' },
        { fromOn: '2026-03-01', toOn: '2026-03-10' },
      ],
      { status: 'recovering', unableFrom: '2026-03-01', unableUntil: '2026-03-10' },
    ],
  ] as const)('%s', (_, episodes, expected) => {
    expect(illnessStatus(episodes, TODAY)).toEqual(expected);
  });
});

describe('a financing at risk', () => {
  const instalment = (dueDate: string, owed: bigint) => ({ dueDate, owed });
  it('counts what is overdue and the days since the oldest unpaid instalment', () => {
    expect(
      financingRisk([instalment('2026-02-15', 0n), instalment('2026-03-05', 1_100_000n), instalment('2026-04-05', 1_100_000n)], TODAY),
    ).toEqual({
      overdue: 1_100_000n,
      daysPastDue: 15,
      nextDue: null,
    });
  });
  it('includes an instalment due today and one due in 14 days, not one due in 15', () => {
    expect(financingRisk([instalment(TODAY, 550_000n)], TODAY)).toEqual({
      overdue: 0n,
      daysPastDue: 0,
      nextDue: { dueDate: TODAY, amount: 550_000n },
    });
    expect(financingRisk([instalment('2026-04-03', 550_000n)], TODAY)?.nextDue).toEqual({ dueDate: '2026-04-03', amount: 550_000n });
    expect(financingRisk([instalment('2026-04-04', 550_000n)], TODAY)).toBeNull();
  });
  it('leaves out a financing whose instalments are paid', () => {
    expect(financingRisk([instalment('2026-03-01', 0n), instalment('2026-03-25', 0n)], TODAY)).toBeNull();
  });
  it('orders the most urgent first', () => {
    const rows = [
      { name: 'Citra', daysPastDue: 0, overdue: 0n, nextDueOn: '2026-03-30' },
      { name: 'Bayu', daysPastDue: 10, overdue: 500n, nextDueOn: null },
      { name: 'Adi', daysPastDue: 0, overdue: 0n, nextDueOn: '2026-03-22' },
      { name: 'Dewi', daysPastDue: 10, overdue: 900n, nextDueOn: null },
    ];
    expect([...rows].sort(byUrgency).map((r) => r.name)).toEqual(['Dewi', 'Bayu', 'Adi', 'Citra']);
  });
});

describe('decimals with three places', () => {
  it.each([
    [93n, 100n, '0.930'],
    [2n, 3n, '0.667'],
    [1n, 2000n, '0.001'],
    [1n, 2001n, '0.000'],
    [5n, 5n, '1.000'],
    [0n, 7n, '0.000'],
  ])('%i ÷ %i = %s', (part, whole, text) => expect(decimalRatio(part, whole)).toBe(text));
  it('is null for nothing to divide by', () => expect(decimalRatio(0n, 0n)).toBeNull());
  it('is within half a thousandth of the exact ratio', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 1n, max: 10n ** 15n }), fc.bigInt({ min: 0n, max: 10n ** 15n }), (whole, raw) => {
        const part = raw % (whole + 1n);
        const text = decimalRatio(part, whole) as string;
        expect(text).toMatch(/^[01]\.\d{3}$/);
        const thousandths = BigInt(text.replace('.', ''));
        // |thousandths/1000 − part/whole| ≤ 1/2000
        const diff = thousandths * whole * 2n - part * 2000n;
        expect(diff <= whole && diff >= -whole).toBe(true);
      }),
    );
  });
});

describe('months and care', () => {
  it('lists months and their ends', () => {
    expect(monthsOf('2025-11', '2026-02')).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
    expect(monthEnd('2024-02')).toBe('2024-02-29');
    expect(monthEnd('2026-02')).toBe('2026-02-28');
  });
  it('is under care with care in the month or the 11 before it', () => {
    expect(underCareIn('2026-03', ['2026-03'])).toBe(true);
    expect(underCareIn('2026-03', ['2025-04'])).toBe(true);
    expect(underCareIn('2026-03', ['2025-03'])).toBe(false);
    expect(underCareIn('2026-03', ['2026-04'])).toBe(false);
    expect(underCareIn('2026-03', [])).toBe(false);
  });
});

// Three monthly instalments of 1,000,000 principal and 100,000 profit, disbursed 10 January.
const schedule = [
  { n: 1, dueDate: '2026-02-10', principal: 1_000_000n, profit: 100_000n },
  { n: 2, dueDate: '2026-03-10', principal: 1_000_000n, profit: 100_000n },
  { n: 3, dueDate: '2026-04-10', principal: 1_000_000n, profit: 100_000n },
];
const onTimePayer: HistoryFinancing = {
  id: 'a',
  personId: 'A',
  disbursedOn: '2026-01-10',
  closedOn: null,
  instalments: schedule,
  repayments: [
    { paidOn: '2026-02-10', principal: 1_000_000n, profit: 100_000n },
    { paidOn: '2026-03-09', principal: 1_000_000n, profit: 100_000n },
  ],
};
const latePayer: HistoryFinancing = {
  id: 'b',
  personId: 'B',
  disbursedOn: '2026-01-10',
  closedOn: null,
  instalments: schedule,
  // February's instalment paid in part on time and the rest on 20 March; nothing for March.
  repayments: [
    { paidOn: '2026-02-10', principal: 500_000n, profit: 100_000n },
    { paidOn: '2026-03-20', principal: 500_000n, profit: 0n },
  ],
};

describe('a financing rebuilt at a past day', () => {
  it('has outstanding principal and days past due as close of day would have set them', () => {
    expect(financingAt(latePayer, '2026-02-28')).toEqual({ inPortfolio: true, outstandingPrincipal: 2_500_000n, daysPastDue: 18 });
    expect(financingAt(latePayer, '2026-03-31')).toEqual({ inPortfolio: true, outstandingPrincipal: 2_000_000n, daysPastDue: 21 });
    expect(financingAt(onTimePayer, '2026-03-31')).toEqual({ inPortfolio: true, outstandingPrincipal: 1_000_000n, daysPastDue: 0 });
    // Due today is not yet past due.
    expect(financingAt(onTimePayer, '2026-04-10').daysPastDue).toBe(0);
    expect(financingAt(onTimePayer, '2026-01-09').inPortfolio).toBe(false);
    expect(financingAt({ ...onTimePayer, closedOn: '2026-03-09' }, '2026-03-31').inPortfolio).toBe(false);
  });
  it('counts an instalment on time when paid in full by its due date', () => {
    expect(instalmentsDueIn(onTimePayer, '2026-02', '2026-12-31')).toEqual({ due: 1, onTime: 1 });
    expect(instalmentsDueIn(latePayer, '2026-02', '2026-12-31')).toEqual({ due: 1, onTime: 0 });
    expect(instalmentsDueIn(latePayer, '2026-03', '2026-12-31')).toEqual({ due: 1, onTime: 0 });
    // An instalment due after asOf is not counted yet.
    expect(instalmentsDueIn(onTimePayer, '2026-04', '2026-04-09')).toEqual({ due: 0, onTime: 0 });
  });
});

describe('the comparison on a hand-built portfolio', () => {
  // A was seen by the doctor in December 2025; B never.
  const care = (id: string) => (id === 'A' ? ['2025-12'] : []);
  const result = compareRepayment([onTimePayer, latePayer], care, ['2026-02', '2026-03'], '2026-03-31');
  it('gives each month its figures', () => {
    expect(result.months).toEqual([
      {
        month: '2026-02',
        underCare: { members: 1, onTimeRate: '1.000', par30: '0.000', meanDaysPastDue: '0.0' },
        others: { members: 1, onTimeRate: '0.000', par30: '0.000', meanDaysPastDue: '18.0' },
      },
      {
        month: '2026-03',
        underCare: { members: 1, onTimeRate: '1.000', par30: '0.000', meanDaysPastDue: '0.0' },
        // 21 days past due at 31 March: not yet 30.
        others: { members: 1, onTimeRate: '0.000', par30: '0.000', meanDaysPastDue: '21.0' },
      },
    ]);
  });
  it('pools the on-time rate and takes the rest at the period end', () => {
    expect(result.underCare).toEqual({ members: 1, onTimeRate: '1.000', par30: '0.000', meanDaysPastDue: '0.0' });
    expect(result.others).toEqual({ members: 1, onTimeRate: '0.000', par30: '0.000', meanDaysPastDue: '21.0' });
  });
  it('counts principal 30 days past due or more in PAR30', () => {
    const april = compareRepayment([onTimePayer, latePayer], care, ['2026-04'], '2026-04-30');
    // B: oldest unpaid (March's) due 10 March, 51 days at 30 April; 2,000,000 outstanding, all at risk.
    expect(april.others).toEqual({ members: 1, onTimeRate: '0.000', par30: '1.000', meanDaysPastDue: '51.0' });
    // A: April's instalment unpaid, 20 days: not at risk.
    expect(april.underCare).toEqual({ members: 1, onTimeRate: '0.000', par30: '0.000', meanDaysPastDue: '20.0' });
  });
  it('moves a member out of care twelve months after the last care', () => {
    const later = compareRepayment([onTimePayer], care, ['2026-11', '2026-12'], '2026-12-31');
    expect(later.months.map((m) => [m.underCare.members, m.others.members])).toEqual([
      [1, 0],
      [0, 1],
    ]);
  });
  it('has nothing in a month not begun', () => {
    const future = compareRepayment([onTimePayer], care, ['2026-05'], '2026-04-30');
    expect(future.underCare).toEqual({ members: 0, onTimeRate: null, par30: null, meanDaysPastDue: null });
  });
});
