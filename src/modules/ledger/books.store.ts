import { sql } from 'kysely';
import type { Queryable } from '../../db/database.ts';
import { type BooksRecord, type DaySeal, entriesWithLines, ORGANISATION_SCOPE, RECORD_FIELDS } from './books.seal.ts';

/** Timestamps in one text form on both databases (UTC, microseconds). */
const UTC_TEXT = `'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'`;

type Row = Record<string, string | null>;
const valuesOf = (row: Row, fields: readonly string[]) => fields.map((field) => row[field] ?? null);

export type SealRow = DaySeal & { officeId: string | null; auditFrom: string; auditUntil: string; sealedAt: string };

export async function officesToSeal(db: Queryable): Promise<{ id: string; code: string }[]> {
  const { rows } = await sql<{ id: string; code: string }>`SELECT id::text AS id, code FROM office ORDER BY id`.execute(db);
  return rows;
}

export async function officeByCode(db: Queryable, code: string) {
  const { rows } = await sql<{ id: string; code: string; name: string }>`
    SELECT id::text AS id, code, name FROM office WHERE code = ${code}`.execute(db);
  return rows[0];
}

/** A day's entries with their lines (each entry followed by its lines, entries by id). */
export async function dayEntries(db: Queryable, officeId: string, day: string): Promise<BooksRecord[]> {
  const entries = await sql<Row>`
    SELECT id::text AS id, office_id::text AS office_id, entry_date::text AS entry_date, memo, source_type,
           source_id::text AS source_id, reverses_id::text AS reverses_id, created_by,
           to_char(created_at AT TIME ZONE 'UTC', ${sql.raw(UTC_TEXT)}) AS created_at
    FROM journal_entry WHERE office_id = ${officeId} AND entry_date = ${day}::date ORDER BY id`.execute(db);
  const lines = await sql<Row>`
    SELECT l.entry_id::text AS entry_id, l.line_no::text AS line_no, l.account_code, l.office_id::text AS office_id,
           l.entry_date::text AS entry_date, l.debit::text AS debit, l.credit::text AS credit, l.fund_id::text AS fund_id,
           l.party_type, l.party_id::text AS party_id
    FROM journal_line l JOIN journal_entry e ON e.id = l.entry_id
    WHERE e.office_id = ${officeId} AND e.entry_date = ${day}::date AND l.entry_date = ${day}::date
    ORDER BY l.entry_id, l.line_no`.execute(db);
  return [
    ...entriesWithLines(
      entries.rows.map((row) => ({ kind: 'entry' as const, values: valuesOf(row, RECORD_FIELDS.entry) })),
      lines.rows.map((row) => ({ kind: 'line' as const, values: valuesOf(row, RECORD_FIELDS.line) })),
    ),
  ];
}

/** Audit records of an office (or of no office) with from < at <= until, by time and id. */
export async function auditRecords(db: Queryable, scope: string, from: string, until: string): Promise<BooksRecord[]> {
  const office = scope === ORGANISATION_SCOPE ? sql`office_id IS NULL` : sql`office_id = ${scope}`;
  const { rows } = await sql<Row>`
    SELECT id::text AS id, to_char(at AT TIME ZONE 'UTC', ${sql.raw(UTC_TEXT)}) AS at, actor_id::text AS actor_id, actor_username,
           action, entity_type, entity_id, office_id::text AS office_id, region_code, before::text AS before, after::text AS after,
           request_id
    FROM audit_log WHERE ${office} AND at > ${from}::timestamptz AND at <= ${until}::timestamptz ORDER BY at, id`.execute(db);
  return rows.map((row) => ({ kind: 'audit' as const, values: valuesOf(row, RECORD_FIELDS.audit) }));
}

type StoredRow = {
  scope: string;
  office_id: string | null;
  day: string;
  previous_root: string;
  root: string;
  entries: number;
  lines: number;
  audits: number;
  content_hash: string;
  digests: Uint8Array;
  audit_from: string;
  audit_until: string;
  sealed_at: string;
};

const sealOf = (row: StoredRow): SealRow => ({
  scope: row.scope,
  officeId: row.office_id,
  day: row.day,
  previousRoot: row.previous_root,
  root: row.root,
  entries: row.entries,
  lines: row.lines,
  audits: row.audits,
  contentHash: row.content_hash,
  digests: Buffer.from(row.digests),
  auditFrom: row.audit_from,
  auditUntil: row.audit_until,
  sealedAt: row.sealed_at,
});

const SEAL_COLUMNS = sql.raw(`scope, office_id::text AS office_id, day::text AS day, previous_root, root, entries, lines, audits,
  content_hash, digests, to_char(audit_from AT TIME ZONE 'UTC', ${UTC_TEXT}) AS audit_from,
  to_char(audit_until AT TIME ZONE 'UTC', ${UTC_TEXT}) AS audit_until, to_char(sealed_at AT TIME ZONE 'UTC', ${UTC_TEXT}) AS sealed_at`);

export async function lastSealBefore(db: Queryable, scope: string, day: string): Promise<SealRow | undefined> {
  const { rows } = await sql<StoredRow>`
    SELECT ${SEAL_COLUMNS} FROM books_root WHERE scope = ${scope} AND day < ${day}::date ORDER BY day DESC LIMIT 1`.execute(db);
  return rows[0] ? sealOf(rows[0]) : undefined;
}

export async function sealOn(db: Queryable, scope: string, day: string): Promise<SealRow | undefined> {
  const { rows } = await sql<StoredRow>`SELECT ${SEAL_COLUMNS} FROM books_root WHERE scope = ${scope} AND day = ${day}::date`.execute(db);
  return rows[0] ? sealOf(rows[0]) : undefined;
}

export async function sealsBetween(db: Queryable, scopes: string[], from: string, to: string): Promise<SealRow[]> {
  if (scopes.length === 0) return [];
  const { rows } = await sql<StoredRow>`
    SELECT ${SEAL_COLUMNS} FROM books_root
    WHERE scope = ANY (${scopes}::text[]) AND day BETWEEN ${from}::date AND ${to}::date ORDER BY scope, day`.execute(db);
  return rows.map(sealOf);
}

export async function insertSeal(
  db: Queryable,
  seal: DaySeal,
  officeId: string | null,
  auditFrom: string,
  auditUntil: string,
  sealedAt: Date,
) {
  await sql`
    INSERT INTO books_root (scope, office_id, day, previous_root, root, entries, lines, audits, content_hash, digests,
                            audit_from, audit_until, sealed_at)
    VALUES (${seal.scope}, ${officeId}, ${seal.day}::date, ${seal.previousRoot}, ${seal.root}, ${seal.entries}, ${seal.lines},
            ${seal.audits}, ${seal.contentHash}, ${seal.digests}, ${auditFrom}::timestamptz, ${auditUntil}::timestamptz, ${sealedAt})
    ON CONFLICT (scope, day) DO NOTHING`.execute(db);
}

/** The day's roots of the given offices, for printing on the day's reports. */
export async function rootsOn(db: Queryable, officeIds: string[] | null, day: string) {
  const { rows } = await sql<{ office: string; root: string }>`
    SELECT o.code AS office, r.root FROM books_root r JOIN office o ON o.id = r.office_id
    WHERE r.day = ${day}::date AND (${officeIds === null} OR r.office_id = ANY (${officeIds ?? []}::uuid[])) ORDER BY o.code`.execute(db);
  return rows;
}
