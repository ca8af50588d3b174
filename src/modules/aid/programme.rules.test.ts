import { describe, expect, it } from 'vitest';
import { monthEnd, programmeProblems } from './programme.rules.ts';
import { type ProgrammeInput, programmeInputSchema } from './programme.schema.ts';

const valid = (changes: Record<string, unknown> = {}): ProgrammeInput =>
  programmeInputSchema.parse({
    code: 'bantuan_lansia',
    nameId: 'Bantuan lansia desa',
    nameEn: 'Village elderly aid',
    targetUnit: 'household',
    period: 'stage',
    stagesPerYear: 4,
    channel: 'lkd',
    memberCap: 2,
    rates: [{ category: 'elderly', basis: 'member', condition: { ageMin: 70 }, amount: '1200000', effectiveFrom: '2025-01-01' }],
    ...changes,
  });

describe('a programme definition is consistent', () => {
  it('accepts a staged programme whose yearly amounts split evenly', () => {
    expect(programmeProblems(valid())).toEqual([]);
  });

  it('a stage must split the year exactly: Rp1.000.000 in 3 stages is refused on the amount', () => {
    expect(programmeProblems(valid({ stagesPerYear: 3, rates: [{ ...valid().rates[0], amount: '1000000' }] }))).toEqual([
      { field: 'rates.0.amount', code: 'aid.amount_not_divisible', params: { stages: 3 } },
    ]);
  });

  it('stages only for staged programmes, and required there', () => {
    expect(programmeProblems(valid({ stagesPerYear: null }))).toEqual([{ field: 'stagesPerYear', code: 'aid.stages_required' }]);
    expect(programmeProblems(valid({ period: 'year' }))).toEqual([{ field: 'stagesPerYear', code: 'aid.stages_only_staged' }]);
    expect(programmeProblems(valid({ targetUnit: 'person', memberCap: 2 }))).toEqual([
      { field: 'memberCap', code: 'aid.cap_needs_household' },
    ]);
  });

  it('two rows of one category may not apply on the same day; one after the other is fine', () => {
    const row = valid().rates[0];
    const overlapping = [row, { ...row, amount: '1600000', effectiveFrom: '2025-06-01' }];
    expect(programmeProblems(valid({ rates: overlapping }))).toEqual([
      { field: 'rates.1.effectiveFrom', code: 'aid.rates_overlap', params: { category: 'elderly' } },
    ]);
    const successive = [
      { ...row, effectiveTo: '2025-05-31' },
      { ...row, amount: '1600000', effectiveFrom: '2025-06-01' },
    ];
    expect(programmeProblems(valid({ rates: successive }))).toEqual([]);
    expect(programmeProblems(valid({ rates: [{ ...row, effectiveTo: '2024-12-31' }] }))).toEqual([
      { field: 'rates.0.effectiveTo', code: 'aid.date_range_reversed' },
    ]);
  });

  it('a per-unit row takes no member condition', () => {
    const rates = [{ category: 'family', basis: 'unit', condition: { ageMin: 60 }, amount: '400000', effectiveFrom: '2025-01-01' }];
    expect(programmeProblems(valid({ rates }))).toEqual([{ field: 'rates.0.basis', code: 'aid.unit_rate_condition' }]);
  });

  it('lump-sum windows: monthly programmes only, whole months, not overlapping', () => {
    const monthly = { period: 'month', stagesPerYear: null, memberCap: null };
    expect(programmeProblems(valid({ ...monthly, paymentWindows: [{ startsOn: '2014-11-01', endsOn: '2014-12-31' }] }))).toEqual([]);
    expect(programmeProblems(valid({ paymentWindows: [{ startsOn: '2014-11-01', endsOn: '2014-12-31' }] }))).toEqual([
      { field: 'paymentWindows.0', code: 'aid.window_needs_monthly' },
    ]);
    expect(programmeProblems(valid({ ...monthly, paymentWindows: [{ startsOn: '2014-11-02', endsOn: '2014-12-31' }] }))).toEqual([
      { field: 'paymentWindows.0', code: 'aid.window_whole_months' },
    ]);
    const two = [
      { startsOn: '2015-01-01', endsOn: '2015-03-31' },
      { startsOn: '2015-03-01', endsOn: '2015-04-30' },
    ];
    expect(programmeProblems(valid({ ...monthly, paymentWindows: two }))).toEqual([
      { field: 'paymentWindows.1', code: 'aid.windows_overlap' },
    ]);
  });

  it('ranges in eligibility rules go upwards', () => {
    expect(programmeProblems(valid({ eligibility: [{ kind: 'decile', min: 5, max: 2 }] }))).toEqual([
      { field: 'eligibility.0.max', code: 'aid.range_reversed' },
    ]);
  });

  it('month ends, leap years included', () => {
    expect([monthEnd('2020-02-10'), monthEnd('2019-02-01'), monthEnd('2014-12-01')]).toEqual(['2020-02-29', '2019-02-28', '2014-12-31']);
  });
});
