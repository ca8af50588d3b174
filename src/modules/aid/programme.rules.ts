import { daysInMonth } from '../../core/dates.ts';
import type { ErrorCode } from '../../core/errors.ts';
import type { ProgrammeInput } from './programme.schema.ts';

/**
 * What makes a programme definition consistent, beyond the shape zod checks: the benefit table
 * must answer one amount per category on any day, a stage must split a year's amount exactly,
 * and lump-sum windows must be whole months of a monthly programme.
 */

export type FieldProblem = { field: string; code: ErrorCode; params?: Record<string, string | number> };

/** The last day of the month of a date. */
export function monthEnd(date: string): string {
  const [year, month] = date.split('-').map(Number) as [number, number];
  return `${date.slice(0, 7)}-${String(daysInMonth(year, month)).padStart(2, '0')}`;
}

const overlaps = (a: { from: string; to: string | null }, b: { from: string; to: string | null }) =>
  a.from <= (b.to ?? '9999-12-31') && b.from <= (a.to ?? '9999-12-31');

export function programmeProblems(input: ProgrammeInput): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (input.period === 'stage' && input.stagesPerYear === null) problems.push({ field: 'stagesPerYear', code: 'aid.stages_required' });
  if (input.period !== 'stage' && input.stagesPerYear !== null) problems.push({ field: 'stagesPerYear', code: 'aid.stages_only_staged' });
  if (input.memberCap !== null && input.targetUnit === 'person') problems.push({ field: 'memberCap', code: 'aid.cap_needs_household' });

  input.rates.forEach((rate, index) => {
    const field = `rates.${index}`;
    if (rate.effectiveTo !== null && rate.effectiveTo < rate.effectiveFrom)
      problems.push({ field: `${field}.effectiveTo`, code: 'aid.date_range_reversed' });
    if (rate.basis === 'unit' && (Object.keys(rate.condition).length > 0 || rate.maxPerUnit !== null))
      problems.push({ field: `${field}.basis`, code: 'aid.unit_rate_condition' });
    const stages = input.period === 'stage' ? (input.stagesPerYear ?? 1) : 1;
    if (BigInt(rate.amount) % BigInt(stages) !== 0n)
      problems.push({ field: `${field}.amount`, code: 'aid.amount_not_divisible', params: { stages } });
    // Two rows of one category in force on the same day would make the amount ambiguous.
    const clash = input.rates.findIndex(
      (other, j) =>
        j < index &&
        other.category === rate.category &&
        overlaps({ from: other.effectiveFrom, to: other.effectiveTo }, { from: rate.effectiveFrom, to: rate.effectiveTo }),
    );
    if (clash >= 0) problems.push({ field: `${field}.effectiveFrom`, code: 'aid.rates_overlap', params: { category: rate.category } });
  });

  input.paymentWindows.forEach((window, index) => {
    const field = `paymentWindows.${index}`;
    if (input.period !== 'month') problems.push({ field, code: 'aid.window_needs_monthly' });
    else if (window.startsOn.slice(8) !== '01' || window.endsOn !== monthEnd(window.endsOn) || window.endsOn < window.startsOn)
      problems.push({ field, code: 'aid.window_whole_months' });
    else if (
      input.paymentWindows.some(
        (other, j) => j < index && overlaps({ from: other.startsOn, to: other.endsOn }, { from: window.startsOn, to: window.endsOn }),
      )
    )
      problems.push({ field, code: 'aid.windows_overlap' });
  });

  input.eligibility.forEach((rule, index) => {
    const field = `eligibility.${index}`;
    if (rule.kind === 'decile' && rule.min > rule.max) problems.push({ field: `${field}.max`, code: 'aid.range_reversed' });
    if (rule.kind === 'age' && rule.min !== undefined && rule.max !== undefined && rule.min > rule.max)
      problems.push({ field: `${field}.max`, code: 'aid.range_reversed' });
  });
  return problems;
}
