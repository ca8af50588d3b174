import type { Insertable, Updateable } from 'kysely';
import { sql } from 'kysely';
import type { StoreDb } from '../../db/store.ts';
import type { GroupReportStepTable, GroupReportTable, UsepTables } from './usep.tables.ts';

type Queryable = StoreDb<UsepTables>;

export const insertReport = (db: Queryable, row: Insertable<GroupReportTable>) => db.insertInto('group_report').values(row).execute();
export const findReport = (db: Queryable, id: string) => db.selectFrom('group_report').selectAll().where('id', '=', id).executeTakeFirst();
export const lockReport = (db: Queryable, id: string) =>
  db.selectFrom('group_report').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
export const updateReport = (db: Queryable, id: string, changes: Updateable<GroupReportTable>) =>
  db.updateTable('group_report').set(changes).where('id', '=', id).execute();
export const findReportsOfGroups = (db: Queryable, groupIds: string[]) =>
  groupIds.length === 0
    ? Promise.resolve([])
    : db
        .selectFrom('group_report')
        .selectAll()
        .where('group_id', 'in', groupIds)
        .orderBy('period_end', 'desc')
        .orderBy('version', 'desc')
        .execute();
export const countReportsOfGroup = async (db: Queryable, groupId: string) =>
  Number(
    (await db.selectFrom('group_report').select(sql<string>`count(*)`.as('n')).where('group_id', '=', groupId).executeTakeFirstOrThrow()).n,
  );
export const findReportGroupIds = async (db: Queryable) =>
  (await db.selectFrom('group_report').select('group_id').distinct().execute()).map((r) => r.group_id);
export const findSteps = (db: Queryable, reportId: string) =>
  db.selectFrom('group_report_step').selectAll().where('report_id', '=', reportId).orderBy('n').execute();
export async function insertStep(db: Queryable, row: Omit<Insertable<GroupReportStepTable>, 'n'>) {
  const last = await db
    .selectFrom('group_report_step')
    .select(sql<number>`coalesce(max(n), 0)`.as('n'))
    .where('report_id', '=', row.report_id)
    .executeTakeFirstOrThrow();
  await db
    .insertInto('group_report_step')
    .values({ ...row, n: Number(last.n) + 1 })
    .execute();
}
export const findBusinessMonths = (db: Queryable, businessIds: string[]) =>
  businessIds.length === 0
    ? Promise.resolve([])
    : db.selectFrom('business_month').selectAll().where('business_id', 'in', businessIds).orderBy('month').execute();
