/**
 * The outbox: every op recorded on the phone, with the id it was given there (`clientId`).
 * It stays `waiting` until the server has answered for it — so a sync cut off half-way is sent
 * again with the same ids and the server answers "duplicate" instead of recording twice.
 * A refused operation stays, with the server's reason, until the worker corrects or discards it.
 */
import type { z } from 'zod';
import { addMonths } from '../../../src/core/dates.ts';
import { uuidv7 } from '../../../src/core/ids.ts';
import type { contributionViewSchema } from '../../../src/modules/contributions/contributions.schema.ts';
import type { Bundle, BundleFamily, PushResult, SheetFinancing, SyncOp } from '../../../src/modules/sync/sync.schema.ts';

export type StoredBundle = { bundle: Bundle; downloadedAt: string; username: string };
export type StoredWorker = { username: string; fullName: string; role: string };

export type OutboxStatus = 'waiting' | 'applied' | 'refused';

/** The receipt the server made for a synced contribution: what the cadre shows or shares with the family. */
export type FieldReceipt = Pick<
  z.infer<typeof contributionViewSchema>,
  'receiptPath' | 'receiptNumber' | 'firstMonth' | 'lastMonth' | 'months' | 'amount' | 'amountInWords' | 'paidOn'
>;

export type OutboxEntry = {
  /** The op's id: the key of the outbox and, on the server, of the op's idempotency record. */
  clientId: string;
  operation: SyncOp;
  /** Names as the worker saw them when recording (the bundle may be downloaded again meanwhile). */
  label: { group?: string; family?: string; member?: string; number?: string; collector?: string };
  recordedAt: string;
  recordedBy: string;
  status: OutboxStatus;
  code?: string;
  reason?: string;
  /** Sends tried (each may have been cut off); shown to explain a long wait. */
  attempts: number;
  settledAt?: string;
  /** A contribution the server recorded (applied, or answered as a duplicate with the first result): its receipt. */
  receipt?: FieldReceipt;
};

/** At most this many operations per request (the server's limit). */
export const SYNC_CHUNK = 200;
/** Applied entries are kept this long as the worker's record of what went through. */
const KEEP_APPLIED_MS = 14 * 86_400_000;

/**
 * A client id made on the phone. UUIDv7 from crypto.getRandomValues: crypto.randomUUID exists
 * only on https (and localhost) pages, and field servers are often reached over plain http.
 */
export const newClientId = () => uuidv7();

export const byRecordedAt = (a: OutboxEntry, b: OutboxEntry) =>
  a.recordedAt.localeCompare(b.recordedAt) || a.clientId.localeCompare(b.clientId);

/** What the worker may send now: their own waiting operations, oldest first. */
export const sendable = (entries: OutboxEntry[], username: string) =>
  entries.filter((e) => e.status === 'waiting' && e.recordedBy === username).sort(byRecordedAt);

/** The receipt in a contribution's result, when the result is one (an older server may answer without it). */
export function receiptOf(result: unknown): FieldReceipt | undefined {
  if (!result || typeof result !== 'object') return undefined;
  const r = result as Record<string, unknown>;
  const texts = ['receiptPath', 'receiptNumber', 'firstMonth', 'lastMonth', 'amount', 'amountInWords', 'paidOn'] as const;
  if (texts.some((key) => typeof r[key] !== 'string') || typeof r.months !== 'number') return undefined;
  // Only a path on this server: the link opens with the worker's session.
  if (!/^\/api\/v1\/contributions\/[0-9a-f-]{36}\/receipt\.pdf$/.test(r.receiptPath as string)) return undefined;
  const text = (key: (typeof texts)[number]) => r[key] as string;
  return {
    receiptPath: text('receiptPath'),
    receiptNumber: text('receiptNumber'),
    firstMonth: text('firstMonth'),
    lastMonth: text('lastMonth'),
    months: r.months as number,
    amount: text('amount'),
    amountInWords: text('amountInWords'),
    paidOn: text('paidOn'),
  };
}

/** The entries after the server's answers: applied and duplicate both mean "recorded once" (a contribution keeps its receipt). */
export function withAnswers(sent: OutboxEntry[], results: PushResult[], now: string): OutboxEntry[] {
  const answers = new Map(results.map((r) => [r.id, r]));
  const updated: OutboxEntry[] = [];
  for (const entry of sent) {
    const answer = answers.get(entry.clientId);
    if (!answer) continue;
    if (answer.status === 'rejected')
      updated.push({ ...entry, status: 'refused', code: answer.code, reason: answer.message ?? answer.code, settledAt: now });
    else {
      const receipt = entry.operation.type === 'contribution' ? receiptOf(answer.result) : undefined;
      updated.push({ ...entry, status: 'applied', code: undefined, reason: undefined, settledAt: now, ...(receipt ? { receipt } : {}) });
    }
  }
  return updated;
}

/** The receipts of a family's contributions that went through, newest first. */
export const receiptsOf = (entries: OutboxEntry[], householdId: string) =>
  entries
    .filter(
      (e) => e.status === 'applied' && e.receipt && e.operation.type === 'contribution' && e.operation.payload.householdId === householdId,
    )
    .sort(byRecordedAt)
    .reverse();

/** Applied entries old enough to forget. */
export const expired = (entries: OutboxEntry[], now: number) =>
  entries.filter((e) => e.status === 'applied' && e.settledAt && now - Date.parse(e.settledAt) > KEEP_APPLIED_MS);

/** Not yet in the downloaded figures: still waiting, or gone through after the download (phone clock on both sides). */
const notInBundle = (e: OutboxEntry, downloadedAt: string) =>
  e.status === 'waiting' || (e.status === 'applied' && (e.settledAt ?? '') >= downloadedAt);

