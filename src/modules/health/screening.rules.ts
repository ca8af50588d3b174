/**
 * Cervical cancer screening (IVA, pap smear) and its recall: pure rules over the dated data of
 * `screening_rule` and `screening_target` (migration 0022), so the browser and the field app
 * compute the same next date offline.
 */
import { addDays, addMonthsKeepingDay } from '../../core/dates.ts';
import type { ErrorCode } from '../../core/errors.ts';

export const SCREENING_METHODS = ['iva', 'pap_smear'] as const;
export const SCREENING_RESULTS = ['negative', 'positive', 'suspected_cancer', 'inadequate'] as const;
export const SCREENING_ACTIONS = ['none', 'cryotherapy', 'thermal_ablation', 'referral', 'repeat'] as const;
export type ScreeningMethod = (typeof SCREENING_METHODS)[number];
export type ScreeningResult = (typeof SCREENING_RESULTS)[number];
export type ScreeningAction = (typeof SCREENING_ACTIONS)[number];

/** A row of `screening_rule`: after `result` (and `action`, '*' = any) screen again after `intervalMonths`. */
export type ScreeningRule = { effectiveFrom: string; method: string; result: string; action: string; intervalMonths: number };
/** A row of `screening_target`: who is invited, from a date. */
export type ScreeningTarget = { effectiveFrom: string; method: string; sex: 'M' | 'F'; minAge: number; maxAge: number };

/** A recall is "due" when its date falls within this many days from today (overdue: before today). */
export const DUE_WINDOW_DAYS = 30;

/** Whole years from a birth date (YYYY-MM-DD) to a day (born 29 Feb: a year older on 1 Mar). */
export function ageOn(birthDate: string, day: string): number {
  const [by, bm, bd] = birthDate.split('-').map(Number) as [number, number, number];
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}

/**
 * The rule in force on `on` for a result and action: among the rows of the method and result
 * dated on or before `on` whose action is the action taken or '*', the latest; on the same date a
 * row naming the action beats '*'. A row dated later changes only screenings from its date.
 */
export function ruleInForce(
  rules: readonly ScreeningRule[],
  input: { method: string; result: string; action: string; on: string },
): ScreeningRule | undefined {
  let best: ScreeningRule | undefined;
  for (const rule of rules) {
    if (rule.method !== input.method || rule.result !== input.result || rule.effectiveFrom > input.on) continue;
    if (rule.action !== '*' && rule.action !== input.action) continue;
    if (
      !best ||
      rule.effectiveFrom > best.effectiveFrom ||
      (rule.effectiveFrom === best.effectiveFrom && best.action === '*' && rule.action !== '*')
    )
      best = rule;
  }
  return best;
}

/** The next screening date: the screening date plus the rule's months, the day clamped to the month's end (31 Jan + 1 → 28/29 Feb). */
export function nextDueOn(
  rules: readonly ScreeningRule[],
  input: { method: string; result: string; action: string; screenedOn: string },
): string | undefined {
  const rule = ruleInForce(rules, { ...input, on: input.screenedOn });
  return rule ? addMonthsKeepingDay(input.screenedOn, rule.intervalMonths) : undefined;
}

/** The target ages in force on a day for a method (the latest row dated on or before it). */
export function targetInForce(targets: readonly ScreeningTarget[], method: string, on: string): ScreeningTarget | undefined {
  let best: ScreeningTarget | undefined;
  for (const target of targets)
    if (target.method === method && target.effectiveFrom <= on && (!best || target.effectiveFrom > best.effectiveFrom)) best = target;
  return best;
}

export type TargetCheck = { eligible: true; outsideTargetAges: boolean } | { eligible: false; code: ErrorCode };

/**
 * Whether a person may be screened by a method on a day. IVA and pap smear are for women: anyone
 * else is refused. A woman outside the target ages may still be screened (a clinician screens a
 * 28-year-old with symptoms) and gets a recall like anyone; the view flags it.
 */
export function checkTarget(
  targets: readonly ScreeningTarget[],
  person: { sex: 'M' | 'F'; birthDate: string },
  method: string,
  on: string,
): TargetCheck {
  const target = targetInForce(targets, method, on);
  if (person.sex !== (target?.sex ?? 'F')) return { eligible: false, code: 'health.screening_women_only' };
  if (!target) return { eligible: true, outsideTargetAges: true };
  const age = ageOn(person.birthDate, on);
  return { eligible: true, outsideTargetAges: age < target.minAge || age > target.maxAge };
}

/**
 * What a result asks of the action taken (WHO 2021 screen-and-treat; Permenkes 34/2015): a positive
 * IVA is treated (cryotherapy, thermal ablation), referred or repeated, never left; a suspected
 * cancer is referred; a negative needs nothing; an inadequate sample is repeated or left.
 */
export function actionProblem(result: ScreeningResult, action: ScreeningAction): ErrorCode | null {
  switch (result) {
    case 'positive':
      return action === 'none' ? 'health.screening_positive_needs_action' : null;
    case 'suspected_cancer':
      return action === 'referral' ? null : 'health.screening_suspected_needs_referral';
    case 'negative':
      return action === 'none' ? null : 'health.screening_negative_no_action';
    case 'inadequate':
      return action === 'none' || action === 'repeat' ? null : 'health.screening_inadequate_repeat';
  }
}

export type RecallStatus = 'due' | 'overdue';

/** The window of next-due dates a recall list reads: overdue = before today; due = today … today + 30 days. */
export function recallWindow(status: RecallStatus, today: string): { from: string | null; to: string } {
  return status === 'overdue' ? { from: null, to: addDays(today, -1) } : { from: today, to: addDays(today, DUE_WINDOW_DAYS) };
}

/**
 * Birth dates of the women in a target age range on a day: age ≥ minAge means born on or before
 * today − minAge years; age ≤ maxAge means born after today − (maxAge + 1) years.
 */
export function birthDatesForAges(minAge: number, maxAge: number, today: string): { bornAfter: string; bornOnOrBefore: string } {
  return { bornAfter: addMonthsKeepingDay(today, -12 * (maxAge + 1)), bornOnOrBefore: addMonthsKeepingDay(today, -12 * minAge) };
}
