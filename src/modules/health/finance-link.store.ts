import { sql } from 'kysely';
import type { StoreDb } from '../../db/store.ts';
import type { HealthTables } from './health.tables.ts';

type Queryable = StoreDb<HealthTables>;

/**
 * The illness episodes of some members that can make them ill or recovering on a day: open,
 * or ended on or after `endedSince`. One query whatever the number of members.
 */
export const findRecentEpisodesOf = (db: Queryable, personIds: string[], endedSince: string) =>
  personIds.length === 0
    ? Promise.resolve([])
    : db
        .selectFrom('illness_episode')
        .select(['person_id', 'from_on', 'to_on'])
        .where('person_id', 'in', personIds)
        .where((eb) => eb.or([eb('to_on', 'is', null), eb('to_on', '>=', endedSince)]))
        .execute();

/**
 * Everyone with an episode open or ended on or after `endedSince` (the at-risk list starts
 * here), recorded in villages matching the LIKE patterns (null: anywhere).
 */
export const findRecentEpisodes = (db: Queryable, endedSince: string, villagePatterns: string[] | null) =>
  villagePatterns !== null && villagePatterns.length === 0
    ? Promise.resolve([])
    : db
        .selectFrom('illness_episode')
        .select(['person_id', 'from_on', 'to_on'])
        .where((eb) => eb.or([eb('to_on', 'is', null), eb('to_on', '>=', endedSince)]))
        .$if(villagePatterns !== null, (q) =>
          q.where((eb) => eb.or((villagePatterns as string[]).map((pattern) => eb('village_code', 'like', pattern)))),
        )
        .execute();

/**
 * The months (`YYYY-MM`) in which members had an encounter or attended a counselling session,
 * between two days: one row per member and month.
 */
export const findCareMonths = (db: Queryable, from: string, to: string) =>
  sql<{ person_id: string; month: string }>`
    SELECT person_id, to_char(on_day, 'YYYY-MM') AS month FROM (
      SELECT person_id, encountered_on AS on_day FROM health_encounter WHERE encountered_on BETWEEN ${from} AND ${to}
      UNION ALL
      SELECT a.person_id, s.held_on FROM session_attendance a JOIN counselling_session s ON s.id = a.session_id
      WHERE s.held_on BETWEEN ${from} AND ${to}
    ) care GROUP BY person_id, to_char(on_day, 'YYYY-MM')`
    .execute(db)
    .then((r) => r.rows);

/** Everyone with an encounter or counselling attendance between two days (inclusive). */
export const findPersonsWithCare = (db: Queryable, from: string, to: string) =>
  sql<{ person_id: string }>`
    SELECT person_id FROM health_encounter WHERE encountered_on BETWEEN ${from} AND ${to}
    UNION
    SELECT a.person_id FROM session_attendance a JOIN counselling_session s ON s.id = a.session_id WHERE s.held_on BETWEEN ${from} AND ${to}`
    .execute(db)
    .then((r) => r.rows.map((x) => x.person_id));

/** The change stamps of the care-event months between two months (`YYYY-MM`, inclusive); months never touched are absent. */
export const findCareStamps = (db: Queryable, from: string, to: string) =>
  db.selectFrom('health_care_month').select(['month', 'stamp']).where('month', '>=', from).where('month', '<=', to).execute();

/** The comparison's cached monthly aggregates. */
export const findComparisonMonths = (db: Queryable, months: string[]) =>
  months.length === 0
    ? Promise.resolve([])
    : db
        .selectFrom('repayment_comparison_month')
        .select(['month', 'end_day', 'financing_stamp', 'care_stamp', 'figures'])
        .where('month', 'in', months)
        .execute();

export const saveComparisonMonth = (
  db: Queryable,
  row: { month: string; endDay: string; financingStamp: string; careStamp: string; figures: unknown },
) =>
  db
    .insertInto('repayment_comparison_month')
    .values({
      month: row.month,
      end_day: row.endDay,
      financing_stamp: row.financingStamp,
      care_stamp: row.careStamp,
      figures: JSON.stringify(row.figures),
    })
    .onConflict((oc) =>
      oc.column('month').doUpdateSet((eb) => ({
        end_day: eb.ref('excluded.end_day'),
        financing_stamp: eb.ref('excluded.financing_stamp'),
        care_stamp: eb.ref('excluded.care_stamp'),
        figures: eb.ref('excluded.figures'),
      })),
    )
    .execute();
