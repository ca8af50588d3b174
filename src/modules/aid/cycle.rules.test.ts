import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  cycleApprovalRefusal,
  cycleTotals,
  entitlementApprovalRefusal,
  type FactsMember,
  isExcludable,
  paysPerUnitOnly,
  perUnitTemplate,
  unitEntitlement,
} from './cycle.rules.ts';
import type { BenefitProgramme, BenefitRate } from './entitlement.rules.ts';

/** The seeded tables of migration 0025 that a cycle reads (the routes test computes from the seeded rows). */
const rate = (category: string, amount: number, from: string, to: string | null = null, extra: Partial<BenefitRate> = {}): BenefitRate => ({
  category,
  basis: 'member',
  condition: {},
  amount: BigInt(amount),
  maxPerUnit: null,
  effectiveFrom: from,
  effectiveTo: to,
  ...extra,
});
const base = { stagesPerYear: null, memberCap: null, newYearPercent: null, finalYearPercent: null, paymentWindows: [] };
const KKS: BenefitProgramme = {
  ...base,
  period: 'month',
  rates: [rate('family', 200_000, '2014-11-01', null, { basis: 'unit' })],
  paymentWindows: [
    { startsOn: '2014-11-01', endsOn: '2014-12-31' },
    { startsOn: '2015-01-01', endsOn: '2015-03-31' },
  ],
};
const PKH: BenefitProgramme = {
  ...base,
  period: 'stage',
  stagesPerYear: 4,
  memberCap: 4,
  rates: [
    rate('pregnant', 3_000_000, '2020-01-01', null, { condition: { pregnant: true } }),
    rate('early_childhood', 3_000_000, '2020-01-01', null, { condition: { ageMax: 6 } }),
    rate('disability', 2_400_000, '2020-01-01', null, { condition: { disability: 'severe' } }),
    rate('elderly', 2_400_000, '2020-01-01', null, { condition: { ageMin: 60 } }),
    rate('sma', 2_000_000, '2020-01-01', null, { condition: { schoolLevel: 'SMA' } }),
    rate('smp', 1_500_000, '2020-01-01', null, { condition: { schoolLevel: 'SMP' } }),
    rate('sd', 900_000, '2020-01-01', null, { condition: { schoolLevel: 'SD' } }),
  ],
};
const PIP: BenefitProgramme = {
  ...base,
  period: 'year',
  newYearPercent: 50,
  finalYearPercent: 50,
  rates: [
    rate('sd', 450_000, '2014-11-01', null, { condition: { schoolLevel: 'SD' } }),
    rate('smp', 750_000, '2014-11-01', null, { condition: { schoolLevel: 'SMP' } }),
    rate('sma', 1_000_000, '2014-11-01', '2023-12-31', { condition: { schoolLevel: 'SMA' } }),
    rate('sma', 1_800_000, '2024-01-01', null, { condition: { schoolLevel: 'SMA' } }),
  ],
};

const facts = (id: string, birthDate: string, extra: Partial<FactsMember> = {}): FactsMember => ({
  id,
  birthDate,
  sex: 'F',
  schoolLevel: null,
  schoolYear: null,
  pregnant: null,
  disability: null,
  ...extra,
});
const RECIPIENT = 'mother';

