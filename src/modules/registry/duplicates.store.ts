import { type RawBuilder, sql } from 'kysely';
import type { StoreDb } from '../../db/store.ts';
import type { BusinessTables, RegistryTables } from './registry.tables.ts';

type Queryable = StoreDb<BusinessTables & RegistryTables>;

const inScope = (column: string, patterns: string[] | null): RawBuilder<boolean> =>
  patterns === null
    ? sql<boolean>`true`
    : patterns.length === 0
      ? sql<boolean>`false`
      : sql<boolean>`(${sql.join(
          patterns.map((p) => sql`${sql.ref(column)} LIKE ${p}`),
          sql` OR `,
        )})`;

/**
 * The next villages (by code) holding unmerged persons, from `from` (inclusive) or after `after`,
 * up to `upper`: a loose index scan (one index probe per village), so that walking the country
 * reads no person rows.
 */
export async function findNextVillages(db: Queryable, range: { from: string; after: string | null; upper: string; count: number }) {
  const start = range.after === null ? sql`village_code >= ${range.from}` : sql`village_code > ${range.after}`;
  const { rows } = await sql<{ code: string }>`
    WITH RECURSIVE v (code) AS (
      (SELECT village_code FROM person
        WHERE merged_into IS NULL AND ${start} AND village_code <= ${range.upper}
        ORDER BY village_code LIMIT 1)
      UNION ALL
      SELECT (SELECT p.village_code FROM person p
               WHERE p.merged_into IS NULL AND p.village_code > v.code AND p.village_code <= ${range.upper}
               ORDER BY p.village_code LIMIT 1)
      FROM v WHERE v.code IS NOT NULL
    )
    SELECT code FROM v WHERE code IS NOT NULL LIMIT ${range.count}`.execute(db);
  return rows.map((row) => row.code);
}

export type CandidateRow = {
  a_id: string;
  b_id: string;
  village_code: string;
  same_name: boolean;
  same_key: boolean;
  similarity: number;
  same_village: boolean;
  same_household: boolean;
};

/**
 * Candidate pairs whose first person lives in one of `villages`, not merged and not decided:
 * (1) persons of one village born on the same day with the same or a similar name key
 * (blocking on village and birth date: a village's persons are compared only within a day,
 * both sides read from the chunk's villages only);
 * (2) persons born on the same day with the same name key in another village (one probe of the
 * index on birth date and key per person of the chunk), reported once, at the lower village
 * code. Both persons in scope. Never a scan of the whole person table.
 */
export async function findCandidatePairs(
  db: Queryable,
  filter: { villages: string[]; regionPatterns: string[] | null; threshold: number },
): Promise<CandidateRow[]> {
  if (filter.villages.length === 0) return [];
  const villages = sql.join(filter.villages);
  const { rows } = await sql<CandidateRow>`
    WITH pairs AS (
      SELECT a.id AS a_id, b.id AS b_id, a.village_code, a.household_id = b.household_id AS same_household,
             true AS same_village, lower(a.full_name) = lower(b.full_name) AS same_name, a.name_key = b.name_key AS same_key,
             similarity(a.name_key, b.name_key) AS similarity
      FROM person a
      JOIN person b ON b.village_code = a.village_code AND b.birth_date = a.birth_date AND b.id <> a.id AND b.merged_into IS NULL
      WHERE a.village_code IN (${villages}) AND b.village_code IN (${villages}) AND a.merged_into IS NULL AND a.id < b.id
        AND (a.name_key = b.name_key OR lower(a.full_name) = lower(b.full_name) OR similarity(a.name_key, b.name_key) >= ${filter.threshold})
        AND ${inScope('a.village_code', filter.regionPatterns)}
      UNION ALL
      SELECT least(a.id, b.id), greatest(a.id, b.id), a.village_code, false, false,
             lower(a.full_name) = lower(b.full_name), true, 1
      FROM person a
      -- One index probe per person of the chunk (OFFSET 0 keeps the planner from hashing the whole table).
      CROSS JOIN LATERAL (
        SELECT o.id, o.full_name, o.village_code FROM person o
        WHERE o.birth_date = a.birth_date AND o.name_key = a.name_key AND o.merged_into IS NULL AND o.village_code > a.village_code
        OFFSET 0) b
      WHERE a.village_code IN (${villages}) AND a.merged_into IS NULL
        AND ${inScope('a.village_code', filter.regionPatterns)} AND ${inScope('b.village_code', filter.regionPatterns)}
    )
    SELECT p.* FROM pairs p
    WHERE NOT EXISTS (SELECT 1 FROM duplicate_decision d WHERE d.person_a = p.a_id AND d.person_b = p.b_id)
    ORDER BY p.village_code, p.a_id, p.b_id`.execute(db);
  return rows.map((row) => ({ ...row, similarity: Number(row.similarity) }));
}

/** Of the ordered pairs given (first id lower), those already decided. */
export async function findDecidedPairs(db: Queryable, pairs: [string, string][]) {
  if (pairs.length === 0) return [];
  return db
    .selectFrom('duplicate_decision')
    .select(['person_a', 'person_b'])
    .where((eb) => eb.or(pairs.map(([a, b]) => eb.and([eb('person_a', '=', a), eb('person_b', '=', b)]))))
    .execute();
}

/** Persons by id with where they live, for pairs raised by another module (scope and merges are checked here). */
export const findPersonPlaces = (db: Queryable, ids: string[]) =>
  ids.length === 0
    ? Promise.resolve([])
    : db
        .selectFrom('person')
        .select(['id', 'village_code', 'household_id', 'merged_into', 'birth_date', 'full_name'])
        .where('id', 'in', ids)
        .execute();
