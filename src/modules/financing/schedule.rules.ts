import { addDays, addMonthsKeepingDay, daysBetween, daysInYear } from '../../core/dates.ts';
import { add, div, formatMinor, mul, pow, type Ratio, type RoundingMode, ratio, roundRatio, sub } from '../../core/money.ts';

/**
 * Repayment schedules after Apache Fineract's classic ("cumulative") engine, in integer minor
 * units: flat, declining balance with equal principal, and annuity (equal instalments).
 */
export type ScheduleInput = {
  principalMinor: bigint;
  currencyDigits: number;
  method: 'flat' | 'annuity' | 'equal-principal';
  annualRate: Ratio; // 12% → 12/100
  interestPeriod: 'repayment' | 'daily';
  daysInYear: 360 | 365 | 'actual';
  installments: number;
  every: number;
  unit: 'month' | 'week' | 'day';
  disbursementDate: string;
  firstDueDate: string | null;
  graceOnPrincipal: number;
  graceOnInterestPayment: number;
  rounding: RoundingMode;
  /** In minor units; null: no rounding to multiples. */
  multipleMinor: bigint | null;
};

export type ScheduleRow = { n: number; dueDate: string; principal: bigint; interest: bigint; balance: bigint };

function addUnits(anchor: string, unit: ScheduleInput['unit'], count: number): string {
  if (unit === 'month') return addMonthsKeepingDay(anchor, count);
  return addDays(anchor, (unit === 'week' ? 7 : 1) * count);
}

export function dueDates(input: Pick<ScheduleInput, 'disbursementDate' | 'firstDueDate' | 'installments' | 'every' | 'unit'>): string[] {
  return Array.from({ length: input.installments }, (_, k) =>
    input.firstDueDate
      ? addUnits(input.firstDueDate, input.unit, k * input.every)
      : addUnits(input.disbursementDate, input.unit, (k + 1) * input.every),
  );
}

const yearDays = (basis: ScheduleInput['daysInYear'], onDate: string) =>
  BigInt(basis === 'actual' ? daysInYear(Number(onDate.slice(0, 4))) : basis);

/** Rate per repayment period when interest follows the repayment period (Fineract's "same as repayment"). */
function periodicRate(input: ScheduleInput): Ratio {
  if (input.unit === 'month') return div(mul(input.annualRate, ratio(BigInt(input.every))), ratio(12n));
  if (input.unit === 'week') return div(mul(input.annualRate, ratio(BigInt(input.every))), ratio(52n));
  const days = input.daysInYear === 'actual' ? 365n : BigInt(input.daysInYear);
  return div(mul(input.annualRate, ratio(BigInt(input.every))), ratio(days));
}

function roundToMultiple(value: bigint, multiple: bigint | null, mode: RoundingMode): bigint {
  if (!multiple || multiple <= 1n) return value;
  return roundRatio(ratio(value, multiple), mode) * multiple;
}

export function buildSchedule(input: ScheduleInput): ScheduleRow[] {
  const mode = input.rounding;
  const money = (value: Ratio) => roundRatio(value, mode);
  const dates = dueDates(input);
  const n = input.installments;
  const g = Math.min(input.graceOnPrincipal, n - 1);
  const amortised = n - g;
  const rate = periodicRate(input);
  const P = input.principalMinor;

  // Interest of one period on a balance.
  const interestFor = (balance: bigint, index: number): bigint => {
    if (input.interestPeriod === 'repayment') return money(mul(ratio(balance), rate));
    const start = index === 0 ? input.disbursementDate : (dates[index - 1] as string);
    const days = BigInt(daysBetween(start, dates[index] as string));
    return money(div(mul(mul(ratio(balance), input.annualRate), ratio(days)), ratio(yearDays(input.daysInYear, start))));
  };

  // Annuity: one instalment over the periods after principal grace; with daily interest a 30-day period rate.
  let instalment = 0n;
  if (input.method === 'annuity') {
    const r =
      input.interestPeriod === 'daily'
        ? div(mul(input.annualRate, ratio(30n)), ratio(input.daysInYear === 'actual' ? 365n : BigInt(input.daysInYear)))
        : rate;
    const exact =
      r.n === 0n
        ? div(ratio(P), ratio(BigInt(amortised)))
        : div(mul(ratio(P), r), sub(ratio(1n), div(ratio(1n), pow(add(ratio(1n), r), amortised))));
    instalment = roundToMultiple(money(exact), input.multipleMinor, mode);
  }

  // Flat: total interest = P × rate × periods, spread evenly; principal rounded so principal + interest fit the multiple.
  const flatTotalInterest = money(mul(mul(ratio(P), rate), ratio(BigInt(n))));
  const evenInterest = money(div(ratio(flatTotalInterest), ratio(BigInt(n))));
  // Tiny loans: rounding every period up must not leave the last one negative.
  const flatInterest = evenInterest * BigInt(n - 1) > flatTotalInterest ? flatTotalInterest / BigInt(n) : evenInterest;
  const flatPrincipal =
    roundToMultiple(money(div(ratio(P), ratio(BigInt(amortised)))), input.multipleMinor, mode) +
    roundToMultiple(flatInterest, input.multipleMinor, mode) -
    flatInterest;
  const equalPrincipal = money(div(ratio(P), ratio(BigInt(amortised))));

  const rows: ScheduleRow[] = [];
  let balance = P;
  let deferredInterest = 0n;
  let paidPrincipal = 0n;
  let shownInterest = 0n;
  for (let i = 0; i < n; i++) {
    const last = i === n - 1;
    let interest = input.method === 'flat' ? flatInterest : interestFor(balance, i);
    let principal: bigint;
    if (i < g) principal = 0n;
    else if (last) principal = P - paidPrincipal;
    else if (input.method === 'flat') principal = flatPrincipal;
    else if (input.method === 'equal-principal') principal = equalPrincipal;
    else principal = instalment - interest;
    principal = principal > balance ? balance : principal < 0n ? 0n : principal;
    // Interest-payment grace: computed, shown as 0, carried into the first period after it.
    if (i < input.graceOnInterestPayment && !last) {
      deferredInterest += interest;
      interest = 0n;
    } else {
      interest += deferredInterest;
      deferredInterest = 0n;
    }
    // Flat: the last instalment absorbs what rounding left of the total interest.
    if (input.method === 'flat' && last) interest = flatTotalInterest - shownInterest;
    balance -= principal;
    paidPrincipal += principal;
    shownInterest += interest;
    rows.push({ n: i + 1, dueDate: dates[i] as string, principal, interest, balance });
  }
  return rows;
}

export function scheduleView(rows: ScheduleRow[], digits: number) {
  const totalPrincipal = rows.reduce((s, r) => s + r.principal, 0n);
  const totalInterest = rows.reduce((s, r) => s + r.interest, 0n);
  return {
    installments: rows.map((r) => ({
      n: r.n,
      dueDate: r.dueDate,
      principal: formatMinor(r.principal, digits),
      interest: formatMinor(r.interest, digits),
      total: formatMinor(r.principal + r.interest, digits),
      balance: formatMinor(r.balance, digits),
    })),
    totalPrincipal: formatMinor(totalPrincipal, digits),
    totalInterest: formatMinor(totalInterest, digits),
    total: formatMinor(totalPrincipal + totalInterest, digits),
  };
}
