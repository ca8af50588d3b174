import type { RatePeriod } from './jkn.rules.ts';

/**
 * JKN-KIS monthly contribution per person for PBPU (mandiri) participants, as dated data.
 * Perpres 64/2020: from July 2020 Class I Rp150.000, Class II Rp100.000, Class III Rp42.000 of
 * which the participant pays Rp25.500 (Jul–Dec 2020) and Rp35.000 from January 2021, the
 * government the rest. Months before July 2020 are not in the table (quotes refuse them).
 */

export const JKN_RATES: RatePeriod[] = [
  { from: '2020-07', participantShare: { I: 150_000, II: 100_000, III: 25_500 } },
  { from: '2021-01', participantShare: { I: 150_000, II: 100_000, III: 35_000 } },
];

/** Penalty rate for inpatient care soon after reactivation: 2.5% before 2021, 5% from 2021 (Perpres 64/2020). */
export const JKN_PENALTY_RATES: { from: string; permille: number }[] = [
  { from: '2016-01-01', permille: 25 },
  { from: '2021-01-01', permille: 50 },
];
