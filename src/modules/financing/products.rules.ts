import { mul, percentOf, percentRatio, type RoundingMode, ratio, roundRatio } from '../../core/money.ts';
import { buildSchedule, dueDates } from './schedule.rules.ts';

/**
 * Financing products: conventional (flat, annuity, equal principal, through the schedule
 * engine) and sharia (murabahah, mudharabah, musyarakah, qardhul hasan). Integer rupiah.
 */
export const PRODUCT_KINDS = ['flat', 'annuity', 'equal_principal', 'murabahah', 'mudharabah', 'musyarakah', 'qardh'] as const;
export type ProductKind = (typeof PRODUCT_KINDS)[number];
export const SHARIA_KINDS: readonly ProductKind[] = ['murabahah', 'mudharabah', 'musyarakah', 'qardh'];
export type Frequency = 'weekly' | 'fortnightly' | 'monthly';

export type ProductTerms = {
  kind: ProductKind;
  /** Conventional: yearly rate in %. Murabahah: margin over the whole term in % of cost. */
  ratePercent: string;
  frequency: Frequency;
  graceOnPrincipal: number;
  graceOnProfit: number;
  rounding: RoundingMode;
  inMultiplesOf: bigint | null;
};

export type Instalment = { n: number; dueDate: string; principal: bigint; profit: bigint };

export const frequencyStep = (frequency: Frequency) =>
  frequency === 'monthly' ? { every: 1, unit: 'month' as const } : { every: frequency === 'weekly' ? 1 : 2, unit: 'week' as const };

/**
 * Equal shares of a principal and a total profit over n instalments, each rounded, the
 * last absorbing what rounding left, so the totals are exact.
 */
export function flatSplit(principal: bigint, totalProfit: bigint, n: number, mode: RoundingMode) {
  const rows: { principal: bigint; profit: bigint }[] = [];
  const eachPrincipal = roundRatio(ratio(principal, BigInt(n)), mode);
  const eachProfit = roundRatio(ratio(totalProfit, BigInt(n)), mode);
  for (let i = 0; i < n - 1; i++) rows.push({ principal: eachPrincipal, profit: eachProfit });
  rows.push({ principal: principal - eachPrincipal * BigInt(n - 1), profit: totalProfit - eachProfit * BigInt(n - 1) });
  return rows;
}

/** The murabahah margin: cost × margin %, rounded once. */
export const murabahahMargin = (cost: bigint, marginPercent: string, mode: RoundingMode = 'half-up') =>
  percentOf(cost, marginPercent, mode);

/** The instalment plan of a financing of `principal` over `installments`, disbursed on a date. */
export function productSchedule(
  terms: ProductTerms,
  loan: { principal: bigint; installments: number; disbursementDate: string; firstDueDate: string | null },
): Instalment[] {
  const step = frequencyStep(terms.frequency);
  if (terms.kind === 'flat' || terms.kind === 'annuity' || terms.kind === 'equal_principal') {
    const rate = percentRatio(terms.ratePercent);
    return buildSchedule({
      principalMinor: loan.principal,
      currencyDigits: 0,
      method: terms.kind === 'equal_principal' ? 'equal-principal' : terms.kind,
      annualRate: rate,
      interestPeriod: 'repayment',
      daysInYear: 'actual',
      installments: loan.installments,
      every: step.every,
      unit: step.unit,
      disbursementDate: loan.disbursementDate,
      firstDueDate: loan.firstDueDate,
      graceOnPrincipal: terms.graceOnPrincipal,
      graceOnInterestPayment: terms.graceOnProfit,
      rounding: terms.rounding,
      multipleMinor: terms.inMultiplesOf,
    }).map((row) => ({ n: row.n, dueDate: row.dueDate, principal: row.principal, profit: row.interest }));
  }
  const dates = dueDates({ ...loan, ...step });
  // Murabahah: a disclosed margin on the cost, paid flat with the cost. Qardh: principal only.
  // Mudharabah and musyarakah: principal back in equal parts; the profit share is set each
  // period from the business's reported result (see profitShare).
  const totalProfit = terms.kind === 'murabahah' ? murabahahMargin(loan.principal, terms.ratePercent, terms.rounding) : 0n;
  return flatSplit(loan.principal, totalProfit, loan.installments, terms.rounding).map((row, i) => ({
    n: i + 1,
    dueDate: dates[i] as string,
    ...row,
  }));
}

/** Profit by nisbah: the member keeps memberPercent, the LKM the rest (rounded once, LKM side). */
export function profitShare(profit: bigint, memberNisbahPercent: string, mode: RoundingMode = 'half-up') {
  if (profit <= 0n) return { member: 0n, lkm: 0n };
  const member = percentRatio(memberNisbahPercent);
  const lkm = roundRatio(mul(ratio(profit), ratio(member.d - member.n, member.d)), mode);
  return { member: profit - lkm, lkm };
}

/**
 * A reported loss. Mudharabah: the fund (capital provider) bears it unless the member was
 * negligent. Musyarakah: each bears it by capital share.
 */
export function lossShare(
  kind: 'mudharabah' | 'musyarakah',
  loss: bigint,
  options: { negligent?: boolean; lkmCapitalPercent?: string },
  mode: RoundingMode = 'half-up',
) {
  if (loss <= 0n) return { member: 0n, lkm: 0n };
  if (kind === 'mudharabah') return options.negligent ? { member: loss, lkm: 0n } : { member: 0n, lkm: loss };
  const lkm = percentOf(loss, options.lkmCapitalPercent ?? '100', mode);
  return { member: loss - lkm, lkm };
}
