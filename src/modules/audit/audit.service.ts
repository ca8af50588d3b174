import type { z } from 'zod';
import { actorName, actorScope, assertRole, type Context } from '../../context.ts';
import { decodeCursor, encodeCursor } from '../../core/cursor.ts';
import { endOfDay } from '../../core/dates.ts';
import { uuidv7 } from '../../core/ids.ts';
import { maskPersonalData } from '../../core/mask.ts';
import { regionLikePatterns } from '../../core/scope.ts';
import type { Tx } from '../../db/database.ts';
import { AUDIT_READERS } from './audit.roles.ts';
import type { AuditQuery, auditPageSchema } from './audit.schema.ts';
import { findAuditRecords, insertAuditRecord } from './audit.store.ts';

export type AuditEntry = {
  action: string;
  entityType: string;
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

export async function listAuditTrail(ctx: Context, query: AuditQuery): Promise<z.infer<typeof auditPageSchema>> {
  assertRole(ctx, AUDIT_READERS);
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
    limit: query.limit + 1,
  });
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    items: page.map((row) => ({
      id: row.id,
      at: row.at.toISOString(),
      actor: row.actor_username,
      action: row.action,
      entityType: row.entity_type,
      entityId: row.entity_id,
      officeId: row.office_id,
      regionCode: row.region_code,
      before: row.before,
      after: row.after,
    })),
    nextCursor: rows.length > query.limit && last ? encodeCursor(['timestamp', 'uuid'], [last.at.toISOString(), last.id]) : null,
  };
}
