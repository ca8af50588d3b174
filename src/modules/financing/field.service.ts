import type { Queryable } from '../../db/database.ts';
import { personNamesOf } from '../registry/index.ts';
import { findDisbursedFinancingsOfGroups, findInstalmentsOf } from './field.store.ts';

/**
 * Running (disbursed) financings of the groups' members, with the member's name and the
 * product, by member name (as the database sorts it) then number: one query here, one for the
 * names in the registry, whatever the number of groups.
 */
export async function disbursedFinancingsOfGroups(db: Queryable, groupIds: string[]) {
  const financings = await findDisbursedFinancingsOfGroups(db, groupIds);
  const names = await personNamesOf(
    db,
    financings.map((f) => f.person_id),
  );
  const nameOf = new Map(names.map((p) => [p.id, p.full_name]));
  // Financings stay by number (as queried) among persons of the same name, as in one ORDER BY name, number.
  const rankOfName = new Map<string, number>();
  for (const [i, p] of names.entries()) if (!rankOfName.has(p.full_name)) rankOfName.set(p.full_name, i);
  return financings
    .filter((f) => nameOf.has(f.person_id))
    .map((f) => ({ ...f, full_name: nameOf.get(f.person_id) as string }))
    .sort((a, b) => (rankOfName.get(a.full_name) ?? 0) - (rankOfName.get(b.full_name) ?? 0));
}

/** Every instalment of the financings, by financing then number, in one query. */
export const instalmentsOfFinancings = (db: Queryable, financingIds: string[]) => findInstalmentsOf(db, financingIds);
