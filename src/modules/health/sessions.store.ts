import { type Insertable, sql } from 'kysely';
import type { StoreDb } from '../../db/store.ts';
import type { CounsellingSessionTable, HealthTables } from './health.tables.ts';

type Queryable = StoreDb<HealthTables>;

export const findSession = (db: Queryable, id: string) =>
  db.selectFrom('counselling_session').selectAll().where('id', '=', id).executeTakeFirst();

/** The session row, locked until the transaction ends (two syncs adding attendance to one session). */
export const lockSession = (db: Queryable, id: string) =>
  db.selectFrom('counselling_session').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();

export async function insertSession(db: Queryable, row: Insertable<CounsellingSessionTable>, inviteeIds: string[]) {
  await db.insertInto('counselling_session').values(row).execute();
  // session_invitee (migration 0025) is this module's own table, written here only.
  if (inviteeIds.length > 0)
    await sql`INSERT INTO session_invitee (session_id, person_id) SELECT ${row.id}::uuid, unnest(${inviteeIds}::uuid[]) ON CONFLICT DO NOTHING`.execute(
      db,
    );
}

/** Adds attendees; one already there stays as it is. */
export async function addAttendees(db: Queryable, sessionId: string, personIds: string[]) {
  if (personIds.length === 0) return;
  await db
    .insertInto('session_attendance')
    .values(personIds.map((person_id) => ({ session_id: sessionId, person_id })))
    .onConflict((oc) => oc.doNothing())
    .execute();
}

export async function removeAttendeesExcept(db: Queryable, sessionId: string, keep: string[]) {
  let query = db.deleteFrom('session_attendance').where('session_id', '=', sessionId);
  if (keep.length > 0) query = query.where('person_id', 'not in', keep);
  await query.execute();
}

export const findAttendeeIds = async (db: Queryable, sessionId: string) =>
  (await db.selectFrom('session_attendance').select('person_id').where('session_id', '=', sessionId).execute()).map((r) => r.person_id);

export async function countInvitees(db: Queryable, sessionId: string): Promise<number> {
  const { rows } = await sql<{ n: string }>`SELECT count(*)::text AS n FROM session_invitee WHERE session_id = ${sessionId}::uuid`.execute(
    db,
  );
  return Number(rows[0]?.n ?? 0);
}

/** Attendee counts of many sessions in one query. */
export async function countAttendees(db: Queryable, sessionIds: string[]): Promise<Map<string, number>> {
  if (sessionIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('session_attendance')
    .select(['session_id', sql<string>`count(*)::text`.as('n')])
    .where('session_id', 'in', sessionIds)
    .groupBy('session_id')
    .execute();
  return new Map(rows.map((r) => [r.session_id, Number(r.n)]));
}

export function listSessionRows(
  db: Queryable,
  filter: { village?: string; groupId?: string; regionPatterns: string[] | null; after?: { heldOn: string; id: string }; limit: number },
) {
  let query = db.selectFrom('counselling_session').selectAll();
  if (filter.village) query = query.where('village_code', '=', filter.village);
  if (filter.groupId) query = query.where('group_id', '=', filter.groupId);
  const patterns = filter.regionPatterns;
  if (patterns !== null)
    query =
      patterns.length === 0
        ? query.where(sql<boolean>`false`)
        : query.where((eb) => eb.or(patterns.map((p) => eb('village_code', 'like', p))));
  const after = filter.after;
  if (after) query = query.where(sql<boolean>`(held_on, id) < (${after.heldOn}::date, ${after.id}::uuid)`);
  return query.orderBy('held_on', 'desc').orderBy('id', 'desc').limit(filter.limit).execute();
}

/** The sessions a person attended and those held for a group of theirs, newest first. */
export async function findSessionsOfPerson(db: Queryable, personId: string) {
  const { rows } = await sql<{ id: string; topic: CounsellingSessionTable['topic']; held_on: string; place: string; attended: boolean }>`
    SELECT s.id, s.topic, to_char(s.held_on, 'YYYY-MM-DD') AS held_on, s.place,
           EXISTS (SELECT 1 FROM session_attendance a WHERE a.session_id = s.id AND a.person_id = ${personId}::uuid) AS attended
      FROM counselling_session s
     WHERE s.id IN (SELECT session_id FROM session_attendance WHERE person_id = ${personId}::uuid
                    UNION SELECT session_id FROM session_invitee WHERE person_id = ${personId}::uuid)
     ORDER BY s.held_on DESC, s.id DESC`.execute(db);
  return rows;
}
