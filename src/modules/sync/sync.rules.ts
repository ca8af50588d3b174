/** What a member brings to a group meeting, from their instalments. Pure: dates are parameters. */

export type SheetInstalment = {
  n: number;
  dueDate: string;
  principal: bigint;
  profit: bigint;
  penalty: bigint;
  principalPaid: bigint;
  profitPaid: bigint;
  penaltyPaid: bigint;
};

export type MemberDue = {
  instalment: { n: number; dueDate: string; amount: string } | null;
  overdue: string;
  lateCharges: string;
  dueNow: string;
  outstanding: string;
};

const owedOf = (i: SheetInstalment) => i.principal + i.profit + i.penalty - i.principalPaid - i.profitPaid - i.penaltyPaid;

/**
 * `overdue`: unpaid instalments due before `today`; `dueNow`: everything due on or before
 * `until` (the next meeting); both include late charges. `instalment` is the latest one due by
 * `until`, as on the printed collection sheet. `outstanding` sums every instalment still owed,
 * which is the most a repayment may be (more is refused as an overpayment).
 */
export function memberDue(instalments: SheetInstalment[], today: string, until: string): MemberDue {
  const sorted = [...instalments].sort((a, b) => a.n - b.n);
  let overdue = 0n;
  let dueNow = 0n;
  let lateCharges = 0n;
  let outstanding = 0n;
  let latest: SheetInstalment | undefined;
  for (const i of sorted) {
    const owed = owedOf(i);
    outstanding += owed;
    if (i.dueDate < today) overdue += owed;
    if (i.dueDate <= until) {
      dueNow += owed;
      lateCharges += i.penalty - i.penaltyPaid;
      latest = i;
    }
  }
  return {
    instalment: latest ? { n: latest.n, dueDate: latest.dueDate, amount: owedOf(latest).toString() } : null,
    overdue: overdue.toString(),
    lateCharges: lateCharges.toString(),
    dueNow: dueNow.toString(),
    outstanding: outstanding.toString(),
  };
}

/** `YYYY-MM-DD` plus whole days. */
export const addDays = (iso: string, days: number) =>
  new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/** The Idempotency-Key of an op recorded on a phone: its id, in its own namespace. */
export const opKey = (opId: string) => `sync:${opId}`;

/** Money parameters of refusal messages, shown as rupiah ("Rp1.210.000") rather than bare digits. */
export const MONEY_PARAMS = ['owed', 'available', 'needed', 'held', 'balance'] as const;
