import { sql } from 'kysely';
import type { StoreDb } from '../../db/store.ts';
import type { ImportIssue, ImportRow } from './import.rules.ts';
import type { BusinessTables, RegistryTables } from './registry.tables.ts';

type Queryable = StoreDb<BusinessTables & RegistryTables>;

/**
 * A staged problem. The `problem` column holds a JSON array of them: codes and params,
 * no language, so the same staged file can be reported in Indonesian or English.
 */
export type StagedProblem = Omit<ImportIssue, 'line'>;

export type StagedRow = {
  line: number;
  raw: string;
  kk: string;
  nik: string;
  relation: string | null;
  row: ImportRow | null;
  problems: StagedProblem[] | null;
};

const problemsJson = (r: StagedRow) => (r.problems ? JSON.stringify(r.problems) : null);

/** Bulk insert into staging with unnest: one statement per chunk on both drivers. */
export async function stageRows(db: Queryable, importId: string, rows: StagedRow[]) {
  const col = <T>(pick: (r: StagedRow) => T) => rows.map(pick);
  await sql`
    INSERT INTO registry_import_row (import_id, line, raw, kk, nik, full_name, sex, birth_place, birth_date, relation,
                                     address, rt, rw, village_code, decile, problem, status)
    SELECT ${importId}::uuid, * , CASE WHEN p IS NULL THEN 'new' ELSE 'rejected' END
    FROM unnest(${col((r) => r.line)}::int[], ${col((r) => r.raw)}::text[], ${col((r) => r.kk)}::text[], ${col((r) => r.nik)}::text[],
                ${col((r) => r.row?.fullName ?? null)}::text[], ${col((r) => r.row?.sex ?? null)}::text[],
                ${col((r) => r.row?.birthPlace ?? null)}::text[], ${col((r) => r.row?.birthDate ?? null)}::date[],
                ${col((r) => r.relation)}::text[], ${col((r) => r.row?.address ?? null)}::text[],
                ${col((r) => r.row?.rt ?? null)}::text[], ${col((r) => r.row?.rw ?? null)}::text[],
                ${col((r) => r.row?.villageCode ?? null)}::text[], ${col((r) => r.row?.decile ?? null)}::smallint[],
                ${col(problemsJson)}::text[]) AS t(line, raw, kk, nik, full_name, sex, birth_place, birth_date, relation,
                                                       address, rt, rw, village_code, decile, p)`.execute(db);
}

const reject = (
  db: Queryable,
  importId: string,
  problem: { column: string; code: string; params?: ReturnType<typeof sql> },
  where: ReturnType<typeof sql>,
) =>
  sql`UPDATE registry_import_row r SET status = 'rejected',
        problem = (coalesce(r.problem::jsonb, '[]'::jsonb) || jsonb_build_array(jsonb_build_object(
          'column', ${problem.column}::text, 'code', ${problem.code}::text, 'params', ${problem.params ?? sql`'{}'::jsonb`})))::text
      WHERE r.import_id = ${importId} AND ${where}`.execute(db);

/** The checks that need the whole file or the database, as set-based statements. */
export async function checkStagedRows(db: Queryable, importId: string) {
  // Fresh statistics: autovacuum has not yet seen the rows just staged, and the plans
  // below (and the chunked writes after) depend on knowing there are many.
  await sql`ANALYZE registry_import_row`.execute(db);
  // A NIK twice in the file: both rows.
  await reject(
    db,
    importId,
    { column: 'nik', code: 'import.nik_duplicate_in_file' },
    sql`r.nik IN (SELECT nik FROM registry_import_row WHERE import_id = ${importId} GROUP BY nik HAVING count(*) > 1)`,
  );
  // Already registered: the same person on the same KK is unchanged; anything else is a duplicate.
  await sql`UPDATE registry_import_row r SET status = 'unchanged'
            FROM person p JOIN household h ON h.id = p.household_id
            WHERE r.import_id = ${importId} AND r.status = 'new' AND p.nik = r.nik AND h.kk_number = r.kk
              AND p.full_name = r.full_name AND p.sex = r.sex AND p.birth_date = r.birth_date AND p.relation = r.relation`.execute(db);
  await reject(
    db,
    importId,
    { column: 'nik', code: 'import.nik_registered_differently' },
    sql`r.status = 'new' AND EXISTS (SELECT 1 FROM person p WHERE p.nik = r.nik)`,
  );
  // Exactly one living head per KK, counting a head already registered on that KK.
  await reject(
    db,
    importId,
    { column: 'hubungan_keluarga', code: 'import.one_head_required' },
    sql`r.kk IN (
      SELECT s.kk FROM registry_import_row s WHERE s.import_id = ${importId}
      GROUP BY s.kk
      HAVING count(*) FILTER (WHERE s.relation = 'head' AND s.status <> 'unchanged')
           + (SELECT count(*) FROM person p JOIN household h ON h.id = p.household_id
              WHERE h.kk_number = s.kk AND p.relation = 'head' AND p.died_on IS NULL) <> 1)`,
  );
  await reject(
    db,
    importId,
    { column: 'kode_desa', code: 'import.kk_village_mismatch' },
    sql`r.kk IN (SELECT kk FROM registry_import_row WHERE import_id = ${importId} AND village_code IS NOT NULL GROUP BY kk HAVING count(DISTINCT village_code) > 1)`,
  );
  await reject(
    db,
    importId,
    { column: 'kode_desa', code: 'import.kk_registered_other_village' },
    sql`r.status = 'new' AND EXISTS (SELECT 1 FROM household h WHERE h.kk_number = r.kk AND h.village_code <> r.village_code)`,
  );
  // A household is imported whole or not at all.
  await reject(
    db,
    importId,
    { column: 'no_kk', code: 'import.household_has_invalid_row', params: sql`jsonb_build_object('kk', r.kk)` },
    sql`r.status <> 'rejected' AND r.kk IN (SELECT kk FROM registry_import_row WHERE import_id = ${importId} AND status = 'rejected')`,
  );
}

