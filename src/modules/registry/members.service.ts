import type { Queryable } from '../../db/database.ts';
import { findHouseholdCards, findHouseholdsOfVillage, findLivingMembersOfHouseholds } from './members.store.ts';
import type { Relation } from './registry.tables.ts';

/** A family with what rules over its members need (the health programme's IKS): ages, sexes, relations, the KIS card. */
export type FamilyWithMembers = {
  id: string;
  villageCode: string;
  hasKis: boolean;
  members: { id: string; fullName: string; sex: 'M' | 'F'; birthDate: string; relation: Relation }[];
};

const CHUNK = 5000;

async function withMembers(db: Queryable, households: { id: string; village_code: string; has_kis: boolean }[]) {
  const byId = new Map<string, FamilyWithMembers>(
    households.map((h) => [h.id, { id: h.id, villageCode: h.village_code, hasKis: h.has_kis, members: [] }]),
  );
  const ids = [...byId.keys()];
  for (let i = 0; i < ids.length; i += CHUNK)
    for (const p of await findLivingMembersOfHouseholds(db, ids.slice(i, i + CHUNK)))
      byId
        .get(p.household_id)
        ?.members.push({ id: p.id, fullName: p.full_name, sex: p.sex, birthDate: p.birth_date, relation: p.relation });
  return [...byId.values()];
}

/**
 * Households by id with their living members, in a query per 5,000 households (unknown ids left out;
 * the caller checks scope).
 */
export async function familiesWithMembers(db: Queryable, ids: string[]): Promise<FamilyWithMembers[]> {
  const unique = [...new Set(ids)];
  const rows = [];
  for (let i = 0; i < unique.length; i += CHUNK) rows.push(...(await findHouseholdCards(db, unique.slice(i, i + CHUNK))));
  return withMembers(db, rows);
}

/** Every household of a village with its living members (the caller checks scope). */
export async function familiesOfVillage(db: Queryable, villageCode: string): Promise<FamilyWithMembers[]> {
  return withMembers(db, await findHouseholdsOfVillage(db, villageCode));
}
