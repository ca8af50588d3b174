import { actorScope, assertRole, type Context } from '../../context.ts';
import { daysBetween } from '../../core/dates.ts';
import { invalid } from '../../core/errors.ts';
import { translate } from '../../core/messages.ts';
import type { Queryable } from '../../db/database.ts';
import { archivedMonthsIn } from '../partitions/index.ts';
import { BOOKS_FORMAT, type BooksProblem, type BooksRecord, checkDay, DayHasher, GENESIS_ROOT, ORGANISATION_SCOPE } from './books.seal.ts';
import {
  auditRecords,
  dayEntries,
  insertSeal,
  lastSealBefore,
  officeByCode,
  officesToSeal,
  type SealRow,
  sealOn,
  sealsBetween,
} from './books.store.ts';
import { officeFilter } from './ledger.access.ts';
import { BOOKS_CHECKERS } from './ledger.roles.ts';

/** Audit records younger than this at close of day wait for the next day's root (a transaction still writing one is not missed). */
export const AUDIT_SEAL_LAG_MS = 10 * 60_000;
const EPOCH = '1970-01-01T00:00:00.000000Z';

const recordsOfSeal = async (db: Queryable, seal: SealRow): Promise<BooksRecord[]> => [
  ...(seal.officeId ? await dayEntries(db, seal.officeId, seal.day) : []),
  ...(await auditRecords(db, seal.scope, seal.auditFrom, seal.auditUntil)),
];

/**
 * Close of day's last step: one root per office (and one for audit records of no office) for
 * the day, chained to the previous root. A day already sealed is left alone, so a resumed close
 * writes nothing twice. Nothing is updated per posting: the roots are computed here, from the rows.
 */
export async function sealBooks(db: Queryable, ctx: Context, day: string) {
  const now = ctx.clock.now();
  const lagged = new Date(now.getTime() - AUDIT_SEAL_LAG_MS).toISOString();
  const scopes = [
    ...(await officesToSeal(db)).map((office) => ({ scope: office.id, officeId: office.id as string | null })),
    {
      scope: ORGANISATION_SCOPE,
      officeId: null,
    },
  ];
  for (const { scope, officeId } of scopes) {
    if (await sealOn(db, scope, day)) continue;
    const previous = await lastSealBefore(db, scope, day);
    const auditFrom = previous?.auditUntil ?? EPOCH;
    const auditUntil = lagged > auditFrom ? lagged : auditFrom;
    const hasher = new DayHasher();
    if (officeId) for (const record of await dayEntries(db, officeId, day)) hasher.add(record);
    for (const record of await auditRecords(db, scope, auditFrom, auditUntil)) hasher.add(record);
    await insertSeal(db, hasher.seal(scope, day, previous?.root ?? GENESIS_ROOT), officeId, auditFrom, auditUntil, now);
  }
}

type IntegrityQuery = { from: string; to: string; office?: string | undefined };

/** The scopes (office ids, and '*' for an organisation-wide reader) a request may check. */
async function scopesFor(ctx: Context, office: string | undefined): Promise<string[]> {
  const officeIds = await officeFilter(ctx, office);
  if (office && officeIds) return officeIds;
  const all = officeIds ?? (await officesToSeal(ctx.db)).map((row) => row.id);
  // The organisation's own chain (users, settings, organisation-wide runs) is read by those who answer for the whole organisation.
  const organisationWide = actorScope(ctx).kind === 'all' || ctx.actor.kind !== 'user' || ['admin', 'auditor'].includes(ctx.actor.role);
  return organisationWide ? [...all, ORGANISATION_SCOPE] : all;
}

function checkRange(from: string, to: string) {
  if (from > to) throw invalid('books.from_after_to', 'from', { from, to });
  if (daysBetween(from, to) > 366) throw invalid('books.range_too_long', 'to');
}

/** Re-hashes the sealed days of the period from the rows in the database and names the first problem. */
export async function checkIntegrity(ctx: Context, query: IntegrityQuery) {
  assertRole(ctx, BOOKS_CHECKERS);
  checkRange(query.from, query.to);
  const scopes = await scopesFor(ctx, query.office);
  const seals = await sealsBetween(ctx.db, scopes, query.from, query.to);
  const codes = new Map((await officesToSeal(ctx.db)).map((office) => [office.id, office.code]));
  const checked = { days: 0, entries: 0, lines: 0, audits: 0 };
  let problem: BooksProblem | null = null;
  let expected: { scope: string; root: string } | null = null;
  for (const seal of seals) {
    const previous =
      expected?.scope === seal.scope ? expected.root : ((await lastSealBefore(ctx.db, seal.scope, seal.day))?.root ?? GENESIS_ROOT);
    problem = checkDay(seal, await recordsOfSeal(ctx.db, seal), previous);
    if (problem) break;
    expected = { scope: seal.scope, root: seal.root };
    checked.days++;
    checked.entries += seal.entries;
    checked.lines += seal.lines;
    checked.audits += seal.audits;
  }
  const lastRoots = new Map<string, SealRow>();
  for (const seal of seals) lastRoots.set(seal.scope, seal);
  return {
    from: query.from,
    to: query.to,
    ok: problem === null,
    checked,
    problem: problem && describeProblem(problem, codes.get(problem.scope) ?? problem.scope, ctx.locale),
    roots: [...lastRoots.values()].map((seal) => ({ office: codes.get(seal.scope) ?? seal.scope, day: seal.day, root: seal.root })),
    // A sealed day of an archived month finds its lines or audit records missing: say why.
    archivedMonths: [
      ...new Set([
        ...(await archivedMonthsIn(ctx.db, 'journal_line', query.from, query.to)),
        ...(await archivedMonthsIn(ctx.db, 'audit_log', query.from, query.to)),
      ]),
    ].sort(),
  };
}

export function describeProblem(problem: BooksProblem, office: string, locale: Context['locale']) {
  const record = problem.record ? translate(`books.record.${problem.record.kind}`, locale) : '';
  return {
    office,
    day: problem.day,
    kind: problem.kind,
    record: problem.record,
    field: problem.field,
    value: problem.value,
    message: translate(`books.${problem.kind}`, locale, {
      day: problem.day,
      office,
      record,
      id: problem.record?.id ?? '',
      field: problem.field ?? '',
      value: problem.value ?? '∅',
    }),
  };
}

/**
 * Writes an office's books of a period as JSON lines: a header, then per sealed day its seal
 * followed by its records. `jaring books verify` checks such a file with no database.
 */
export async function exportBooks(db: Queryable, officeCode: string, from: string, to: string, write: (line: string) => Promise<void>) {
  checkRange(from, to);
  const office = await officeByCode(db, officeCode);
  if (!office) throw invalid('books.office_unknown', 'office', { office: officeCode });
  const before = await lastSealBefore(db, office.id, from);
  await write(JSON.stringify({ format: BOOKS_FORMAT, office, from, to, previousRoot: before?.root ?? GENESIS_ROOT }));
  let days = 0;
  for (const seal of await sealsBetween(db, [office.id], from, to)) {
    const { digests, officeId: _officeId, sealedAt: _sealedAt, ...rest } = seal;
    await write(JSON.stringify({ seal: { ...rest, digests: digests.toString('base64') } }));
    for (const record of await recordsOfSeal(db, seal)) await write(JSON.stringify([record.kind, ...record.values]));
    days++;
  }
  return { office: office.code, days };
}
