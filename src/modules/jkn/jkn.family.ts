import { JKN_RATES } from './jkn.rates.ts';
import { type JknClass, type Quote, quoteContributions, rateFor } from './jkn.rules.ts';

/** A participant's monthly share for a class and month (YYYY-MM) from the dated table; null before it. */
export const jknRateOf = (jknClass: JknClass, month: string): number | null => rateFor(JKN_RATES, jknClass, month);

/** A family's quote as of a day, or null when a month falls outside the rate table. */
export function quoteFamily(input: { jknClass: JknClass; persons: number; paidThrough: string; asOf: string }): Quote | null {
  const result = quoteContributions(JKN_RATES, input);
  return result.ok ? result.quote : null;
}
