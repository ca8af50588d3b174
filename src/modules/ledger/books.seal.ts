/**
 * Tamper-evident books (docs/books.md): the canonical encoding of journal entries, their lines and
 * audit records, the day's hash and the root chained to the previous day's, and the check that
 * names the first day, record and field that do not match. No I/O (node:crypto only, hence not a .rules.ts): the database (close of day,
 * GET /ledger/integrity) and the offline `jaring books verify` use these same functions.
 */
import { createHash } from 'node:crypto';

const sha256Hex = (data: string | Uint8Array) => createHash('sha256').update(data).digest('hex');

export const BOOKS_FORMAT = 'jaring-books/1';
/** The previous root of an office's first sealed day. */
export const GENESIS_ROOT = '0'.repeat(64);
/** The chain of audit records that belong to no office (users, settings, organisation-wide runs). */
export const ORGANISATION_SCOPE = '*';

export const RECORD_FIELDS = {
  entry: ['id', 'office_id', 'entry_date', 'memo', 'source_type', 'source_id', 'reverses_id', 'created_by', 'created_at'],
  line: ['entry_id', 'line_no', 'account_code', 'office_id', 'entry_date', 'debit', 'credit', 'fund_id', 'party_type', 'party_id'],
  audit: [
    'id',
    'at',
    'actor_id',
    'actor_username',
    'action',
    'entity_type',
    'entity_id',
    'office_id',
    'region_code',
    'before',
    'after',
    'request_id',
  ],
} as const;

export type RecordKind = keyof typeof RECORD_FIELDS;
/** A record as the database gives it: every field as text (numbers, dates and JSON in PostgreSQL's own output form). */
export type BooksRecord = { kind: RecordKind; values: (string | null)[] };

export type DaySeal = {
  scope: string;
  day: string;
  previousRoot: string;
  root: string;
  entries: number;
  lines: number;
  audits: number;
  contentHash: string;
  /** Four bytes per field of every record, in order: they locate a change; the root proves it. */
  digests: Buffer;
};

export type BooksProblem = {
  scope: string;
  day: string;
  kind: 'field' | 'record_missing' | 'record_added' | 'root' | 'chain';
  record: { kind: RecordKind; id: string } | null;
  field: string | null;
  /** The value found now (for a field). */
  value: string | null;
};

const DIGEST_BYTES = 4;

/** One record's canonical line: a JSON array of its kind and its fields' texts, in the fixed field order. */
export function encodeRecord(record: BooksRecord): string {
  return JSON.stringify([record.kind, ...record.values]);
}

/** The record's name in a report: an entry or audit record by id, a line by its entry and number. */
export function recordId(record: BooksRecord): string {
  return record.kind === 'line' ? `${record.values[0]}#${record.values[1]}` : String(record.values[0]);
}

/** FNV-1a (32 bits) of a field: cheap, and enough to point at the field that changed. */
function fieldDigest(kind: RecordKind, field: string, value: string | null): number {
  const text = `${kind}.${field}=${value === null ? '\u0000' : value}`;
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index++) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash >>> 0;
}

/** Hashes a day's records as they stream by, in the order the books are read (entries with their lines, then audit records). */
export class DayHasher {
  private readonly content = createHash('sha256');
  private digestChunks: Buffer[] = [];
  private pending = Buffer.alloc(64 * 1024);
  private used = 0;
  readonly counts = { entries: 0, lines: 0, audits: 0 };

  add(record: BooksRecord) {
    const fields = RECORD_FIELDS[record.kind];
    if (record.values.length !== fields.length)
      throw new Error(`${record.kind} has ${record.values.length} fields, expected ${fields.length}`);
    this.content.update(encodeRecord(record));
    this.content.update('\n');
    for (let index = 0; index < fields.length; index++) {
      if (this.used + DIGEST_BYTES > this.pending.length) this.flush();
      this.pending.writeUInt32BE(fieldDigest(record.kind, fields[index] as string, record.values[index] ?? null), this.used);
      this.used += DIGEST_BYTES;
    }
    if (record.kind === 'entry') this.counts.entries++;
    else if (record.kind === 'line') this.counts.lines++;
    else this.counts.audits++;
  }

  private flush() {
    this.digestChunks.push(Buffer.from(this.pending.subarray(0, this.used)));
    this.used = 0;
  }

  seal(scope: string, day: string, previousRoot: string): DaySeal {
    this.flush();
    const digests = Buffer.concat(this.digestChunks);
    const contentHash = this.content.digest('hex');
    const seal = { scope, day, previousRoot, ...this.counts, contentHash, digests };
    return { ...seal, root: rootOf(seal) };
  }
}

/** The day's root: everything about the day (its counts, its records' hash, their field digests) chained to the previous root. */
export function rootOf(seal: Omit<DaySeal, 'root'>): string {
  const digestsHash = sha256Hex(seal.digests);
  const payload = [
    BOOKS_FORMAT,
    seal.scope,
    seal.day,
    seal.previousRoot,
    seal.entries,
    seal.lines,
    seal.audits,
    seal.contentHash,
    digestsHash,
  ];
  return sha256Hex(JSON.stringify(payload));
}

/**
 * Checks one day's records against the seal kept at close of day. Returns the first problem:
 * a field whose digest differs (the record and field named), a record missing or added, the
 * stored root itself altered, or a broken chain (expectedPrevious is the root before it).
 */
