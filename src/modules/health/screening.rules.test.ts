import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  actionProblem,
  ageOn,
  birthDatesForAges,
  checkTarget,
  nextDueOn,
  recallWindow,
  ruleInForce,
  type ScreeningRule,
  type ScreeningTarget,
} from './screening.rules.ts';

// The seed rows of migration 0022, as data.
const SEED: ScreeningRule[] = (['iva', 'pap_smear'] as const).flatMap((method) => [
  { effectiveFrom: '2015-01-01', method, result: 'negative', action: '*', intervalMonths: 36 },
  { effectiveFrom: '2015-01-01', method, result: 'positive', action: '*', intervalMonths: 6 },
  { effectiveFrom: '2015-01-01', method, result: 'suspected_cancer', action: '*', intervalMonths: 1 },
  { effectiveFrom: '2015-01-01', method, result: 'inadequate', action: '*', intervalMonths: 1 },
]);
const TARGETS: ScreeningTarget[] = [
  { effectiveFrom: '2015-01-01', method: 'iva', sex: 'F', minAge: 30, maxAge: 50 },
  { effectiveFrom: '2015-01-01', method: 'pap_smear', sex: 'F', minAge: 30, maxAge: 50 },
];

describe('next screening date', () => {
  it.each([
    ['negative IVA: again after 36 months', 'iva', 'negative', 'none', '2025-03-10', '2028-03-10'],
    ['positive treated: re-check after 6 months', 'iva', 'positive', 'cryotherapy', '2025-03-10', '2025-09-10'],
    ['31 January + 6 months stays on the 31st', 'iva', 'positive', 'thermal_ablation', '2025-01-31', '2025-07-31'],
    ['31 March + 6 months clamps to 30 September', 'iva', 'positive', 'referral', '2025-03-31', '2025-09-30'],
    ['31 August + 6 months clamps to 28 February', 'pap_smear', 'positive', 'cryotherapy', '2025-08-31', '2026-02-28'],
    ['31 August 2027 + 6 months: 29 February in a leap year', 'iva', 'positive', 'cryotherapy', '2027-08-31', '2028-02-29'],
    ['29 February + 36 months clamps to 28 February', 'iva', 'negative', 'none', '2024-02-29', '2027-02-28'],
    ['suspected cancer referred: one month', 'iva', 'suspected_cancer', 'referral', '2025-01-31', '2025-02-28'],
    ['inadequate sample: one month', 'pap_smear', 'inadequate', 'repeat', '2025-12-15', '2026-01-15'],
  ])('%s', (_name, method, result, action, screenedOn, expected) => {
    expect(nextDueOn(SEED, { method, result, action, screenedOn })).toBe(expected);
  });

  it('applies a later rule only to screenings from its date', () => {
    const rules: ScreeningRule[] = [
      ...SEED,
      { effectiveFrom: '2026-01-01', method: 'iva', result: 'negative', action: '*', intervalMonths: 60 },
    ];
    expect(nextDueOn(rules, { method: 'iva', result: 'negative', action: 'none', screenedOn: '2025-12-31' })).toBe('2028-12-31');
    expect(nextDueOn(rules, { method: 'iva', result: 'negative', action: 'none', screenedOn: '2026-01-01' })).toBe('2031-01-01');
    // The pap smear keeps its own rule.
    expect(nextDueOn(rules, { method: 'pap_smear', result: 'negative', action: 'none', screenedOn: '2026-06-01' })).toBe('2029-06-01');
  });

  it('prefers a rule naming the action over "*" on the same date, and a later "*" over an older specific rule', () => {
    const rules: ScreeningRule[] = [
      ...SEED,
      { effectiveFrom: '2015-01-01', method: 'iva', result: 'positive', action: 'referral', intervalMonths: 12 },
      { effectiveFrom: '2020-01-01', method: 'iva', result: 'positive', action: '*', intervalMonths: 3 },
    ];
    expect(ruleInForce(rules, { method: 'iva', result: 'positive', action: 'referral', on: '2019-05-05' })?.intervalMonths).toBe(12);
    expect(ruleInForce(rules, { method: 'iva', result: 'positive', action: 'cryotherapy', on: '2019-05-05' })?.intervalMonths).toBe(6);
    expect(ruleInForce(rules, { method: 'iva', result: 'positive', action: 'referral', on: '2020-01-01' })?.intervalMonths).toBe(3);
  });

  it('has no date before the first rule', () => {
    expect(nextDueOn(SEED, { method: 'iva', result: 'negative', action: 'none', screenedOn: '2014-12-31' })).toBeUndefined();
  });

  it('is always after the screening date and at most the interval in months plus the clamp (property)', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('2015-01-01'), max: new Date('2100-12-31'), noInvalidDate: true }),
        fc.constantFrom('negative', 'positive', 'suspected_cancer', 'inadequate'),
        (d, result) => {
          const screenedOn = d.toISOString().slice(0, 10);
          const due = nextDueOn(SEED, { method: 'iva', result, action: 'referral', screenedOn }) as string;
          expect(due > screenedOn).toBe(true);
          expect(Number(due.slice(8))).toBeLessThanOrEqual(Number(screenedOn.slice(8)));
        },
      ),
    );
  });
});

