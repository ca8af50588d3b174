import { sql } from 'kysely';
import type { StoreDb } from '../../db/store.ts';
import type { RegistryTables } from './registry.tables.ts';

type Queryable = StoreDb<RegistryTables>;

export type WomenFilter = {
  /** Born after this day (exclusive) … */
  bornAfter: string;
  /** … and on or before this day. */
  bornOnOrBefore: string;
  village?: string;
  /** LIKE patterns of the caller's regions; null = everywhere. */
  regionPatterns: string[] | null;
  afterId?: string;
  limit: number;
};

/** Living, unmerged women born in a range, in the villages asked, by id (a page after `afterId`). */
export function findWomenBornBetween(db: Queryable, filter: WomenFilter) {
  let query = db
    .selectFrom('person')
    .select(['id', 'full_name', 'village_code', 'birth_date'])
    .where('sex', '=', 'F')
    .where('merged_into', 'is', null)
    .where('died_on', 'is', null)
    .where('birth_date', '>', filter.bornAfter)
    .where('birth_date', '<=', filter.bornOnOrBefore);
  if (filter.village) query = query.where('village_code', '=', filter.village);
  const patterns = filter.regionPatterns;
  if (patterns !== null)
    query =
      patterns.length === 0
        ? query.where(sql<boolean>`false`)
        : query.where((eb) => eb.or(patterns.map((p) => eb('village_code', 'like', p))));
  if (filter.afterId) query = query.where('id', '>', filter.afterId);
  return query.orderBy('id').limit(filter.limit).execute();
}

/** Living, unmerged women born in a range in exactly these villages, counted. */
export async function countWomenBornBetween(
  db: Queryable,
  filter: { bornAfter: string; bornOnOrBefore: string; villageCodes: string[] },
): Promise<number> {
  if (filter.villageCodes.length === 0) return 0;
  const row = await db
    .selectFrom('person')
    .select(sql<string>`count(*)::text`.as('n'))
    .where('sex', '=', 'F')
    .where('merged_into', 'is', null)
    .where('died_on', 'is', null)
    .where('birth_date', '>', filter.bornAfter)
    .where('birth_date', '<=', filter.bornOnOrBefore)
    .where('village_code', 'in', filter.villageCodes)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}
