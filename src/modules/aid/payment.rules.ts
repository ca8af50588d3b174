import { csvCell } from '../../core/csv.ts';
import { isIsoDate } from '../../core/dates.ts';
import { FIRST_DATE } from '../../core/schemas.ts';
import { isCleanText } from '../../core/text.ts';
import type { CONFIRMED_STATUSES, INSTRUCTION_STATUSES, LINE_OUTCOMES } from './payment.schema.ts';
import type { AID_CHANNELS } from './programme.schema.ts';

/**
 * Payment rules, no I/O: instruction references, the channels' file layouts, reading a line of a
 * confirmation file and what that line does to an instruction.
 */
type AidChannel = (typeof AID_CHANNELS)[number];
export type InstructionStatus = (typeof INSTRUCTION_STATUSES)[number];
export type ConfirmedStatus = (typeof CONFIRMED_STATUSES)[number];
export type LineOutcome = (typeof LINE_OUTCOMES)[number];
/** Why a line was not applied, as a catalogue code and its params (worded in the reader's language). */
export type LineDetail = { code: string; params?: Record<string, string | number> };

// ---------------------------------------------------------------------------------------------
// References: PROGRAMME-PERIODSTART-SEQUENCE-ATTEMPT, e.g. KKS-20141101-00000042-1.
// The sequence numbers the cycle's entitlements in the order they were first instructed (8
// digits: 15.5 million KKS families fit); a retry keeps its entitlement's stem and counts the
// attempt up (KKS-20141101-00000042-2). Unique because a programme has one cycle per start date.

export const REFERENCE_PATTERN = /^[A-Z0-9-]{6,40}$/;
const MAX_CODE_LENGTH = 16;
const SEQUENCE_DIGITS = 8;
export const MAX_SEQUENCE = 10 ** SEQUENCE_DIGITS - 1;

/** FNV-1a, 32 bits: a short, stable tag for a programme code too long to write in full. */
function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash >>> 0;
}

/** The part of a cycle's references before the sequence: the programme code in capitals and the period's start. */
export function referencePrefix(programmeCode: string, periodStart: string): string {
  let code = programmeCode.toUpperCase().replace(/[^A-Z0-9]/g, '-');
  // Codes may be 32 characters; a reference at most 40. A long code keeps 11 characters and a tag of the whole.
  if (code.length > MAX_CODE_LENGTH)
    code = `${code.slice(0, 11)}${fnv1a(programmeCode).toString(36).toUpperCase().padStart(5, '0').slice(-5)}`;
  return `${code}-${periodStart.replaceAll('-', '')}`;
}

/**
 * The period starts (YYYY-MM-DD) that references name (PREFIX-YYYYMMDD-sequence-attempt): the
 * months of aid_instruction to look them up in (its partitions, migration 0048). A text that is
 * no reference names none.
 */
export function referencePeriods(references: Iterable<string>): string[] {
  const periods = new Set<string>();
  for (const reference of references) {
    const match = /-(\d{4})(\d{2})(\d{2})-\d+-\d+$/.exec(reference);
    const date = match ? `${match[1]}-${match[2]}-${match[3]}` : '';
    if (isIsoDate(date)) periods.add(date);
  }
  return [...periods];
}

/** The first instruction of the cycle's `sequence`-th entitlement. */
export function firstReference(prefix: string, sequence: number): string {
  if (!Number.isSafeInteger(sequence) || sequence < 1 || sequence > MAX_SEQUENCE) throw new RangeError(`sequence ${sequence}`);
  return `${prefix}-${String(sequence).padStart(SEQUENCE_DIGITS, '0')}-1`;
}

/** The next attempt of an entitlement: the same stem, the attempt counted up. */
export function retryReference(lastReference: string, attempt: number): string {
  return `${lastReference.replace(/-\d+$/, '')}-${attempt}`;
}

/** What a bank transfer's description says: the programme and period of the reference. */
export const transferDescription = (reference: string) => `BANSOS ${reference.split('-').slice(0, -2).join('-')}`;

// ---------------------------------------------------------------------------------------------
// Instruction files: CSV (RFC 4180: CRLF line ends, cells quoted only when needed), UTF-8
// without BOM (bank upload systems take the first bytes as data), a header row, amounts in whole
// rupiah without separators.

export const INSTRUCTION_FILE_HEADERS: Record<AidChannel, readonly string[]> = {
  bank: ['reference', 'bank_account', 'account_name', 'amount', 'description'],
  lkd: ['reference', 'msisdn', 'name', 'amount'],
  giro_pos: ['reference', 'giro_account', 'name', 'kk_number', 'village_code', 'amount'],
};