/** Rupiah recorded on this phone for a financing that the downloaded figures do not show yet. */
export function recordedSince(entries: OutboxEntry[], financingId: string, downloadedAt: string): bigint {
  let total = 0n;
  for (const e of entries) {
    const op = e.operation;
    if (op.type === 'repayment' && op.payload.financingId === financingId && notInBundle(e, downloadedAt))
      total += BigInt(op.payload.amount);
  }
  return total;
}

/** Months of contributions recorded on this phone for a family that the downloaded figures do not show yet. */
export function monthsRecordedSince(entries: OutboxEntry[], householdId: string, downloadedAt: string): number {
  let months = 0;
  for (const e of entries) {
    const op = e.operation;
    if (op.type === 'contribution' && op.payload.householdId === householdId && notInBundle(e, downloadedAt)) months += op.payload.months;
  }
  return months;
}

/** Visits recorded on this phone for a family that the downloaded figures do not show yet. */
export const visitsRecordedSince = (entries: OutboxEntry[], householdId: string, downloadedAt: string) =>
  entries.filter((e) => e.operation.type === 'visit' && e.operation.payload.householdId === householdId && notInBundle(e, downloadedAt))
    .length;

/**
 * The phone's local time with its offset ("2026-03-10T09:05:00+07:00"): the server takes the
 * worker's day from it, so a payment at 06:30 WIB is not booked on the day before.
 */
export function localTimestamp(date: Date): string {
  const offset = -date.getTimezoneOffset();
  const local = new Date(date.getTime() + offset * 60_000).toISOString().slice(0, 19);
  const sign = offset >= 0 ? '+' : '-';
  const hours = String(Math.floor(Math.abs(offset) / 60)).padStart(2, '0');
  const minutes = String(Math.abs(offset) % 60).padStart(2, '0');
  return `${local}${sign}${hours}:${minutes}`;
}

export const counts = (entries: OutboxEntry[]) => ({
  waiting: entries.filter((e) => e.status === 'waiting').length,
  refused: entries.filter((e) => e.status === 'refused').length,
  applied: entries.filter((e) => e.status === 'applied').length,
});

/**
 * A refused op queued again under the same id — nothing was recorded for it, so the key is
 * still free — with the amount of a repayment or contribution corrected when one is given.
 */
export function corrected(entry: OutboxEntry, amount?: string): OutboxEntry {
  const op = entry.operation;
  const operation: SyncOp =
    amount && op.type === 'repayment'
      ? { ...op, payload: { ...op.payload, amount } }
      : amount && op.type === 'contribution'
        ? { ...op, payload: { ...op.payload, amount } }
        : op;
  return { ...entry, operation, status: 'waiting', code: undefined, reason: undefined, settledAt: undefined };
}

/** The receipt the phone gave at once for a payment taken in the field: what the worker shows and shares. */
export type PhoneReceipt = {
  number: string;
  kind: 'repayment' | 'contribution';
  amount: string;
  months?: number;
  /** The phone's day of the payment. */
  paidOn: string;
  /** The member (repayment) or the family head as recorded, and the financing or KK number. */
  payer: string;
  reference: string;
  collector: string;
};

/** The phone's receipt of an entry, when it is a payment numbered on the phone. */
export function phoneReceiptOf(entry: OutboxEntry): PhoneReceipt | undefined {
  const op = entry.operation;
  if (op.type !== 'repayment' && op.type !== 'contribution') return undefined;
  const number = op.payload.receiptNumber;
  if (!number) return undefined;
  return {
    number,
    kind: op.type,
    amount: op.payload.amount,
    ...(op.type === 'contribution' ? { months: op.payload.months } : {}),
    paidOn: op.recordedAt.slice(0, 10),
    payer: entry.label.member ?? entry.label.family ?? '',
    reference: entry.label.number ?? '',
    collector: entry.label.collector ?? entry.recordedBy,
  };
}

/** The phone's receipts of a family's or a financing's payments, newest first. */
export const phoneReceiptsOf = (entries: OutboxEntry[], match: (op: SyncOp) => boolean) =>
  entries
    .filter((e) => match(e.operation) && phoneReceiptOf(e))
    .sort(byRecordedAt)
    .reverse();

/**
 * A family as it stands after what this phone recorded since the download: visited today, the
 * months paid added to the paid-through month and taken off the arrears. The next download
 * (after every sync that went through) brings the server's own figures.
 */
export function familyWithLocal(family: BundleFamily, entries: OutboxEntry[], downloadedAt: string, today: string): BundleFamily {
  const visits = visitsRecordedSince(entries, family.householdId, downloadedAt);
  const months = monthsRecordedSince(entries, family.householdId, downloadedAt);
  if (visits === 0 && months === 0) return family;
  return {
    ...family,
    ...(visits > 0 ? { lastVisitOn: today, daysSinceVisit: 0 } : {}),
    ...(months > 0 && family.paidThrough
      ? { paidThrough: addMonths(family.paidThrough, months), arrearsMonths: Math.max(0, (family.arrearsMonths ?? 0) - months) }
      : {}),
  };
}

const less = (value: string, by: bigint) => {
  const left = BigInt(value) - by;
  return (left < 0n ? 0n : left).toString();
};

/** A member's figures after the payments recorded on this phone since the download: overdue first, then due, then outstanding. */
export function financingWithLocal(financing: SheetFinancing, recorded: bigint): SheetFinancing {
  if (recorded === 0n) return financing;
  return {
    ...financing,
    overdue: less(financing.overdue, recorded),
    dueNow: less(financing.dueNow, recorded),
    outstanding: less(financing.outstanding, recorded),
  };
}
