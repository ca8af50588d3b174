import type { StoreDb } from '../../db/store.ts';
import type { RegistryTables } from './registry.tables.ts';

type Queryable = StoreDb<RegistryTables>;

/** Living, unmerged persons of many households with sex, birth date and relation, in one query. */
export const findLivingMembersOfHouseholds = (db: Queryable, householdIds: string[]) =>
  householdIds.length === 0
    ? Promise.resolve([])
    : db
        .selectFrom('person')
        .select(['id', 'household_id', 'full_name', 'sex', 'birth_date', 'relation'])
        .where('household_id', 'in', householdIds)
        .where('died_on', 'is', null)
        .where('merged_into', 'is', null)
        .orderBy('household_id')
        .orderBy('birth_date')
        .orderBy('id')
        .execute();

/** Households of one village (id, KIS card), in id order. */
export const findHouseholdsOfVillage = (db: Queryable, villageCode: string) =>
  db.selectFrom('household').select(['id', 'village_code', 'has_kis']).where('village_code', '=', villageCode).orderBy('id').execute();

export const findHouseholdCards = (db: Queryable, ids: string[]) =>
  ids.length === 0
    ? Promise.resolve([])
    : db.selectFrom('household').select(['id', 'village_code', 'has_kis']).where('id', 'in', ids).execute();
