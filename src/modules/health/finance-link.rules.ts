/**
 * The link between a member's health and their financing: pure rules, `today` a parameter.
 * Only whether a member can work (and since/until when) crosses to finance, never why.
 */
import { addDays, addMonths, daysBetween, daysInMonth, monthIndex } from '../../core/dates.ts';
import { ratio, roundRatio } from '../../core/money.ts';
import { RECOVERING_DAYS } from './illness.rules.ts';

/** An instalment due within this many days puts an ill member on the at-risk list. */
export const DUE_WITHIN_DAYS = 14;
/** "Under care": an encounter or counselling attendance in this many months up to the month's end. */
export const CARE_MONTHS = 12;
/** The comparison covers at most this many months. */
export const MAX_COMPARISON_MONTHS = 36;
/** Portfolio at risk as the PAR report counts it (close of day's at_risk_30): 30 days past due or more. */
export const PAR_DAYS = 30;

/** The earliest end date an episode may have and still make its member ill or recovering today. */
export const statusWindowStart = (today: string) => addDays(today, -RECOVERING_DAYS);

export type InstalmentState = { dueDate: string; owed: bigint };
export type FinancingRisk = {
  /** Unpaid instalments due before today (principal, profit and late charges). */
  overdue: bigint;
  daysPastDue: number;
  /** The first unpaid instalment due today or later, if within the window. */
  nextDue: { dueDate: string; amount: bigint } | null;
};

/**
 * What puts a financing at risk: an instalment overdue, or the next one due within 14 days
 * (due today counts, due on day 15 does not). Null when neither.
 */
export function financingRisk(instalments: readonly InstalmentState[], today: string): FinancingRisk | null {
  const unpaid = instalments.filter((i) => i.owed > 0n).sort((a, b) => a.dueDate.localeCompare(b.dueDate));
  const late = unpaid.filter((i) => i.dueDate < today);
  const overdue = late.reduce((sum, i) => sum + i.owed, 0n);
  const daysPastDue = late[0] ? daysBetween(late[0].dueDate, today) : 0;
  const upcoming = unpaid.find((i) => i.dueDate >= today);
  const nextDue =
    upcoming && upcoming.dueDate <= addDays(today, DUE_WITHIN_DAYS) ? { dueDate: upcoming.dueDate, amount: upcoming.owed } : null;
  return overdue > 0n || nextDue ? { overdue, daysPastDue, nextDue } : null;
}

/** Most urgent first: longest past due, then most overdue, then the soonest due, then by name. */
export function byUrgency(
  a: { daysPastDue: number; overdue: bigint; nextDueOn: string | null; name: string },
  b: { daysPastDue: number; overdue: bigint; nextDueOn: string | null; name: string },
): number {
  if (a.daysPastDue !== b.daysPastDue) return b.daysPastDue - a.daysPastDue;
  if (a.overdue !== b.overdue) return a.overdue > b.overdue ? -1 : 1;
  const aDue = a.nextDueOn ?? '9999-12-31';
  const bDue = b.nextDueOn ?? '9999-12-31';
  if (aDue !== bDue) return aDue.localeCompare(bDue);
  return a.name.localeCompare(b.name, 'id');
}

// ---------------------------------------------------------------------------------------------
// The repayment comparison
// ---------------------------------------------------------------------------------------------

/** The last day of a `YYYY-MM` month. */
export function monthEnd(month: string): string {
  const year = Number(month.slice(0, 4));
  const m = Number(month.slice(5, 7));
  return `${month}-${String(daysInMonth(year, m)).padStart(2, '0')}`;
}

/** The months from `from` to `to`, both `YYYY-MM`, inclusive. */
export function monthsOf(from: string, to: string): string[] {
  const months: string[] = [];
  for (let m = from; monthIndex(m) <= monthIndex(to); m = addMonths(m, 1)) months.push(m);
  return months;
}

/**
 * Whether a member is under care in a month: a care event (encounter or counselling attendance)
 * in the 12 months up to the month's end, that is in the month itself or the 11 before it.
 * `careMonths` are the months (`YYYY-MM`) of the member's care events.
 */
export function underCareIn(month: string, careMonths: ReadonlySet<string> | readonly string[]): boolean {
  const list = Array.isArray(careMonths) ? careMonths : [...(careMonths as ReadonlySet<string>)];
  const end = monthIndex(month);
  return list.some((m) => {
    const i = monthIndex(m);
    return i <= end && i > end - CARE_MONTHS;
  });
}