describe('what one unit is owed in a cycle', () => {
  it('pays the contract family Rp2.100.000 for a PKH stage, each component on its member', () => {
    // A pregnant mother, a child of 3, an SD pupil and an SMP pupil: Rp8.400.000 a year, 4 stages.
    const family = [
      facts('mother', '1994-06-01', { pregnant: true }),
      facts('toddler', '2022-01-10'),
      facts('sd', '2016-05-01', { schoolLevel: 'SD', schoolYear: 'middle' }),
      facts('smp', '2012-03-01', { schoolLevel: 'SMP', schoolYear: 'middle' }),
    ];
    expect(unitEntitlement(PKH, family, RECIPIENT, '2025-04-01')).toEqual({
      amount: 2_100_000n,
      components: [
        { member: 'mother', category: 'pregnant', amount: '750000' },
        { member: 'toddler', category: 'early_childhood', amount: '750000' },
        { member: 'sd', category: 'sd', amount: '225000' },
        { member: 'smp', category: 'smp', amount: '375000' },
      ],
    });
  });

  it('pays nothing for what is not recorded: a pregnancy, a school level or a severe disability the registry does not hold', () => {
    const family = [
      facts('mother', '1994-06-01', { pregnant: null }),
      facts('pupil', '2016-05-01', { schoolLevel: null, schoolYear: 'middle' }),
      facts('uncle', '1990-01-01', { disability: 'none' }),
      facts('aunt', '1991-01-01', { disability: null }),
    ];
    expect(unitEntitlement(PKH, family, RECIPIENT, '2025-04-01')).toEqual({ amount: 0n, components: [] });
    const severe = unitEntitlement(PKH, [facts('uncle', '1990-01-01', { disability: 'severe' })], RECIPIENT, '2025-04-01');
    expect(severe?.amount).toBe(600_000n);
  });

  it('does not count a member born after the period’s first day', () => {
    const family = [facts('mother', '1994-06-01'), facts('baby', '2025-05-20')];
    expect(unitEntitlement(PKH, family, RECIPIENT, '2025-04-01')?.amount).toBe(0n);
    expect(unitEntitlement(PKH, family, RECIPIENT, '2025-07-01')?.amount).toBe(750_000n);
  });

  it('reads ages on the period’s first day: a child turning 7 the day after still counts as early childhood', () => {
    const family = [facts('child', '2018-04-02')];
    expect(unitEntitlement(PKH, family, RECIPIENT, '2025-04-01')?.amount).toBe(750_000n);
    expect(unitEntitlement(PKH, family, RECIPIENT, '2025-04-02')?.amount).toBe(0n);
  });

  it('pays a PIP pupil in an SMA middle year by the table of the period’s start (before and after 1 January 2024)', () => {
    const pupil = [facts('pupil', '2008-02-01', { schoolLevel: 'SMA', schoolYear: 'middle' })];
    expect(unitEntitlement(PIP, pupil, 'father', '2023-07-01')?.amount).toBe(1_000_000n);
    expect(unitEntitlement(PIP, pupil, 'father', '2024-07-01')).toEqual({
      amount: 1_800_000n,
      components: [{ member: 'pupil', category: 'sma', amount: '1800000' }],
    });
    const finalYear = [facts('pupil', '2008-02-01', { schoolLevel: 'SMA', schoolYear: 'final' })];
    expect(unitEntitlement(PIP, finalYear, 'father', '2024-07-01')?.amount).toBe(900_000n);
  });

  it('gives a per-family benefit to the recipient, whoever the members are', () => {
    const family = [facts('head', '1970-01-01'), facts(RECIPIENT, '1975-01-01')];
    expect(unitEntitlement(KKS, family, RECIPIENT, '2025-11-01')).toEqual({
      amount: 200_000n,
      components: [{ member: RECIPIENT, category: 'family', amount: '200000' }],
    });
  });

  it('answers null when the table does not apply on the day (PKH before 2020)', () => {
    expect(unitEntitlement(PKH, [facts('child', '2016-01-01')], RECIPIENT, '2019-07-01')).toBeNull();
  });

  it('computes a per-unit programme once for every unit: Rp200.000 a month, the Nov–Dec 2014 window as Rp400.000', () => {
    expect(paysPerUnitOnly(KKS)).toBe(true);
    expect(paysPerUnitOnly(PKH)).toBe(false);
    expect(perUnitTemplate(KKS, '2025-11-01')).toEqual({ amount: 200_000n, components: [{ category: 'family', amount: '200000' }] });
    expect(perUnitTemplate(KKS, '2014-11-01')?.amount).toBe(400_000n);
    expect(perUnitTemplate(KKS, '2015-02-01')?.amount).toBe(600_000n);
    expect(perUnitTemplate(KKS, '2014-10-01')).toBeNull();
    // A member-based table has no per-unit part: zero for every unit before members are read.
    expect(perUnitTemplate(PKH, '2025-04-01')).toEqual({ amount: 0n, components: [] });
  });

  it('sums its components, each member a person of the unit or the recipient, never below zero (property)', () => {
    const member = fc.record({
      birthDate: fc.constantFrom('1950-01-01', '1990-06-01', '2012-03-01', '2016-05-01', '2021-01-01', '2025-03-31'),
      sex: fc.constantFrom('M' as const, 'F' as const),
      schoolLevel: fc.constantFrom(null, 'SD' as const, 'SMP' as const, 'SMA' as const),
      schoolYear: fc.constantFrom(null, 'new' as const, 'middle' as const, 'final' as const),
      pregnant: fc.constantFrom(null, true, false),
      disability: fc.constantFrom(null, 'none' as const, 'severe' as const),
    });
    fc.assert(
      fc.property(fc.array(member, { maxLength: 9 }), fc.constantFrom(PKH, PIP, KKS), (members, programme) => {
        const family = members.map((m, i) => ({ ...m, id: `p${i}` }));
        const owed = unitEntitlement(programme, family, RECIPIENT, '2025-04-01');
        if (!owed) return;
        expect(owed.amount).toBe(owed.components.reduce((sum, c) => sum + BigInt(c.amount), 0n));
        expect(owed.amount >= 0n).toBe(true);
        const ids = new Set([RECIPIENT, ...family.map((m) => m.id)]);
        for (const c of owed.components) expect(ids.has(c.member)).toBe(true);
        if (programme === PKH) expect(owed.components.filter((c) => c.amount !== '0').length).toBeLessThanOrEqual(4);
      }),
    );
  });
});

