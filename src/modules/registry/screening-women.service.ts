import type { Queryable } from '../../db/database.ts';
import { countWomenBornBetween, findWomenBornBetween, type WomenFilter } from './screening-women.store.ts';

/**
 * Living women born in a range in the given villages or regions, a page at a time by id: the
 * health programme lists women in the screening target ages who were never screened. The caller
 * passes its actor's region patterns (scope is checked here by the filter, not after).
 */
export async function womenBornBetween(db: Queryable, filter: WomenFilter) {
  const rows = await findWomenBornBetween(db, filter);
  return rows.map((row) => ({ id: row.id, fullName: row.full_name, villageCode: row.village_code, birthDate: row.birth_date }));
}

/** How many living women born in a range live in these villages (the denominator of screening coverage). */
export const countWomenInVillagesBornBetween = (
  db: Queryable,
  filter: { bornAfter: string; bornOnOrBefore: string; villageCodes: string[] },
) => countWomenBornBetween(db, filter);
