import { sql } from 'kysely';
import type { StoreDb } from '../../db/store.ts';
import type { PartitionedTable } from './partitions.rules.ts';
import type { PartitionTables } from './partitions.tables.ts';

type Queryable = StoreDb<PartitionTables>;

/** Makes the missing monthly partitions of a table for the months of first..last (migration 0032). */
export async function ensureMonths(db: Queryable, table: PartitionedTable, first: string, last: string): Promise<number> {
  const result = await sql<{ made: number }>`SELECT partition_ensure_months(${table}, ${first}::date, ${last}::date) AS made`.execute(db);
  return Number(result.rows[0]?.made ?? 0);
}

export const findParent = (db: Queryable, table: PartitionedTable) =>
  db.selectFrom('partition_parent').selectAll().where('table_name', '=', table).executeTakeFirst();

/** The archived months ('YYYY-MM-01') of a table from one first-of-month to another, both included. */
export async function archivedMonthRows(db: Queryable, table: PartitionedTable, first: string | null, last: string | null) {
  let query = db.selectFrom('archived_month').selectAll().where('table_name', '=', table);
  if (first) query = query.where('month', '>=', first);
  if (last) query = query.where('month', '<=', last);
  return query.orderBy('month').execute();
}

export const findArchivedMonth = (db: Queryable, table: PartitionedTable, month: string) =>
  db.selectFrom('archived_month').selectAll().where('table_name', '=', table).where('month', '=', month).executeTakeFirst();

export const insertArchivedMonth = (
  db: Queryable,
  row: { table_name: string; month: string; row_count: string; sha256: string; file_name: string; archived_by: string },
) => db.insertInto('archived_month').values(row).execute();

export const deleteArchivedMonth = (db: Queryable, table: PartitionedTable, month: string) =>
  db.deleteFrom('archived_month').where('table_name', '=', table).where('month', '=', month).execute();

/** Every partition of the partitioned tables, with its bounds and its rows (counted). */
export async function partitionRows(db: Queryable) {
  const result = await sql<{ parent: string; name: string; bound: string }>`
    SELECT p.relname AS parent, c.relname AS name, pg_get_expr(c.relpartbound, c.oid) AS bound
    FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid JOIN pg_class p ON p.oid = i.inhparent
    JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE n.nspname = current_schema() AND p.relname IN (SELECT table_name FROM partition_parent)
    ORDER BY p.relname, c.relname`.execute(db);
  const rows: { parent: string; name: string; bound: string; rows: number }[] = [];
  for (const row of result.rows) {
    const count = await sql<{ n: string }>`SELECT count(*) AS n FROM ${sql.table(row.name)}`.execute(db);
    rows.push({ ...row, rows: Number(count.rows[0]?.n ?? 0) });
  }
  return rows;
}

/** Whether a table is a partition now attached to its parent. */
export async function isAttachedPartition(db: Queryable, name: string): Promise<boolean> {
  const result = await sql<{ attached: boolean }>`
    SELECT coalesce((SELECT relispartition FROM pg_class WHERE oid = to_regclass(${name})), false) AS attached`.execute(db);
  return result.rows[0]?.attached ?? false;
}

/** How many rows of a partition have `column` = `value` (rows that may still change). */
export async function countRowsWhere(db: Queryable, partition: string, column: string, value: string): Promise<number> {
  const result = await sql<{ n: string }>`SELECT count(*) AS n FROM ${sql.table(partition)} WHERE ${sql.ref(column)} = ${value}`.execute(
    db,
  );
  return Number(result.rows[0]?.n ?? 0);
}

/** Inserts into the partition wait until the transaction ends; reads go on. */
export const lockAgainstInserts = (db: Queryable, partition: string) => sql`LOCK TABLE ${sql.table(partition)} IN SHARE MODE`.execute(db);

/** A cursor over a partition's rows as JSON text (inside a transaction), fetched in batches. */
export const openRowCursor = (db: Queryable, partition: string) =>
  sql`DECLARE archive_rows NO SCROLL CURSOR FOR SELECT row_to_json(t)::text AS r FROM ${sql.table(partition)} t`.execute(db);
export async function fetchRows(db: Queryable, batch: number): Promise<string[]> {
  const result = await sql<{ r: string }>`FETCH ${sql.raw(String(batch))} FROM archive_rows`.execute(db);
  return result.rows.map((row) => row.r);
}
export const closeRowCursor = (db: Queryable) => sql`CLOSE archive_rows`.execute(db);

export const detachMonth = (db: Queryable, table: PartitionedTable, month: string) =>
  sql`SELECT partition_archive_month(${table}, ${month}::date)`.execute(db);

/** A table shaped like the parent (columns, defaults, checks) to load a month's rows into. */
export const createStagedTable = (db: Queryable, table: PartitionedTable, staged: string) =>
  sql`CREATE TABLE ${sql.table(staged)} (LIKE ${sql.table(table)} INCLUDING DEFAULTS INCLUDING CONSTRAINTS)`.execute(db);

export const insertStagedRows = (db: Queryable, staged: string, rows: string[]) =>
  sql`INSERT INTO ${sql.table(staged)} SELECT * FROM json_populate_recordset(NULL::${sql.table(staged)}, ${`[${rows.join(',')}]`}::json)`.execute(
    db,
  );

export const attachMonth = (db: Queryable, table: PartitionedTable, month: string, staged: string) =>
  sql`SELECT partition_restore_month(${table}, ${month}::date, ${staged})`.execute(db);