export type HistoryFinancing = {
  id: string;
  personId: string;
  disbursedOn: string;
  /** The day it left the portfolio (repaid in full or written off), null while running. */
  closedOn: string | null;
  instalments: readonly { n: number; dueDate: string; principal: bigint; profit: bigint }[];
  /** Repayments that stand (reversed ones left out): principal and profit or margin, late charges aside. */
  repayments: readonly { paidOn: string; principal: bigint; profit: bigint }[];
};

/** A financing as it stood at the end of a day, rebuilt from its schedule and repayments. */
export type FinancingAt = { inPortfolio: boolean; outstandingPrincipal: bigint; daysPastDue: number };

/**
 * A financing ready for questions by date: instalments in order with their running total of
 * principal and profit, repayments by day with their running totals.
 */
type Prepared = {
  f: HistoryFinancing;
  instalments: { dueDate: string; principal: bigint; cumulative: bigint }[];
  totalPrincipal: bigint;
  payDays: string[];
  paidPrincipal: bigint[];
  paidBoth: bigint[];
};

export function prepareFinancing(f: HistoryFinancing): Prepared {
  let cumulative = 0n;
  let totalPrincipal = 0n;
  const instalments = [...f.instalments]
    .sort((a, b) => a.n - b.n)
    .map((i) => {
      cumulative += i.principal + i.profit;
      totalPrincipal += i.principal;
      return { dueDate: i.dueDate, principal: i.principal, cumulative };
    });
  const repayments = [...f.repayments].sort((a, b) => a.paidOn.localeCompare(b.paidOn));
  const payDays: string[] = [];
  const paidPrincipal: bigint[] = [];
  const paidBoth: bigint[] = [];
  let principal = 0n;
  let both = 0n;
  for (const r of repayments) {
    principal += r.principal;
    both += r.principal + r.profit;
    payDays.push(r.paidOn);
    paidPrincipal.push(principal);
    paidBoth.push(both);
  }
  return { f, instalments, totalPrincipal, payDays, paidPrincipal, paidBoth };
}

/**
 * Repayments settle the oldest instalment first (repayment.rules allocateRepayment), so
 * instalment n is paid in full by a day when the principal and profit paid by that day cover
 * every instalment's principal and profit up to n.
 */
function paidThrough(p: Prepared, day: string): { principal: bigint; both: bigint } {
  let lo = 0;
  let hi = p.payDays.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((p.payDays[mid] as string) <= day) lo = mid + 1;
    else hi = mid;
  }
  return lo === 0 ? { principal: 0n, both: 0n } : { principal: p.paidPrincipal[lo - 1] as bigint, both: p.paidBoth[lo - 1] as bigint };
}

const prepared = (f: HistoryFinancing | Prepared): Prepared => ('payDays' in f ? f : prepareFinancing(f));

/** Outstanding principal and days past due of a financing at the end of `day` (as close of day would have set them). */
export function financingAt(financing: HistoryFinancing | Prepared, day: string): FinancingAt {
  const p = prepared(financing);
  const inPortfolio = p.f.disbursedOn <= day && (p.f.closedOn === null || p.f.closedOn > day);
  if (!inPortfolio) return { inPortfolio, outstandingPrincipal: 0n, daysPastDue: 0 };
  const paid = paidThrough(p, day);
  // Close of day counts days past due from the oldest instalment due before the day and not paid in full.
  const oldest = p.instalments.find((i) => i.cumulative > paid.both);
  const daysPastDue = oldest && oldest.dueDate < day ? daysBetween(oldest.dueDate, day) : 0;
  return { inPortfolio, outstandingPrincipal: p.totalPrincipal - paid.principal, daysPastDue };
}

/**
 * The instalments due in a month (due date within it, and not after `asOf`) and how many of
 * them were paid in full (principal and profit) by their due date.
 */
export function instalmentsDueIn(financing: HistoryFinancing | Prepared, month: string, asOf: string): { due: number; onTime: number } {
  const p = prepared(financing);
  const first = `${month}-01`;
  const last = monthEnd(month) < asOf ? monthEnd(month) : asOf;
  let due = 0;
  let onTime = 0;
  for (const i of p.instalments) {
    if (i.dueDate < first || i.dueDate > last) continue;
    due += 1;
    if (paidThrough(p, i.dueDate).both >= i.cumulative) onTime += 1;
  }
  return { due, onTime };
}