export function checkDay(stored: DaySeal, records: Iterable<BooksRecord>, expectedPrevious: string | null): BooksProblem | null {
  const at = (kind: BooksProblem['kind'], record: BooksRecord | null, field: string | null, value: string | null): BooksProblem => ({
    scope: stored.scope,
    day: stored.day,
    kind,
    record: record ? { kind: record.kind, id: recordId(record) } : null,
    field,
    value,
  });
  if (expectedPrevious !== null && stored.previousRoot !== expectedPrevious) return at('chain', null, 'previousRoot', stored.previousRoot);
  const hasher = new DayHasher();
  const sealed = { entry: stored.entries, line: stored.lines, audit: stored.audits };
  const seen = { entry: 0, line: 0, audit: 0 };
  let offset = 0;
  for (const record of records) {
    const fields = RECORD_FIELDS[record.kind];
    if (seen[record.kind]++ >= sealed[record.kind]) return at('record_added', record, null, null);
    if (offset + fields.length * DIGEST_BYTES > stored.digests.length) return at('record_added', record, null, null);
    for (let index = 0; index < fields.length; index++) {
      const field = fields[index] as string;
      const value = record.values[index] ?? null;
      if (stored.digests.readUInt32BE(offset + index * DIGEST_BYTES) !== fieldDigest(record.kind, field, value))
        return at('field', record, field, value);
    }
    offset += fields.length * DIGEST_BYTES;
    hasher.add(record);
  }
  if (offset < stored.digests.length) return at('record_missing', null, null, null);
  const recomputed = hasher.seal(stored.scope, stored.day, stored.previousRoot);
  if (recomputed.root !== stored.root || rootOf(stored) !== stored.root) return at('root', null, 'root', stored.root);
  return null;
}

/** Merges a day's entries (ordered by id) with their lines (ordered by entry id and number): each entry followed by its lines. */
export function* entriesWithLines(entries: Iterable<BooksRecord>, lines: BooksRecord[]): Generator<BooksRecord> {
  let next = 0;
  for (const entry of entries) {
    const id = entry.values[0];
    while (next < lines.length && String(lines[next]?.values[0]) < String(id)) yield lines[next++] as BooksRecord;
    yield entry;
    while (next < lines.length && lines[next]?.values[0] === id) yield lines[next++] as BooksRecord;
  }
  while (next < lines.length) yield lines[next++] as BooksRecord;
}

/** A seal line of an export file back into a seal. */
export function sealFromExport(value: Record<string, unknown>): DaySeal {
  return {
    scope: String(value.scope),
    day: String(value.day),
    previousRoot: String(value.previousRoot),
    root: String(value.root),
    entries: Number(value.entries),
    lines: Number(value.lines),
    audits: Number(value.audits),
    contentHash: String(value.contentHash),
    digests: Buffer.from(String(value.digests ?? ''), 'base64'),
  };
}

export type VerifyResult = {
  office: string | null;
  days: number;
  records: number;
  lastRoot: string | null;
  problem: BooksProblem | null;
  /** A line that is not part of the format (the file is not an export, or was cut). */
  malformed: { lineNo: number; reason: string } | null;
};

function isRecordLine(value: unknown): value is [RecordKind, ...(string | null)[]] {
  return (
    Array.isArray(value) &&
    typeof value[0] === 'string' &&
    value[0] in RECORD_FIELDS &&
    value.length === RECORD_FIELDS[value[0] as RecordKind].length + 1 &&
    value.slice(1).every((field) => field === null || typeof field === 'string')
  );
}

/**
 * Checks an export file (`jaring books export`) line by line, with no database: every day's
 * records against its seal, every seal chained to the one before. Memory holds one day.
 */
export async function verifyExport(lines: AsyncIterable<string>): Promise<VerifyResult> {
  const result: VerifyResult = { office: null, days: 0, records: 0, lastRoot: null, problem: null, malformed: null };
  let previous: string | null = null;
  let current: { seal: DaySeal; records: BooksRecord[] } | null = null;
  let lineNo = 0;
  const finishDay = () => {
    if (!current) return true;
    result.problem = checkDay(current.seal, current.records, previous);
    if (result.problem) return false;
    previous = current.seal.root;
    result.lastRoot = current.seal.root;
    result.days++;
    current = null;
    return true;
  };
  for await (const text of lines) {
    lineNo++;
    if (text.trim() === '') continue;
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      result.malformed = { lineNo, reason: 'not JSON' };
      return result;
    }
    if (lineNo === 1) {
      const header = value as { format?: unknown; office?: { code?: unknown }; previousRoot?: unknown };
      if (header?.format !== BOOKS_FORMAT || typeof header.previousRoot !== 'string') {
        result.malformed = { lineNo, reason: `not a ${BOOKS_FORMAT} export` };
        return result;
      }
      result.office = typeof header.office?.code === 'string' ? header.office.code : null;
      previous = header.previousRoot;
      continue;
    }
    if (isRecordLine(value)) {
      if (!current) {
        result.malformed = { lineNo, reason: 'a record before any seal' };
        return result;
      }
      const [kind, ...values] = value;
      current.records.push({ kind, values });
      result.records++;
      continue;
    }
    const seal = (value as { seal?: Record<string, unknown> } | null)?.seal;
    if (!seal || typeof seal !== 'object') {
      result.malformed = { lineNo, reason: 'neither a seal nor a record' };
      return result;
    }
    if (!finishDay()) return result;
    current = { seal: sealFromExport(seal), records: [] };
  }
  if (lineNo === 0) result.malformed = { lineNo: 0, reason: 'empty file' };
  else finishDay();
  return result;
}
