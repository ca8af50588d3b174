import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type BenefitMember, type BenefitProgramme, type BenefitRate, quoteEntitlement } from './entitlement.rules.ts';

/** The benefit tables as migration 0025 seeds them (the routes test reads the seeded ones). */
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
const SEMBAKO: BenefitProgramme = {
  ...base,
  period: 'month',
  rates: [
    rate('family', 110_000, '2017-02-01', '2019-12-31', { basis: 'unit' }),
    rate('family', 150_000, '2020-01-01', '2020-02-29', { basis: 'unit' }),
    rate('family', 200_000, '2020-03-01', null, { basis: 'unit' }),
  ],
};

const member = (birthDate: string, extra: Partial<BenefitMember> = {}): BenefitMember => ({
  birthDate,
  sex: 'F',
  pregnant: false,
  schoolLevel: null,
  schoolYear: null,
  disability: null,
  ...extra,
});
const quote = (programme: BenefitProgramme, members: BenefitMember[], asOf: string) => {
  const result = quoteEntitlement(programme, members, asOf);
  if (!result.ok) throw new Error(`no rate on ${result.date}`);
  return result.quote;
};
const plain = (q: ReturnType<typeof quote>) => ({
  amount: q.amount.toString(),
  per: q.per,
  components: q.components.map((c) => ({ ...c, amount: c.amount.toString() })),
});

// A PKH family on 15 March 2025: the mother pregnant, a child of 3, a pupil at SD and one at SMP.
const pkhFamily = [
  member('1994-06-01', { pregnant: true }),
  member('2021-09-10', { sex: 'M' }),
  member('2016-02-01', { schoolLevel: 'SD' }),
  member('2012-08-20', { sex: 'M', schoolLevel: 'SMP' }),
];

describe('PKH: per person per year by category, paid in 4 stages', () => {
  it('a pregnant mother, a child of 3, an SD and an SMP pupil: Rp8.400.000 a year → Rp2.100.000 a stage', () => {
    expect(plain(quote(PKH, pkhFamily, '2025-03-15'))).toEqual({
      amount: '2100000',
      per: 'stage',
      components: [
        { member: 0, category: 'pregnant', amount: '750000' },
        { member: 1, category: 'early_childhood', amount: '750000' },
        { member: 2, category: 'sd', amount: '225000' },
        { member: 3, category: 'smp', amount: '375000' },
      ],
    });
    expect(quote(PKH, pkhFamily, '2025-03-15').amount * 4n).toBe(8_400_000n);
  });

  it('counts at most 4 members, the highest amounts first: a fifth (an SMA pupil) is shown at Rp0', () => {
    const five = [...pkhFamily, member('2008-01-05', { schoolLevel: 'SMA' })];
    const q = quote(PKH, five, '2025-03-15');
    // 3.000.000 + 3.000.000 + 2.000.000 (SMA) + 1.500.000 (SMP) a year; the SD pupil is the one left out.
    expect(q.amount).toBe(9_500_000n / 4n);
    expect(plain(q).components.find((c) => c.member === 2)).toEqual({ member: 2, category: 'sd', amount: '0' });
    expect(q.components.filter((c) => c.amount > 0n)).toHaveLength(4);
  });

  it('a child is early childhood through age 6 and not at 7; the elderly from 60', () => {
    expect(quote(PKH, [member('2018-03-15')], '2025-03-14').components).toEqual([
      { member: 0, category: 'early_childhood', amount: 750_000n },
    ]);
    expect(quote(PKH, [member('2018-03-15')], '2025-03-15').components).toEqual([]);
    expect(quote(PKH, [member('1965-03-16')], '2025-03-15').components).toEqual([]);
    expect(quote(PKH, [member('1965-03-15')], '2025-03-15').components).toEqual([{ member: 0, category: 'elderly', amount: 600_000n }]);
  });

  it('a member counts once, in the first category that fits: a severely disabled SMA pupil is paid as disabled', () => {
    expect(quote(PKH, [member('2008-01-01', { schoolLevel: 'SMA', disability: 'severe' })], '2025-03-15').components).toEqual([
      { member: 0, category: 'disability', amount: 600_000n },
    ]);
  });

  it('has no figures before 2020 (the index then was different and is not in the table)', () => {
    expect(quoteEntitlement(PKH, pkhFamily, '2019-12-31')).toEqual({ ok: false, code: 'aid.no_rate', date: '2019-12-31' });
  });

  it('a cap per category: at most 2 early-childhood members when the table says so', () => {
    const capped: BenefitProgramme = {
      ...PKH,
      memberCap: null,
      rates: PKH.rates.map((r) => (r.category === 'early_childhood' ? { ...r, maxPerUnit: 2 } : r)),
    };
    const q = quote(capped, [member('2020-01-01'), member('2021-01-01'), member('2022-01-01')], '2025-03-15');
    expect(q.components.map((c) => c.amount)).toEqual([750_000n, 750_000n, 0n]);
  });
});