describe('the order of approval', () => {
  const cycle = (status: 'open' | 'approved' | 'closed', computeState: 'idle' | 'computing' | 'computed') => ({
    status,
    computeState,
    createdBy: 'manajer',
  });

  it('refuses the cycle’s maker first, whatever its state; then an unfinished compute; then a programme without a fund', () => {
    expect(cycleApprovalRefusal(cycle('open', 'computing'), 'manajer', true)).toBe('aid.maker_checker');
    expect(cycleApprovalRefusal(cycle('open', 'computed'), 'manajer', true)).toBe('aid.maker_checker');
    expect(cycleApprovalRefusal(cycle('open', 'idle'), 'pembina', true)).toBe('aid.cycle_not_computed');
    expect(cycleApprovalRefusal(cycle('open', 'computing'), 'pembina', true)).toBe('aid.cycle_not_computed');
    expect(cycleApprovalRefusal(cycle('open', 'computed'), 'pembina', false)).toBe('aid.no_fund');
    expect(cycleApprovalRefusal(cycle('approved', 'computed'), 'pembina', true)).toBe('aid.cycle_not_open');
    expect(cycleApprovalRefusal(cycle('open', 'computed'), 'pembina', true)).toBeNull();
  });

  it('approves no entitlement before its cycle, whoever asks; then never by the cycle’s maker', () => {
    expect(entitlementApprovalRefusal(cycle('open', 'computed'), 'pembina', true)).toBe('aid.cycle_not_approved');
    expect(entitlementApprovalRefusal(cycle('open', 'computed'), 'manajer', true)).toBe('aid.cycle_not_approved');
    expect(entitlementApprovalRefusal(cycle('approved', 'computed'), 'manajer', true)).toBe('aid.maker_checker');
    expect(entitlementApprovalRefusal(cycle('closed', 'computed'), 'pembina', true)).toBe('aid.cycle_closed');
    expect(entitlementApprovalRefusal(cycle('approved', 'computed'), 'pembina', false)).toBe('aid.no_fund');
    expect(entitlementApprovalRefusal(cycle('approved', 'computed'), 'pembina', true)).toBeNull();
  });

  it('excludes what is computed or approved, nothing instructed or settled', () => {
    expect(['computed', 'approved'].every((s) => isExcludable(s as 'computed'))).toBe(true);
    for (const s of ['excluded', 'instructed', 'paid', 'failed', 'returned'] as const) expect(isExcludable(s)).toBe(false);
  });
});

describe('cycle totals', () => {
  it('lists every status and counts as owed everything but the excluded, to the rupiah', () => {
    const totals = cycleTotals([
      { status: 'approved', count: 3, amount: '600000' },
      { status: 'excluded', count: 1, amount: '200000' },
      { status: 'computed', count: 2, amount: '4200000' },
    ]);
    expect(totals.count).toBe(5);
    expect(totals.amount).toBe('4800000');
    expect(totals.byStatus).toEqual({
      computed: { count: 2, amount: '4200000' },
      excluded: { count: 1, amount: '200000' },
      approved: { count: 3, amount: '600000' },
      instructed: { count: 0, amount: '0' },
      paid: { count: 0, amount: '0' },
      failed: { count: 0, amount: '0' },
      returned: { count: 0, amount: '0' },
    });
  });
});
