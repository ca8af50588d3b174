/** What a health worker acts on in the field, from recorded dates. Pure: `today` is a parameter. */
import { addDays, addMonthsKeepingDay } from '../../core/dates.ts';

/** A recall is "due" this many days before its date (docs/health.md: due = within 30 days). */
export const RECALL_DUE_DAYS = 30;

export type RecallStatus = 'overdue' | 'due';

/** Overdue once the next screening date has passed; due within 30 days of it; otherwise nothing to do yet. */
export function recallStatus(nextDueOn: string, today: string): RecallStatus | null {
  if (nextDueOn < today) return 'overdue';
  if (nextDueOn <= addDays(today, RECALL_DUE_DAYS)) return 'due';
  return null;
}

/**
 * Birth dates of persons aged minAge to maxAge (whole years) on `today`: born after
 * `bornAfter` and on or before `bornUntil`. Someone born on 29 February turns a year older on
 * 1 March in a common year.
 */
export function birthRangeForAges(today: string, minAge: number, maxAge: number): { bornAfter: string; bornUntil: string } {
  return { bornAfter: addMonthsKeepingDay(today, -12 * (maxAge + 1)), bornUntil: addMonthsKeepingDay(today, -12 * minAge) };
}

/** Weeks to the expected delivery that make a pregnancy the first thing to see. */
const NEAR_DELIVERY_DAYS = 28;

/**
 * How urgent a family is, for the order of the worker's list: the most urgent of its members
 * (overdue recall 50, ill 40, delivery within 4 weeks 35, recovering 30, recall due 20,
 * pregnant 15, chronic condition 10), plus one per further member with something to do.
 */
export function familyUrgency(
  members: {
    recall?: { status: RecallStatus };
    pregnancy?: { expectedDelivery: string | null };
    conditions?: string[];
    illness?: { status: 'ill' | 'recovering' };
  }[],
  today: string,
): number {
  const scores = members.map((m) => {
    const near = m.pregnancy?.expectedDelivery != null && m.pregnancy.expectedDelivery <= addDays(today, NEAR_DELIVERY_DAYS);
    return Math.max(
      m.recall?.status === 'overdue' ? 50 : 0,
      m.illness?.status === 'ill' ? 40 : 0,
      near ? 35 : 0,
      m.illness?.status === 'recovering' ? 30 : 0,
      m.recall?.status === 'due' ? 20 : 0,
      m.pregnancy ? 15 : 0,
      (m.conditions?.length ?? 0) > 0 ? 10 : 0,
    );
  });
  const acting = scores.filter((s) => s > 0).length;
  return Math.max(0, ...scores) + Math.max(0, acting - 1);
}