export type GroupFigures = {
  members: number;
  /** Instalments due in the period paid in full by their due date ÷ instalments due; null when none was due. */
  onTimeRate: string | null;
  /** Outstanding principal 30+ days past due at the period's end ÷ outstanding principal; null when none is outstanding. */
  par30: string | null;
  /** Mean days past due of the members' financings in the portfolio at the period's end; null when none. */
  meanDaysPastDue: string | null;
};

/** part ÷ whole as a decimal string with `places` places, rounded half-up; null when whole is 0. */
export function decimalRatio(part: bigint, whole: bigint, places = 3): string | null {
  if (whole === 0n) return null;
  const scaled = roundRatio(ratio(part * 10n ** BigInt(places), whole), 'half-up');
  const text = scaled.toString().padStart(places + 1, '0');
  return `${text.slice(0, -places)}.${text.slice(-places)}`;
}

type Tally = { members: Set<string>; due: number; onTime: number; outstanding: bigint; atRisk: bigint; financings: number; dpdSum: number };
const emptyTally = (): Tally => ({ members: new Set(), due: 0, onTime: 0, outstanding: 0n, atRisk: 0n, financings: 0, dpdSum: 0 });

function figuresOf(t: {
  members: number;
  due: number;
  onTime: number;
  outstanding: bigint;
  atRisk: bigint;
  financings: number;
  dpdSum: number;
}): GroupFigures {
  return {
    members: t.members,
    onTimeRate: decimalRatio(BigInt(t.onTime), BigInt(t.due)),
    par30: decimalRatio(t.atRisk, t.outstanding),
    meanDaysPastDue: decimalRatio(BigInt(t.dpdSum), BigInt(t.financings), 1),
  };
}

export type Comparison = {
  underCare: GroupFigures;
  others: GroupFigures;
  months: { month: string; underCare: GroupFigures; others: GroupFigures }[];
};

/**
 * The repayment of members under care against the others, month by month. Each month counts
 * the members with a financing in the portfolio at the month's end (or `asOf` in the month not
 * yet over), each placed by whether they were under care in that month; the instalments due in
 * the month, each placed by its member's group in that month; PAR30 and mean days past due at
 * the month's end. The whole period: on-time rate over every month's instalments pooled;
 * members, PAR30 and mean days past due those of its last month (where it ends).
 */
export function compareRepayment(
  financings: readonly HistoryFinancing[],
  careMonthsOf: (personId: string) => readonly string[],
  months: readonly string[],
  asOf: string,
): Comparison {
  const ready = financings.map(prepareFinancing);
  const rows = months.map((month) => {
    const end = monthEnd(month) < asOf ? monthEnd(month) : asOf;
    const tallies = { underCare: emptyTally(), others: emptyTally() };
    // A month not yet begun has nothing to count.
    if (`${month}-01` > asOf) return { month, tallies };
    for (const f of ready) {
      if (f.f.disbursedOn > end) continue;
      const t = underCareIn(month, careMonthsOf(f.f.personId)) ? tallies.underCare : tallies.others;
      const dues = instalmentsDueIn(f, month, asOf);
      t.due += dues.due;
      t.onTime += dues.onTime;
      const at = financingAt(f, end);
      if (!at.inPortfolio) continue;
      t.members.add(f.f.personId);
      t.financings += 1;
      t.outstanding += at.outstandingPrincipal;
      t.dpdSum += at.daysPastDue;
      if (at.daysPastDue >= PAR_DAYS) t.atRisk += at.outstandingPrincipal;
    }
    return { month, tallies };
  });
  return comparisonOf(
    rows.map((r) => ({
      month: r.month,
      underCare: { ...r.tallies.underCare, members: r.tallies.underCare.members.size },
      others: { ...r.tallies.others, members: r.tallies.others.members.size },
    })),
  );
}

/** A group's counts in a month: members, instalments due and on time, the portfolio at the month's end. */
export type MonthTally = {
  members: number;
  due: number;
  onTime: number;
  outstanding: bigint;
  atRisk: bigint;
  financings: number;
  dpdSum: number;
};
const emptyMonthTally = (): MonthTally => ({ members: 0, due: 0, onTime: 0, outstanding: 0n, atRisk: 0n, financings: 0, dpdSum: 0 });

/**
 * The comparison from each month's counts: each month's figures; for the whole period the
 * on-time rate over every month's instalments pooled, members, PAR30 and mean days past due
 * those of the last month.
 */
