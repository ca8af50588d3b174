import { JKN_RATES } from './jkn.rates.ts';
import { billedArrears, type JknClass, type Quote, quoteContributions, rateFor } from './jkn.rules.ts';
import { planRehab, type RehabPlan, rehabParts } from './rehab.rules.ts';

/** A participant's monthly share for a class and month (YYYY-MM) from the dated table; null before it. */
export const jknRateOf = (jknClass: JknClass, month: string): number | null => rateFor(JKN_RATES, jknClass, month);

/** A family's quote as of a day, or null when a month falls outside the rate table. */
export function quoteFamily(input: { jknClass: JknClass; persons: number; paidThrough: string; asOf: string }): Quote | null {
  const result = quoteContributions(JKN_RATES, input);
  return result.ok ? result.quote : null;
}

/**
 * A family's REHAB plan as of a day (as many instalments as allowed), shaped for the API
 * (`rehabPlanViewSchema`): null when REHAB does not apply (fewer than 4 months in arrears).
 */
export function rehabPlanOfFamily(input: { jknClass: JknClass; persons: number; paidThrough: string; asOf: string }) {
  const arrears = billedArrears(JKN_RATES, input);
  const monthly = jknRateOf(input.jknClass, input.asOf.slice(0, 7));
  const plan: RehabPlan | null = arrears ? planRehab(arrears) : null;
  if (!plan || monthly === null) return null;
  const first = plan.instalments[0];
  const last = plan.instalments.at(-1);
  if (!first || !last) return null;
  return {
    instalments: plan.instalments.length,
    total: String(plan.total),
    firstMonth: first.firstMonth,
    lastMonth: last.lastMonth,
    monthlyDue: String(monthly * input.persons),
    parts: rehabParts(plan).map((p) => ({ count: p.count, months: p.months, amount: String(p.amount) })),
  };
}
