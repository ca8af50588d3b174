import type { StoreDb } from '../../db/store.ts';
import { writeLater } from '../../db/write-later.ts';
import type { AuditLogTable, AuditTables } from './audit.tables.ts';

type Queryable = StoreDb<AuditTables>;

/** Nothing reads the audit trail inside the transaction that writes it: the record goes with the transaction's last writes. */
export async function insertAuditRecord(db: Queryable, row: AuditLogTable): Promise<void> {
  await writeLater(db, db.insertInto('audit_log').values({ ...row, before: jsonOrNull(row.before), after: jsonOrNull(row.after) }));
}

const jsonOrNull = (value: unknown) => (value === undefined || value === null ? null : JSON.stringify(value));

export type AuditFilter = {
  entityType?: string;
  entityId?: string;
  actorUsername?: string;
  action?: string;
  from?: Date;
  to?: Date;
  regionPatterns: string[] | null;
  officeIds: string[] | null;
  cursor?: { at: Date; id: string };
  limit: number;
};

export async function findAuditRecords(db: Queryable, filter: AuditFilter): Promise<AuditLogTable[]> {
  let query = db.selectFrom('audit_log').selectAll();
  if (filter.entityType) query = query.where('entity_type', '=', filter.entityType);
  if (filter.entityId) query = query.where('entity_id', '=', filter.entityId);
  if (filter.actorUsername) query = query.where('actor_username', '=', filter.actorUsername);
  if (filter.action) query = query.where('action', '=', filter.action);
  if (filter.from) query = query.where('at', '>=', filter.from);
  if (filter.to) query = query.where('at', '<', filter.to);
  const patterns = filter.regionPatterns;
  const officeIds = filter.officeIds;
  if (patterns !== null || officeIds !== null) {
    query = query.where((eb) =>
      eb.or([
        ...(patterns ?? []).map((pattern) => eb('region_code', 'like', pattern)),
        ...(officeIds && officeIds.length > 0 ? [eb('office_id', 'in', officeIds)] : []),
        eb.and([eb('region_code', 'is', null), eb('office_id', 'is', null)]),
      ]),
    );
  }
  const cursor = filter.cursor;
  if (cursor) {
    query = query.where((eb) => eb.or([eb('at', '<', cursor.at), eb.and([eb('at', '=', cursor.at), eb('id', '<', cursor.id)])]));
  }
  return query.orderBy('at', 'desc').orderBy('id', 'desc').limit(filter.limit).execute();
}
