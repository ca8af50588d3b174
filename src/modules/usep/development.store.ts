import type { Insertable } from 'kysely';
import type { StoreDb } from '../../db/store.ts';
import type {
  BusinessMonthTable,
  CoachingAttendanceTable,
  CoachingSessionTable,
  MergedBusinessMemberTable,
  MergedBusinessMonthTable,
  MergedBusinessTable,
  UsepTables,
} from './usep.tables.ts';

type Queryable = StoreDb<UsepTables>;

export const upsertBusinessMonth = (db: Queryable, row: Insertable<BusinessMonthTable>) =>
  db
    .insertInto('business_month')
    .values(row)
    .onConflict((oc) =>
      oc.columns(['business_id', 'month']).doUpdateSet({
        capital_rupiah: row.capital_rupiah,
        revenue_rupiah: row.revenue_rupiah,
        costs_rupiah: row.costs_rupiah,
        recorded_by: row.recorded_by,
        updated_at: new Date(),
      }),
    )
    .execute();
export const findMonthsOfBusiness = (db: Queryable, id: string) =>
  db.selectFrom('business_month').selectAll().where('business_id', '=', id).orderBy('month').execute();

export async function insertCoaching(
  db: Queryable,
  row: Insertable<CoachingSessionTable>,
  attendance: Insertable<CoachingAttendanceTable>[],
) {
  await db.insertInto('coaching_session').values(row).execute();
  if (attendance.length > 0) await db.insertInto('coaching_attendance').values(attendance).execute();
}
export const findCoachingOfGroup = (db: Queryable, groupId: string) =>
  db.selectFrom('coaching_session').selectAll().where('group_id', '=', groupId).orderBy('held_on', 'desc').orderBy('id').execute();
export const findCoachingById = (db: Queryable, id: string) => db.selectFrom('coaching_session').selectAll().where('id', '=', id).execute();
export const findCoachingAttendance = (db: Queryable, sessionIds: string[]) =>
  sessionIds.length === 0
    ? Promise.resolve([])
    : db.selectFrom('coaching_attendance').selectAll().where('session_id', 'in', sessionIds).execute();
export const findCoachingOfPerson = (db: Queryable, personId: string) =>
  db
    .selectFrom('coaching_attendance as a')
    .innerJoin('coaching_session as s', 's.id', 'a.session_id')
    .select(['s.id', 's.held_on', 's.topic', 's.title', 'a.present', 'a.follow_up'])
    .where('a.person_id', '=', personId)
    .orderBy('s.held_on')
    .execute();

export async function insertMerged(db: Queryable, row: Insertable<MergedBusinessTable>, members: Insertable<MergedBusinessMemberTable>[]) {
  await db.insertInto('merged_business').values(row).execute();
  await db.insertInto('merged_business_member').values(members).execute();
}
export const findMerged = (db: Queryable, id: string) =>
  db.selectFrom('merged_business').selectAll().where('id', '=', id).executeTakeFirst();
export const findMergedOfGroup = (db: Queryable, groupId: string) =>
  db.selectFrom('merged_business').selectAll().where('group_id', '=', groupId).orderBy('merged_on').execute();
export const findMergedMembers = (db: Queryable, ids: string[]) =>
  ids.length === 0 ? Promise.resolve([]) : db.selectFrom('merged_business_member').selectAll().where('merged_id', 'in', ids).execute();
export const upsertMergedMonth = (db: Queryable, row: Insertable<MergedBusinessMonthTable>) =>
  db
    .insertInto('merged_business_month')
    .values(row)
    .onConflict((oc) =>
      oc.columns(['merged_id', 'month']).doUpdateSet({
        capital_rupiah: row.capital_rupiah,
        revenue_rupiah: row.revenue_rupiah,
        costs_rupiah: row.costs_rupiah,
        recorded_by: row.recorded_by,
      }),
    )
    .execute();
export const findMergedMonths = (db: Queryable, ids: string[]) =>
  ids.length === 0
    ? Promise.resolve([])
    : db.selectFrom('merged_business_month').selectAll().where('merged_id', 'in', ids).orderBy('month').execute();