export type InstructionFileRow = {
  reference: string;
  account: string;
  payeeName: string;
  payeeKk: string;
  villageCode: string;
  amount: string;
};

const CRLF = '\r\n';

/** An e-money number as the channel takes it: international without the plus (0812… → 62812…). */
export const msisdnOf = (account: string) => (account.startsWith('0') ? `62${account.slice(1)}` : account);

export const instructionFileHeader = (channel: AidChannel) => `${INSTRUCTION_FILE_HEADERS[channel].join(',')}${CRLF}`;

export function instructionFileLine(channel: AidChannel, row: InstructionFileRow): string {
  const cells =
    channel === 'bank'
      ? [row.reference, row.account, row.payeeName, row.amount, transferDescription(row.reference)]
      : channel === 'lkd'
        ? [row.reference, msisdnOf(row.account), row.payeeName, row.amount]
        : [row.reference, row.account, row.payeeName, row.payeeKk, row.villageCode, row.amount];
  return `${cells.map(csvCell).join(',')}${CRLF}`;
}

// ---------------------------------------------------------------------------------------------
// Confirmation files: header `reference,status,date,channel_reference,amount`, one line per
// instruction the channel settled; status paid, failed or returned; date YYYY-MM-DD.

export const CONFIRMATION_HEADER = ['reference', 'status', 'date', 'channel_reference', 'amount'] as const;
const CONFIRMED: readonly string[] = ['paid', 'failed', 'returned'];
const MAX_CHANNEL_REFERENCE = 100;

/**
 * The file's pieces as lines: each piece is one or more whole lines (a line as a reader of lines
 * gives it, or a whole body), line ends CRLF, LF or CR. A final line end adds no empty line.
 */
export async function* linesOf(pieces: AsyncIterable<string> | Iterable<string>): AsyncGenerator<string> {
  for await (const piece of pieces) {
    let start = 0;
    while (start < piece.length) {
      let end = start;
      while (end < piece.length && piece.charCodeAt(end) !== 10 && piece.charCodeAt(end) !== 13) end++;
      yield piece.slice(start, end);
      if (end < piece.length && piece.charCodeAt(end) === 13 && piece.charCodeAt(end + 1) === 10) end++;
      start = end + 1;
    }
  }
}

/** One CSV record on one line (RFC 4180 quoting); null when a quote is not closed or stray text follows one. */
export function splitCsvLine(line: string): string[] | null {
  const cells: string[] = [];
  let i = 0;
  for (;;) {
    if (line[i] === '"') {
      let cell = '';
      i++;
      for (;;) {
        const quote = line.indexOf('"', i);
        if (quote < 0) return null;
        cell += line.slice(i, quote);
        if (line[quote + 1] === '"') {
          cell += '"';
          i = quote + 2;
        } else {
          i = quote + 1;
          break;
        }
      }
      cells.push(cell);
      if (i === line.length) return cells;
      if (line[i] !== ',') return null;
      i++;
    } else {
      const comma = line.indexOf(',', i);
      if (comma < 0) {
        cells.push(line.slice(i));
        return cells;
      }
      cells.push(line.slice(i, comma));
      i = comma + 1;
    }
  }
}

/** True for the confirmation header (names in any case, spaces around them and a BOM ignored). */
export function isConfirmationHeader(line: string): boolean {
  const cells = splitCsvLine(line.replace(/^\uFEFF/, ''));
  return (
    cells !== null &&
    cells.length === CONFIRMATION_HEADER.length &&
    cells.every((cell, i) => cell.trim().toLowerCase() === CONFIRMATION_HEADER[i])
  );
}

export type ConfirmationLine = {
  reference: string;
  status: ConfirmedStatus;
  date: string;
  channelReference: string | null;
  amount: bigint;
};

export type ParsedLine = { ok: true; line: ConfirmationLine } | { ok: false; reference: string | null; detail: LineDetail };

/** A cell quoted back in a detail: short, so a garbage line cannot fill the report. */
const shown = (text: string) => (text.length > 40 ? `${text.slice(0, 40)}…` : text);

/**
 * Reads one line of a confirmation file. A bad line (not five cells, a reference that cannot be
 * one, a status other than paid / failed / returned, a date that is not a real day or is after
 * today, an amount that is not whole rupiah, a NUL byte) is reported as invalid, never applied.
 */