export async function stagedSummary(db: Queryable, importId: string) {
  const row = await sql<{ rejected: number; unchanged: number; new_persons: number; new_households: number }>`
    SELECT count(*) FILTER (WHERE status = 'rejected')::int AS rejected,
           count(*) FILTER (WHERE status = 'unchanged')::int AS unchanged,
           count(*) FILTER (WHERE status = 'new')::int AS new_persons,
           count(DISTINCT kk) FILTER (WHERE status = 'new' AND NOT EXISTS (SELECT 1 FROM household h WHERE h.kk_number = registry_import_row.kk))::int AS new_households
    FROM registry_import_row WHERE import_id = ${importId}`.execute(db);
  return row.rows[0] ?? { rejected: 0, unchanged: 0, new_persons: 0, new_households: 0 };
}

export async function stagedProblems(db: Queryable, importId: string, afterLine: number, limit: number) {
  const rows = await sql<{ line: number; raw: string; problem: string }>`
    SELECT line, raw, problem FROM registry_import_row
    WHERE import_id = ${importId} AND status = 'rejected' AND line > ${afterLine} ORDER BY line LIMIT ${limit}`.execute(db);
  return rows.rows.map((row) => ({ line: row.line, raw: row.raw, problems: JSON.parse(row.problem) as StagedProblem[] }));
}

/** The next KKs (in order) that have rows to write. */
export async function nextKkBatch(db: Queryable, importId: string, afterKk: string, limit: number): Promise<string[]> {
  const rows = await sql<{ kk: string }>`
    SELECT DISTINCT kk FROM registry_import_row WHERE import_id = ${importId} AND status = 'new' AND kk > ${afterKk}
    ORDER BY kk LIMIT ${limit}`.execute(db);
  return rows.rows.map((r) => r.kk);
}

/**
 * Writes the households and persons of a KK range [fromKk, toKk]; returns the counts.
 * The household side is bounded by the range too, so each chunk reads only its own KKs
 * through the index instead of joining the whole (growing) household table.
 */
export async function writeKkRange(db: Queryable, importId: string, fromKk: string, toKk: string) {
  const households = await sql`
    INSERT INTO household (id, kk_number, village_code, address, rt, rw, welfare_decile)
    SELECT jaring_uuidv7(), r.kk, r.village_code, coalesce(r.address, ''), r.rt, r.rw, r.decile
    FROM registry_import_row r
    WHERE r.import_id = ${importId} AND r.status = 'new' AND r.relation = 'head' AND r.kk BETWEEN ${fromKk} AND ${toKk}
      AND NOT EXISTS (SELECT 1 FROM household h WHERE h.kk_number = r.kk AND h.kk_number BETWEEN ${fromKk} AND ${toKk})`.execute(db);
  const persons = await sql`
    INSERT INTO person (id, nik, full_name, sex, birth_place, birth_date, household_id, relation, village_code)
    SELECT jaring_uuidv7(), r.nik, r.full_name, r.sex, coalesce(r.birth_place, ''), r.birth_date, h.id, r.relation, h.village_code
    FROM registry_import_row r JOIN household h ON h.kk_number = r.kk AND h.kk_number BETWEEN ${fromKk} AND ${toKk}
    WHERE r.import_id = ${importId} AND r.status = 'new' AND r.kk BETWEEN ${fromKk} AND ${toKk}`.execute(db);
  return { households: Number(households.numAffectedRows ?? 0), persons: Number(persons.numAffectedRows ?? 0) };
}

export async function dropStagedRows(db: Queryable, importId: string) {
  await sql`DELETE FROM registry_import_row WHERE import_id = ${importId}`.execute(db);
}
