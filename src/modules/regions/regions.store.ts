import { sql } from 'kysely';
import type { StoreDb } from '../../db/store.ts';
import type { RegionTables } from './regions.tables.ts';

type Queryable = StoreDb<RegionTables>;

export const findRegion = (db: Queryable, code: string) => db.selectFrom('region').selectAll().where('code', '=', code).executeTakeFirst();

export const findRegionsByCodes = (db: Queryable, codes: string[]) =>
  codes.length === 0 ? Promise.resolve([]) : db.selectFrom('region').selectAll().where('code', 'in', codes).execute();

export function findChildRegions(db: Queryable, parent: string | null, after: string | null, limit: number) {
  let query = db.selectFrom('region').selectAll();
  query = parent === null ? query.where('parent_code', 'is', null) : query.where('parent_code', '=', parent);
  if (after !== null) query = query.where('code', '>', after);
  return query.orderBy('code').limit(limit).execute();
}

/** Name search: prefix matches first, then the rest; ties by level (province first) and code. */
export function searchRegions(db: Queryable, q: string, level: number | undefined, offset: number, limit: number) {
  const needle = q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`);
  let query = db
    .selectFrom('region')
    .selectAll()
    .where(sql<boolean>`lower(name) like ${`%${needle}%`}`);
  if (level !== undefined) query = query.where('level', '=', level);
  return query
    .orderBy(sql`case when lower(name) like ${`${needle}%`} then 0 else 1 end`)
    .orderBy('level')
    .orderBy('code')
    .offset(offset)
    .limit(limit)
    .execute();
}

export async function countChildren(db: Queryable, code: string): Promise<number> {
  const row = await db
    .selectFrom('region')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('parent_code', '=', code)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export const findDataset = (db: Queryable, name: string) =>
  db.selectFrom('reference_dataset').selectAll().where('name', '=', name).executeTakeFirst();

export async function upsertRegionsChunk(db: Queryable, rows: { code: string; parent: string | null; level: number; name: string }[]) {
  await sql`
    INSERT INTO region (code, parent_code, level, name)
    SELECT * FROM unnest(${rows.map((r) => r.code)}::text[], ${rows.map((r) => r.parent)}::text[],
                         ${rows.map((r) => r.level)}::smallint[], ${rows.map((r) => r.name)}::text[])
    ON CONFLICT (code) DO UPDATE SET parent_code = excluded.parent_code, level = excluded.level, name = excluded.name
    WHERE (region.parent_code, region.level, region.name) IS DISTINCT FROM (excluded.parent_code, excluded.level, excluded.name)`.execute(
    db,
  );
}

export async function saveDataset(db: Queryable, name: string, version: string, rowCount: number) {
  await db
    .insertInto('reference_dataset')
    .values({ name, version, row_count: rowCount, loaded_at: new Date() })
    .onConflict((oc) => oc.column('name').doUpdateSet({ version, row_count: rowCount, loaded_at: new Date() }))
    .execute();
}

export async function countRegions(db: Queryable): Promise<Record<number, number>> {
  const rows = await db
    .selectFrom('region')
    .select(['level', (eb) => eb.fn.countAll<string>().as('n')])
    .groupBy('level')
    .execute();
  return Object.fromEntries(rows.map((row) => [row.level, Number(row.n)]));
}

export async function allRegionCodes(db: Queryable): Promise<Set<string>> {
  const rows = await db.selectFrom('region').select('code').execute();
  return new Set(rows.map((row) => row.code));
}