export function parseConfirmationLine(text: string, today: string): ParsedLine {
  if (!isCleanText(text)) return { ok: false, reference: null, detail: { code: 'aid.reconcile.unclean_line' } };
  const cells = splitCsvLine(text);
  if (cells === null) return { ok: false, reference: null, detail: { code: 'aid.reconcile.bad_csv' } };
  const rawReference = cells[0]?.trim() ?? '';
  const reference = REFERENCE_PATTERN.test(rawReference.toUpperCase()) ? rawReference.toUpperCase() : null;
  const fail = (code: string, params?: Record<string, string | number>): ParsedLine => ({
    ok: false,
    reference: reference ?? (rawReference === '' ? null : shown(rawReference)),
    detail: params ? { code, params } : { code },
  });
  if (cells.length !== CONFIRMATION_HEADER.length) return fail('aid.reconcile.column_count', { count: cells.length, expected: 5 });
  const [, statusCell, dateCell, channelReferenceCell, amountCell] = cells.map((cell) => cell.trim()) as [
    string,
    string,
    string,
    string,
    string,
  ];
  if (reference === null) return fail('aid.reconcile.bad_reference', { reference: shown(rawReference) });
  const status = statusCell.toLowerCase();
  if (!CONFIRMED.includes(status)) return fail('aid.reconcile.bad_status', { status: shown(statusCell) });
  if (!isIsoDate(dateCell) || dateCell < FIRST_DATE) return fail('aid.reconcile.bad_date', { date: shown(dateCell) });
  if (dateCell > today) return fail('aid.reconcile.date_in_future', { date: dateCell });
  if (channelReferenceCell.length > MAX_CHANNEL_REFERENCE)
    return fail('aid.reconcile.channel_reference_long', { max: MAX_CHANNEL_REFERENCE });
  if (!/^\d{1,15}$/.test(amountCell)) return fail('aid.reconcile.bad_amount', { amount: shown(amountCell) });
  return {
    ok: true,
    line: {
      reference,
      status: status as ConfirmedStatus,
      date: dateCell,
      channelReference: channelReferenceCell === '' ? null : channelReferenceCell,
      amount: BigInt(amountCell),
    },
  };
}

/** What the database knows of the instruction a line names. */
export type InstructionState = {
  status: InstructionStatus;
  amount: bigint;
  /** The instruction belongs to the cycle and channel being reconciled. */
  ours: boolean;
  /** Another instruction of the same entitlement is paid. */
  paidElsewhere: boolean;
};

export type LineDecision =
  | { outcome: 'paid' | 'failed' | 'returned'; status: ConfirmedStatus; moneyOut: boolean; moneyBack: boolean }
  | { outcome: 'duplicate' | 'unchanged' | 'unknown' | 'mismatch' | 'invalid'; detail: LineDetail };

/**
 * What a confirmation line does to its instruction. An instruction is settled once: instructed →
 * paid, failed or returned; a payment may later come back (paid → returned). Failed and returned
 * are final for that instruction: the entitlement goes to the retry list and is paid, if at all,
 * by a new instruction with a new reference. A line for a reference already paid is a duplicate
 * and nothing moves (issue 13's contract); the same failure or return again is unchanged.
 */
export function decideLine(instruction: InstructionState | undefined, line: { status: ConfirmedStatus; amount: bigint }): LineDecision {
  if (!instruction) return { outcome: 'unknown', detail: { code: 'aid.reconcile.unknown' } };
  if (!instruction.ours) return { outcome: 'unknown', detail: { code: 'aid.reconcile.other_batch' } };
  if (line.amount !== instruction.amount)
    return {
      outcome: 'mismatch',
      detail: { code: 'aid.reconcile.mismatch', params: { amount: line.amount.toString(), expected: instruction.amount.toString() } },
    };
  const current = instruction.status;
  if (current === 'instructed') return { outcome: line.status, status: line.status, moneyOut: line.status === 'paid', moneyBack: false };
  if (current === 'paid') {
    if (line.status === 'returned') return { outcome: 'returned', status: 'returned', moneyOut: false, moneyBack: true };
    return {
      outcome: 'duplicate',
      detail: { code: line.status === 'paid' ? 'aid.reconcile.duplicate' : 'aid.reconcile.paid_cannot_fail' },
    };
  }
  if (current === line.status) return { outcome: 'unchanged', detail: { code: `aid.reconcile.unchanged_${current}` } };
  if (line.status === 'paid' && instruction.paidElsewhere)
    return { outcome: 'duplicate', detail: { code: 'aid.reconcile.entitlement_paid' } };
  return { outcome: 'invalid', detail: { code: `aid.reconcile.settled_${current}` } };
}

/** Counts of a reconciliation, every outcome present. */
export const emptyCounts = (): Record<LineOutcome, number> => ({
  paid: 0,
  failed: 0,
  returned: 0,
  duplicate: 0,
  unchanged: 0,
  unknown: 0,
  mismatch: 0,
  invalid: 0,
});