describe('who may be screened', () => {
  it('refuses men and flags women outside the target ages', () => {
    expect(checkTarget(TARGETS, { sex: 'M', birthDate: '1985-01-01' }, 'iva', '2025-06-01')).toEqual({
      eligible: false,
      code: 'health.screening_women_only',
    });
    expect(checkTarget(TARGETS, { sex: 'F', birthDate: '1995-06-02' }, 'iva', '2025-06-01')).toEqual({
      eligible: true,
      outsideTargetAges: true,
    });
    expect(checkTarget(TARGETS, { sex: 'F', birthDate: '1995-06-01' }, 'iva', '2025-06-01')).toEqual({
      eligible: true,
      outsideTargetAges: false,
    });
    expect(checkTarget(TARGETS, { sex: 'F', birthDate: '1974-06-02' }, 'iva', '2025-06-01')).toEqual({
      eligible: true,
      outsideTargetAges: false,
    });
    expect(checkTarget(TARGETS, { sex: 'F', birthDate: '1974-06-01' }, 'iva', '2025-06-01')).toEqual({
      eligible: true,
      outsideTargetAges: true,
    });
  });

  it('reads ages in whole years, a 29 February birthday counting on 1 March', () => {
    expect(ageOn('1996-02-29', '2026-02-28')).toBe(29);
    expect(ageOn('1996-02-29', '2026-03-01')).toBe(30);
  });

  it('turns target ages into birth dates, 30–50 on 1 June 2025 = born 2 June 1974 … 1 June 1995', () => {
    expect(birthDatesForAges(30, 50, '2025-06-01')).toEqual({ bornAfter: '1974-06-01', bornOnOrBefore: '1995-06-01' });
  });
});

describe('action for a result', () => {
  it.each([
    ['positive', 'none', 'health.screening_positive_needs_action'],
    ['positive', 'cryotherapy', null],
    ['positive', 'thermal_ablation', null],
    ['positive', 'referral', null],
    ['suspected_cancer', 'cryotherapy', 'health.screening_suspected_needs_referral'],
    ['suspected_cancer', 'referral', null],
    ['negative', 'none', null],
    ['negative', 'cryotherapy', 'health.screening_negative_no_action'],
    ['inadequate', 'repeat', null],
    ['inadequate', 'referral', 'health.screening_inadequate_repeat'],
  ] as const)('%s with %s', (result, action, expected) => {
    expect(actionProblem(result, action)).toBe(expected);
  });
});

describe('recall window', () => {
  it('due = today … today + 30 days; overdue = before today', () => {
    expect(recallWindow('due', '2026-02-15')).toEqual({ from: '2026-02-15', to: '2026-03-17' });
    expect(recallWindow('overdue', '2026-03-01')).toEqual({ from: null, to: '2026-02-28' });
  });
});