export function comparisonOf(rows: readonly { month: string; underCare: MonthTally; others: MonthTally }[]): Comparison {
  const total = (key: 'underCare' | 'others'): GroupFigures => {
    const last = rows.at(-1)?.[key] ?? emptyMonthTally();
    return figuresOf({
      ...last,
      due: rows.reduce((s, r) => s + r[key].due, 0),
      onTime: rows.reduce((s, r) => s + r[key].onTime, 0),
    });
  };
  return {
    underCare: total('underCare'),
    others: total('others'),
    months: rows.map((r) => ({ month: r.month, underCare: figuresOf(r.underCare), others: figuresOf(r.others) })),
  };
}

/**
 * A month's counts kept between requests (JSON): by office, care and closed month (the month a
 * financing left the portfolio when that was before this month began, whose instalments due
 * this month count only in a period starting by then); members by care and the set of offices
 * they have a financing in the portfolio with (so that a member is counted once whatever the
 * offices asked for).
 */
export type MonthAggregate = {
  groups: {
    office: string;
    care: boolean;
    closedMonth: string | null;
    due: number;
    onTime: number;
    financings: number;
    outstanding: string;
    atRisk: string;
    dpdSum: number;
  }[];
  members: { care: boolean; offices: string[]; count: number }[];
};

/** Builds a month's aggregate from its facts summed per member, office and closed month, and who was under care. */
export function aggregateMonth(
  rows: readonly {
    person_id: string;
    office_id: string;
    closed_month: string | null;
    due: number;
    on_time: number;
    financings: number;
    outstanding: string;
    at_risk: string;
    dpd_sum: number;
  }[],
  underCare: (personId: string) => boolean,
): MonthAggregate {
  const groups = new Map<string, MonthAggregate['groups'][number] & { out: bigint; risk: bigint }>();
  const offices = new Map<string, Set<string>>();
  for (const r of rows) {
    const care = underCare(r.person_id);
    const key = `${r.office_id}|${care}|${r.closed_month ?? ''}`;
    let g = groups.get(key);
    if (!g) {
      g = {
        office: r.office_id,
        care,
        closedMonth: r.closed_month,
        due: 0,
        onTime: 0,
        financings: 0,
        outstanding: '0',
        atRisk: '0',
        dpdSum: 0,
        out: 0n,
        risk: 0n,
      };
      groups.set(key, g);
    }
    g.due += r.due;
    g.onTime += r.on_time;
    g.financings += r.financings;
    g.out += BigInt(r.outstanding);
    g.risk += BigInt(r.at_risk);
    g.dpdSum += r.dpd_sum;
    if (r.financings > 0) {
      const set = offices.get(r.person_id);
      if (set) set.add(r.office_id);
      else offices.set(r.person_id, new Set([r.office_id]));
    }
  }
  const members = new Map<string, MonthAggregate['members'][number]>();
  for (const [personId, set] of offices) {
    const care = underCare(personId);
    const list = [...set].sort();
    const key = `${care}|${list.join(',')}`;
    const m = members.get(key);
    if (m) m.count += 1;
    else members.set(key, { care, offices: list, count: 1 });
  }
  return {
    groups: [...groups.values()].map(({ out, risk, ...g }) => ({ ...g, outstanding: out.toString(), atRisk: risk.toString() })),
    members: [...members.values()],
  };
}

/**
 * A month's counts for a period starting in `from` over some offices (null: all), from its
 * aggregate: instalments of financings that left the portfolio before `from` began are left
 * out, as the period's history never held them.
 */
export function tallyMonth(
  aggregate: MonthAggregate,
  from: string,
  offices: ReadonlySet<string> | null,
): { underCare: MonthTally; others: MonthTally } {
  const tallies = { underCare: emptyMonthTally(), others: emptyMonthTally() };
  for (const g of aggregate.groups) {
    if (offices && !offices.has(g.office)) continue;
    const t = g.care ? tallies.underCare : tallies.others;
    if (g.closedMonth === null || g.closedMonth >= from) {
      t.due += g.due;
      t.onTime += g.onTime;
    }
    t.financings += g.financings;
    t.outstanding += BigInt(g.outstanding);
    t.atRisk += BigInt(g.atRisk);
    t.dpdSum += g.dpdSum;
  }
  for (const m of aggregate.members) {
    if (offices && !m.offices.some((o) => offices.has(o))) continue;
    (m.care ? tallies.underCare : tallies.others).members += m.count;
  }
  return tallies;
}