describe('PIP / KIP: per pupil per year by level, half in the first and final years', () => {
  const sma = (schoolYear: 'new' | 'middle' | 'final') => [member('2008-07-01', { schoolLevel: 'SMA', schoolYear })];
  it('an SMA pupil in a middle year: Rp1.000.000 in 2023, Rp1.800.000 from 1 January 2024', () => {
    expect(plain(quote(PIP, sma('middle'), '2023-12-31'))).toEqual({
      amount: '1000000',
      per: 'year',
      components: [{ member: 0, category: 'sma', amount: '1000000' }],
    });
    expect(plain(quote(PIP, sma('middle'), '2024-01-01'))).toEqual({
      amount: '1800000',
      per: 'year',
      components: [{ member: 0, category: 'sma', amount: '1800000' }],
    });
  });
  it('half for the new and final years: SMA Rp900.000 (2024), SD Rp225.000, SMP Rp375.000', () => {
    expect(quote(PIP, sma('new'), '2024-08-01').amount).toBe(900_000n);
    expect(quote(PIP, sma('final'), '2023-08-01').amount).toBe(500_000n);
    const pupils = [
      member('2017-01-01', { schoolLevel: 'SD', schoolYear: 'new' }),
      member('2012-01-01', { schoolLevel: 'SMP', schoolYear: 'final' }),
      member('2014-01-01', { schoolLevel: 'SD', schoolYear: 'middle' }),
      member('2014-01-01', { schoolLevel: 'SD' }),
    ];
    expect(quote(PIP, pupils, '2024-08-01').components.map((c) => c.amount)).toEqual([225_000n, 375_000n, 450_000n, 450_000n]);
  });
  it('pays nobody who is not at school', () => {
    expect(plain(quote(PIP, [member('2010-01-01')], '2024-08-01'))).toEqual({ amount: '0', per: 'year', components: [] });
  });
});

describe('KKS: Rp200.000 per family per month, the 2014–2015 lump sums', () => {
  const family = [member('1980-01-01'), member('2010-01-01')];
  it('November 2014 (and December) is the Nov–Dec lump: Rp400.000 for the stage', () => {
    for (const day of ['2014-11-03', '2014-12-31'])
      expect(plain(quote(KKS, family, day))).toEqual({
        amount: '400000',
        per: 'stage',
        components: [{ member: 0, category: 'family', amount: '400000' }],
      });
  });
  it('February 2015 is the Jan–Mar lump: Rp600.000; April 2015 is a month: Rp200.000', () => {
    expect(plain(quote(KKS, family, '2015-02-10'))).toMatchObject({ amount: '600000', per: 'stage' });
    expect(plain(quote(KKS, family, '2015-04-01'))).toMatchObject({ amount: '200000', per: 'month' });
  });
  it('nothing before the launch in November 2014', () => {
    expect(quoteEntitlement(KKS, family, '2014-10-31')).toMatchObject({ ok: false, code: 'aid.no_rate' });
  });
});

describe('Sembako / BPNT: per family per month by date', () => {
  const family = [member('1980-01-01')];
  it.each([
    ['2017-02-01', 110_000n],
    ['2019-12-31', 110_000n],
    ['2020-01-01', 150_000n],
    ['2020-02-29', 150_000n],
    ['2020-03-01', 200_000n],
    ['2025-06-30', 200_000n],
  ])('on %s: %s a month', (day, amount) => {
    expect(quote(SEMBAKO, family, day)).toEqual({ amount, per: 'month', components: [{ member: 0, category: 'family', amount }] });
  });
  it('nothing before BPNT began in February 2017', () => {
    expect(quoteEntitlement(SEMBAKO, family, '2017-01-31')).toMatchObject({ ok: false });
  });
});

describe('invariants', () => {
  const arbitraryMember = fc.record({
    birthDate: fc
      .integer({ min: 0, max: 90 * 365 })
      .map((days) => new Date(Date.UTC(1935, 0, 1) + days * 86_400_000).toISOString().slice(0, 10)),
    sex: fc.constantFrom<'M' | 'F'>('M', 'F'),
    pregnant: fc.boolean(),
    schoolLevel: fc.constantFrom(null, 'SD' as const, 'SMP' as const, 'SMA' as const),
    schoolYear: fc.constantFrom(null, 'new' as const, 'middle' as const, 'final' as const),
    disability: fc.constantFrom(null, 'severe' as const),
  });
  const asOf = fc.constantFrom('2020-03-01', '2023-06-30', '2024-01-01', '2025-03-15');
  const programmes = fc.constantFrom(PKH, PIP, KKS, SEMBAKO);

  it('the amount is the sum of the components, never negative, and caps are respected', () => {
    fc.assert(
      fc.property(programmes, fc.array(arbitraryMember, { minLength: 1, maxLength: 12 }), asOf, (programme, members, day) => {
        const q = quote(programme, members, day);
        expect(q.amount).toBe(q.components.reduce((sum, c) => sum + c.amount, 0n));
        expect(q.amount >= 0n).toBe(true);
        for (const c of q.components) expect(c.amount >= 0n).toBe(true);
        const paid = q.components.filter((c) => c.amount > 0n);
        if (programme.memberCap !== null) expect(paid.length).toBeLessThanOrEqual(programme.memberCap);
        // Each member counts at most once.
        const memberIds = q.components.filter((c) => programme.rates.some((r) => r.category === c.category && r.basis === 'member'));
        expect(new Set(memberIds.map((c) => c.member)).size).toBe(memberIds.length);
      }),
    );
  });

  it('four stages of PKH make exactly the year', () => {
    fc.assert(
      fc.property(fc.array(arbitraryMember, { minLength: 1, maxLength: 8 }), (members) => {
        const stage = quote(PKH, members, '2025-03-15');
        const year = quote({ ...PKH, period: 'year', stagesPerYear: null }, members, '2025-03-15');
        expect(stage.amount * 4n).toBe(year.amount);
      }),
    );
  });
});
