/** What a member brings to a group meeting, from their instalments. Pure: dates are parameters. */

/** An instalment as the sheet needs it: what it still asks for (financing's instalmentOwed) and its unpaid late charge. */
export type SheetInstalment = { n: number; dueDate: string; owed: bigint; lateCharge: bigint };

export type MemberDue = {
  instalment: { n: number; dueDate: string; amount: string } | null;
  overdue: string;
  lateCharges: string;
  dueNow: string;
  outstanding: string;
};

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
    const owed = i.owed;
    outstanding += owed;
    if (i.dueDate < today) overdue += owed;
    if (i.dueDate <= until) {
      dueNow += owed;
      lateCharges += i.lateCharge;
      latest = i;
    }
  }
  return {
    instalment: latest ? { n: latest.n, dueDate: latest.dueDate, amount: latest.owed.toString() } : null,
    overdue: overdue.toString(),
    lateCharges: lateCharges.toString(),
    dueNow: dueNow.toString(),
    outstanding: outstanding.toString(),
  };
}

/** The idempotency key of an op recorded on a phone: its id, in its own namespace. */
export const opKey = (opId: string) => `sync:${opId}`;

/** Money parameters of refusal messages, shown as rupiah ("Rp1.210.000") rather than bare digits. */
export const MONEY_PARAMS = ['owed', 'available', 'needed', 'held', 'balance'] as const;

/**
 * A receipt number made on a phone: its device code (F007, given by the server once) and the
 * phone's own sequence, "F007-00012". Two phones never share a device code, so two receipts
 * never share a number, offline or not.
 */
export const FIELD_RECEIPT_PATTERN = /^F\d{3,}-\d{5,}$/;
export const fieldReceiptNumber = (deviceCode: string, sequence: number) => `${deviceCode}-${String(sequence).padStart(5, '0')}`;
/** The device code of a receipt number ("F007-00012" → "F007"). */
export const deviceCodeOf = (number: string) => number.slice(0, number.lastIndexOf('-'));
