import { sql } from 'kysely';
import type { StoreDb } from '../../db/store.ts';
import type { HealthTables } from './health.tables.ts';

type Queryable = StoreDb<HealthTables>;

/** Villages matching any of the patterns (null = all); an empty list matches nothing. */
const inRegions = (column: string, patterns: string[] | null) =>
  patterns === null
    ? sql<boolean>`true`
    : patterns.length === 0
      ? sql<boolean>`false`
      : sql<boolean>`(${sql.join(
          patterns.map((p) => sql`${sql.ref(column)} LIKE ${p}`),
          sql` OR `,
        )})`;

/** Each person's latest screening in the regions, when its next date falls by `dueBy`. */
export const findRecallsDueBy = (db: Queryable, patterns: string[] | null, dueBy: string) =>
  db
    .selectFrom(
      db
        .selectFrom('screening')
        .select(['person_id', 'method', 'screened_on', 'next_due_on'])
        .distinctOn('person_id')
        .where(inRegions('village_code', patterns))
        .orderBy('person_id')
        .orderBy('screened_on', 'desc')
        .orderBy('created_at', 'desc')
        .as('latest'),
    )
    .selectAll()
    .where('next_due_on', '<=', dueBy)
    .execute();

/** Which of these persons were ever screened. */
export const findScreenedAmong = async (db: Queryable, personIds: string[]) =>
  personIds.length === 0
    ? []
    : (await db.selectFrom('screening').select('person_id').distinct().where('person_id', 'in', personIds).execute()).map(
        (r) => r.person_id,
      );

/** Who is invited to screening, by method: the target rows in force on `today`. */
export const findScreeningTargets = (db: Queryable, today: string) =>
  db
    .selectFrom('screening_target')
    .select(['method', 'sex', 'min_age', 'max_age'])
    .distinctOn('method')
    .where('effective_from', '<=', today)
    .orderBy('method')
    .orderBy('effective_from', 'desc')
    .execute();

/** Everyone recorded as pregnant now (profiles carry no village: the caller keeps those in scope). */
export const findPregnancies = (db: Queryable) =>
  db.selectFrom('health_profile').select(['person_id', 'expected_delivery']).where('pregnant', '=', true).execute();

/** Chronic conditions of everyone (the caller keeps those in scope). */
export const findConditions = (db: Queryable) => db.selectFrom('health_condition').select(['person_id', 'code']).execute();

/** Illness episodes in the regions still open, or ended on or after `endedSince`, begun by `today`. */
export const findRecentIllness = (db: Queryable, patterns: string[] | null, endedSince: string, today: string) =>
  db
    .selectFrom('illness_episode')
    .select(['person_id', 'from_on', 'to_on'])
    .where(inRegions('village_code', patterns))
    .where('from_on', '<=', today)
    .where((eb) => eb.or([eb('to_on', 'is', null), eb('to_on', '>=', endedSince)]))
    .orderBy('from_on', 'desc')
    .execute();

/** The worker's own counselling sessions held since a date, newest first. */
export const findSessionsOfWorker = (db: Queryable, workerId: string, since: string, limit: number) =>
  db
    .selectFrom('counselling_session')
    .select(['id', 'topic', 'topic_note', 'held_on', 'place', 'village_code', 'group_id'])
    .where('worker_id', '=', workerId)
    .where('held_on', '>=', since)
    .orderBy('held_on', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();

export const findAttendanceOfSessions = (db: Queryable, sessionIds: string[]) =>
  sessionIds.length === 0
    ? Promise.resolve([])
    : db.selectFrom('session_attendance').select(['session_id', 'person_id']).where('session_id', 'in', sessionIds).execute();
