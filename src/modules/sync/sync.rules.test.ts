import { describe, expect, it } from 'vitest';
import { instalmentOwed } from '../financing/index.ts';
import { memberDue, type SheetInstalment } from './sync.rules.ts';

const instalment = (n: number, dueDate: string, paid = 0n, penalty = 0n, penaltyPaid = 0n): SheetInstalment => {
  const due = {
    n,
    dueDate,
    principal: 1_000_000n,
    profit: 100_000n,
    penalty,
    principalPaid: paid > 1_000_000n ? 1_000_000n : paid,
    profitPaid: paid > 1_000_000n ? paid - 1_000_000n : 0n,
    penaltyPaid,
  };
  return { n, dueDate, owed: instalmentOwed(due), lateCharge: penalty - penaltyPaid };
};

describe('what a member brings to the meeting', () => {
  const schedule = [instalment(1, '2026-02-15'), instalment(2, '2026-03-15'), instalment(3, '2026-04-15')];

  it.each([
    // today, until → overdue, dueNow, latest instalment due by `until`
    ['2026-02-10', '2026-02-14', '0', '0', null],
    ['2026-02-10', '2026-02-17', '0', '1100000', 1],
    ['2026-02-15', '2026-02-22', '0', '1100000', 1],
    ['2026-02-16', '2026-02-23', '1100000', '1100000', 1],
    ['2026-03-10', '2026-03-17', '1100000', '2200000', 2],
    ['2026-05-01', '2026-05-08', '3300000', '3300000', 3],
  ])('on %s looking to %s: overdue %s, due %s, instalment %s', (today, until, overdue, dueNow, n) => {
    const due = memberDue(schedule, today, until);
    expect(due.overdue).toBe(overdue);
    expect(due.dueNow).toBe(dueNow);
    expect(due.instalment?.n ?? null).toBe(n);
    expect(due.outstanding).toBe('3300000');
  });

  it('counts late charges and what is partly paid, exactly', () => {
    const due = memberDue(
      [instalment(1, '2026-02-15', 1_100_000n), instalment(2, '2026-03-15', 400_000n, 27_500n, 2_500n), instalment(3, '2026-04-15')],
      '2026-04-01',
      '2026-04-08',
    );
    expect(due).toEqual({
      instalment: { n: 2, dueDate: '2026-03-15', amount: '725000' },
      overdue: '725000',
      lateCharges: '25000',
      dueNow: '725000',
      outstanding: '1825000',
    });
  });
});
