import type { z } from 'zod';
import { actorName, actorScope, assertRole, type Context } from '../../context.ts';
import { decodeCursor, encodeCursor } from '../../core/cursor.ts';
import { endOfDay } from '../../core/dates.ts';
import { uuidv7 } from '../../core/ids.ts';
import { maskName, maskPersonalData } from '../../core/mask.ts';
import { ROLES_SEEING_IDENTIFIERS } from '../../core/roles.ts';
import { regionLikePatterns } from '../../core/scope.ts';
import type { Queryable, Tx } from '../../db/database.ts';
import { type ExportFormat, exportStream } from '../../export/table-export.ts';
import { archivedMonthsIn } from '../partitions/index.ts';
import { AUDIT_READERS } from './audit.roles.ts';
import type { AuditExportQuery, AuditQuery, auditPageSchema } from './audit.schema.ts';
import { findAuditRecords, insertAuditRecord } from './audit.store.ts';
import { auditChanges } from './audit-changes.rules.ts';
import type { AuditAction, AuditRecordType } from './audit-words.rules.ts';
import { auditActionWords, auditRecordTypeWords } from './audit-words.rules.ts';

export type AuditEntry = {
  /** Only codes with words in the catalogue (audit-words.rules.ts). */
  action: AuditAction;
  entityType: AuditRecordType;
  entityId?: string;
  officeId?: string | null;
  regionCode?: string | null;
  before?: unknown;
  after?: unknown;
};

/** Writes one append-only audit record inside the caller's transaction. */
export async function recordAudit(tx: Tx, ctx: Context, entry: AuditEntry): Promise<void> {
  const at = ctx.clock.now();
  await insertAuditRecord(tx, {
    id: uuidv7(at.getTime()),
    at,
    actor_id: ctx.actor.kind === 'user' ? ctx.actor.id : null,
    actor_username: actorName(ctx.actor),
    action: entry.action,
    entity_type: entry.entityType,
    entity_id: entry.entityId ?? null,
    office_id: entry.officeId ?? null,
    region_code: entry.regionCode ?? null,
    before: maskPersonalData(entry.before ?? null),
    after: maskPersonalData(entry.after ?? null),
    request_id: ctx.requestId ?? null,
  });
}

/** Fields that hold a person's name: masked for roles that may not see names (core/roles.ts). */
const NAME_KEY = /^(full_?name|head_?name|name|[a-z]*(person|member|recipient|mother|father|spouse|holder|head|officer)_?name)$/i;

function maskNames(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(maskNames);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([key, inner]) => [
        key,
        typeof inner === 'string' && NAME_KEY.test(key) ? maskName(inner) : maskNames(inner),
      ]),
    );
  }
  return value;
}

/**
 * Staff full names by recorded actor (and words for system actors); the identity module registers it
 * (it records audit itself, so audit cannot import it).
 */
export type ActorNames = (db: Queryable, recorded: string[], locale: Context['locale']) => Promise<Map<string, string>>;
let actorNames: ActorNames = async () => new Map();
/** Lets the audit trail name who acted ("Dewi Lestari", not "kasir"). */
export function setActorNames(source: ActorNames) {
  actorNames = source;
}

const seesNames = (ctx: Context) => ctx.actor.kind !== 'user' || ROLES_SEEING_IDENTIFIERS.includes(ctx.actor.role);

async function findPage(ctx: Context, query: Omit<AuditQuery, 'limit'>, limit: number) {
  const scope = actorScope(ctx);
  const cursor = query.cursor ? decodeCursor(query.cursor, ['timestamp', 'uuid']) : undefined;
  const rows = await findAuditRecords(ctx.db, {
    entityType: query.entityType,
    entityId: query.entityId,
    actorUsername: query.actor,
    action: query.action,
    from: query.from ? new Date(`${query.from}T00:00:00Z`) : undefined,
    to: query.to ? endOfDay(query.to) : undefined,
    regionPatterns: regionLikePatterns(scope),
    officeIds: scope.kind === 'all' ? null : scope.officeIds,
    cursor: cursor ? { at: new Date(String(cursor[0])), id: String(cursor[1]) } : undefined,
    limit: limit + 1,
  });
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  const visible = seesNames(ctx);
  const names = await actorNames(
    ctx.db,
    [...new Set(page.map((row) => row.actor_username).filter((u): u is string => Boolean(u)))],
    ctx.locale,
  );
  return {
    items: page.map((row) => ({
      id: row.id,
      at: row.at.toISOString(),
      actor: row.actor_username,
      actorName: (row.actor_username && names.get(row.actor_username)) || null,
      action: row.action,
      entityType: row.entity_type,
      entityId: row.entity_id,
      officeId: row.office_id,
      regionCode: row.region_code,
      // NIK were masked when written; names are masked here for roles that may not see them.
      before: visible ? row.before : maskNames(row.before),
      after: visible ? row.after : maskNames(row.after),
    })),
    nextCursor: rows.length > limit && last ? encodeCursor(['timestamp', 'uuid'], [last.at.toISOString(), last.id]) : null,
    archivedMonths: await archivedMonthsIn(ctx.db, 'audit_log', query.from ?? null, query.to ?? null),
  };
}

export async function listAuditTrail(ctx: Context, query: AuditQuery): Promise<z.infer<typeof auditPageSchema>> {
  assertRole(ctx, AUDIT_READERS);
  return findPage(ctx, query, query.limit);
}

const EXPORT_HEADER = {
  id: ['Waktu (UTC)', 'Pelaku', 'Tindakan', 'Kode tindakan', 'Jenis data', 'ID data', 'Wilayah', 'Perubahan'],
  en: ['Time (UTC)', 'By', 'Action', 'Action code', 'Record type', 'Record id', 'Region', 'Changes'],
};

/**
 * The audit trail under the same filters as a CSV or Excel file, newest first, page by page:
 * actions and record types in the reader's language, changes as "field: before → after"
 * lines, names masked for roles that may not see them (NIK were masked when written).
 */
export async function exportAuditTrail(ctx: Context, format: ExportFormat, query: AuditExportQuery) {
  assertRole(ctx, AUDIT_READERS);
  async function* pages(): AsyncGenerator<string[][]> {
    let cursor: string | undefined;
    do {
      const page = await findPage(ctx, { ...query, cursor }, 1_000);
      yield page.items.map((item) => [
        item.at.slice(0, 19).replace('T', ' '),
        item.actorName ?? item.actor ?? '',
        auditActionWords(item.action, ctx.locale),
        item.action,
        auditRecordTypeWords(item.entityType, ctx.locale),
        item.entityId ?? '',
        item.regionCode ?? '',
        auditChanges(item.before, item.after)
          .map((change) => `${change.field}: ${change.before ?? '—'} → ${change.after ?? '—'}`)
          .join('\n'),
      ]);
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
  }
  return exportStream(format, ctx.locale === 'en' ? 'audit' : 'jejak-audit', EXPORT_HEADER[ctx.locale], pages());
}
