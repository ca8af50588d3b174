import { type Insertable, sql, type Updateable } from 'kysely';
import type { StoreDb } from '../../db/store.ts';
import type {
  BusinessTable,
  BusinessTables,
  DuplicateDecisionTable,
  HouseholdTable,
  PersonRow,
  PersonTable,
  RegistryTables,
} from './registry.tables.ts';

type Queryable = StoreDb<BusinessTables & RegistryTables>;

export const findHouseholdById = (db: Queryable, id: string) =>
  db.selectFrom('household').selectAll().where('id', '=', id).executeTakeFirst();
export const findHouseholdByKk = (db: Queryable, kk: string) =>
  db.selectFrom('household').selectAll().where('kk_number', '=', kk).executeTakeFirst();
export const findHouseholdsByIds = (db: Queryable, ids: string[]) =>
  ids.length === 0 ? Promise.resolve([]) : db.selectFrom('household').selectAll().where('id', 'in', ids).execute();

export const findPersonById = (db: Queryable, id: string) => db.selectFrom('person').selectAll().where('id', '=', id).executeTakeFirst();
/** Names of the persons asked for, ordered by name (then id): other modules list their rows in this order. */
export const findPersonNamesByIds = (db: Queryable, ids: string[]) =>
  ids.length === 0
    ? Promise.resolve([])
    : db
        .selectFrom('person')
        .select(['id', 'full_name', 'nik', 'village_code', 'household_id'])
        .where('id', 'in', ids)
        .orderBy('full_name')
        .orderBy('id')
        .execute();
/** Households with their persons (none: one row with null person columns), in one query. */
export const findHouseholdsWithPersons = (db: Queryable, ids: string[]) =>
  ids.length === 0
    ? Promise.resolve([])
    : db
        .selectFrom('household as h')
        .leftJoin('person as p', 'p.household_id', 'h.id')
        .select([
          'h.id',
          'h.kk_number',
          'h.village_code',
          'h.address',
          'h.rt',
          'h.rw',
          'h.phone',
          'p.id as person_id',
          'p.full_name',
          'p.relation',
          'p.died_on',
          'p.sex',
          'p.birth_date',
          'p.merged_into',
          'p.school_level',
          'p.school_year',
        ])
        .where('h.id', 'in', ids)
        .execute();
export const findPersonsByNiks = (db: Queryable, niks: string[]) =>
  niks.length === 0 ? Promise.resolve([]) : db.selectFrom('person').selectAll().where('nik', 'in', niks).execute();
export const findMembers = (db: Queryable, householdId: string) =>
  db
    .selectFrom('person')
    .selectAll()
    .where('household_id', '=', householdId)
    .orderBy(sql`case relation when 'head' then 0 when 'husband' then 1 when 'wife' then 1 else 2 end`)
    .orderBy('birth_date')
    .execute();

/** A household's persons not merged into another record, head and spouses first, then by age. */
export const findUnmergedMembers = (db: Queryable, householdId: string) =>
  db
    .selectFrom('person')
    .select(['id', 'full_name', 'relation', 'died_on'])
    .where('household_id', '=', householdId)
    .where('merged_into', 'is', null)
    .orderBy(sql`case relation when 'head' then 0 when 'husband' then 1 when 'wife' then 1 else 2 end`)
    .orderBy('birth_date')
    .execute();
/** Holds the household row until the transaction ends. */
export async function lockHouseholdRow(db: Queryable, id: string) {
  await db.selectFrom('household').select('id').where('id', '=', id).forUpdate().execute();
}

export async function insertHousehold(db: Queryable, row: Insertable<HouseholdTable>) {
  await db.insertInto('household').values(row).execute();
}
export async function insertPersons(db: Queryable, rows: Insertable<PersonTable>[]) {
  if (rows.length > 0) await db.insertInto('person').values(rows).execute();
}

export type PersonSearch = {
  nikOrKk?: string;
  name?: string;
  villageCode?: string;
  regionPatterns: string[] | null;
  offset: number;
  limit: number;
};

/** By NIK or KK number exactly, or by name tolerating typos (trigram similarity). */
export function searchPersonRows(db: Queryable, search: PersonSearch) {
  let query = db.selectFrom('person').selectAll('person').where('person.merged_into', 'is', null);
  const { nikOrKk, name, villageCode, regionPatterns } = search;
  // A NIK or a KK number (both 16 digits): two index lookups, never an OR across tables.
  if (nikOrKk)
    query = query.where((eb) =>
      eb.or([
        eb('person.nik', '=', nikOrKk),
        eb('person.household_id', '=', eb.selectFrom('household').select('id').where('kk_number', '=', nikOrKk).limit(1)),
      ]),
    );
  if (villageCode) query = query.where('person.village_code', '=', villageCode);
  if (regionPatterns !== null)
    query =
      regionPatterns.length === 0
        ? query.where(sql<boolean>`false`)
        : query.where((eb) => eb.or(regionPatterns.map((p) => eb('person.village_code', 'like', p))));
  if (name) {
    // Nearest names first by word similarity (typos and fragments), straight from the GiST index.
    const needle = name.toLowerCase();
    query = query.where(sql<boolean>`${needle} <% lower(person.full_name)`).orderBy(sql`${needle} <<-> lower(person.full_name)`);
    // No tie-breakers here: a fragment like "siti r" ties with tens of thousands of names,
    // and sorting the ties would read them all. The index order settles ties.
    return query.offset(search.offset).limit(search.limit).execute();
  }
  return query.orderBy('person.full_name').orderBy('person.id').offset(search.offset).limit(search.limit).execute();
}

/**
 * Name search inside its own transaction. The planner misjudges how many names a
 * trigram filter matches and picks a bitmap scan that rechecks every match (50–80 ms for
 * a common fragment over a million persons); the GiST index walked nearest-first stops
 * after one page (about 2 ms), and also prunes a name that matches nobody.
 */
export async function searchPersonRowsByName(tx: Queryable, search: PersonSearch) {
  await sql`SET LOCAL enable_bitmapscan = off`.execute(tx);
  return searchPersonRows(tx, search);
}

export const findHouseholdsByKks = (db: Queryable, kks: string[]) =>
  kks.length === 0 ? Promise.resolve([]) : db.selectFrom('household').selectAll().where('kk_number', 'in', kks).execute();

export async function insertHouseholds(db: Queryable, rows: Insertable<HouseholdTable>[]) {
  for (let i = 0; i < rows.length; i += 1000)
    await db
      .insertInto('household')
      .values(rows.slice(i, i + 1000))
      .execute();
}

export async function insertPersonsInChunks(db: Queryable, rows: Insertable<PersonTable>[]) {
  for (let i = 0; i < rows.length; i += 2000)
    await db
      .insertInto('person')
      .values(rows.slice(i, i + 2000))
      .execute();
}

export async function lockHousehold(db: Queryable, id: string) {
  return db.selectFrom('household').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}
export async function updatePerson(
  db: Queryable,
  id: string,
  changes: Partial<Pick<PersonTable, 'relation' | 'household_id' | 'village_code' | 'died_on'>> & { updated_at: Date },
) {
  await db.updateTable('person').set(changes).where('id', '=', id).execute();
}
/** What school a person attends now (null: not recorded). */
export async function updatePersonSchool(
  db: Queryable,
  id: string,
  school: Pick<PersonRow, 'school_level' | 'school_year'> & { updated_at: Date },
) {
  await db.updateTable('person').set(school).where('id', '=', id).execute();
}
export async function touchHousehold(db: Queryable, id: string, now: Date) {
  await db.updateTable('household').set({ updated_at: now }).where('id', '=', id).execute();
}

export async function insertBusiness(db: Queryable, row: Insertable<BusinessTable>) {
  await db.insertInto('business').values(row).execute();
}
/** A business with the household of the person it is registered to. */
export const findBusinessWithHousehold = (db: Queryable, id: string) =>
  db
    .selectFrom('business as b')
    .innerJoin('person as p', 'p.id', 'b.person_id')
    .select(['b.id', 'b.active', 'p.household_id'])
    .where('b.id', '=', id)
    .executeTakeFirst();
export const findBusinessesOfPerson = (db: Queryable, personId: string) =>
  db.selectFrom('business').selectAll().where('person_id', '=', personId).orderBy('created_at').execute();

export const findBusinessesOfPersons = (db: Queryable, personIds: string[]) =>
  personIds.length === 0
    ? Promise.resolve([])
    : db.selectFrom('business').selectAll().where('person_id', 'in', personIds).orderBy('created_at').orderBy('id').execute();

/** One page of persons with their household, for exports (keyset on person id). */
export function findPersonsForExport(
  db: Queryable,
  filter: { regionPatterns: string[] | null; villageCode?: string; afterId: string | null; limit: number },
) {
  let query = db
    .selectFrom('person as p')
    .innerJoin('household as h', 'h.id', 'p.household_id')
    .select([
      'p.id',
      'p.nik',
      'p.full_name',
      'p.sex',
      'p.birth_place',
      'p.birth_date',
      'p.relation',
      'p.died_on',
      'h.kk_number',
      'h.address',
      'h.rt',
      'h.rw',
      'h.village_code',
      'h.welfare_decile',
    ]);
  const patterns = filter.regionPatterns;
  if (patterns !== null)
    query =
      patterns.length === 0
        ? query.where(sql<boolean>`false`)
        : query.where((eb) => eb.or(patterns.map((p) => eb('p.village_code', 'like', p))));
  if (filter.villageCode) query = query.where('p.village_code', '=', filter.villageCode);
  if (filter.afterId) query = query.where('p.id', '>', filter.afterId);
  return query.orderBy('p.id').limit(filter.limit).execute();
}

export async function insertDuplicateDecision(db: Queryable, row: Insertable<DuplicateDecisionTable>) {
  await db.insertInto('duplicate_decision').values(row).execute();
}
export const findDuplicateDecision = (db: Queryable, a: string, b: string) =>
  db.selectFrom('duplicate_decision').selectAll().where('person_a', '=', a).where('person_b', '=', b).executeTakeFirst();
export async function markMerged(db: Queryable, personId: string, keptId: string, now: Date) {
  await db.updateTable('person').set({ merged_into: keptId, updated_at: now }).where('id', '=', personId).execute();
}
export async function moveBusinesses(db: Queryable, fromPersonId: string, toPersonId: string, now: Date) {
  await db.updateTable('business').set({ person_id: toPersonId, updated_at: now }).where('person_id', '=', fromPersonId).execute();
}

/** Living heads of household in a village, oldest KK first (demo data, samples). */
export const findHeadsInVillage = (db: Queryable, villageCode: string, offset: number, limit: number) =>
  db
    .selectFrom('person')
    .innerJoin('household', 'household.id', 'person.household_id')
    .select(['person.id', 'person.full_name', 'person.household_id'])
    .where('person.village_code', '=', villageCode)
    .where('person.relation', '=', 'head')
    .where('person.died_on', 'is', null)
    .orderBy('household.kk_number')
    .offset(offset)
    .limit(limit)
    .execute();

export function findHouseholdsForExport(
  db: Queryable,
  filter: { regionPatterns: string[] | null; villageCode?: string; afterKk: string | null; limit: number },
) {
  let query = db
    .selectFrom('household as h')
    .selectAll('h')
    .select((eb) => [
      eb
        .selectFrom('person as p')
        .select('p.full_name')
        .whereRef('p.household_id', '=', 'h.id')
        .where('p.relation', '=', 'head')
        .where('p.died_on', 'is', null)
        .limit(1)
        .as('head_name'),
      eb
        .selectFrom('person as p')
        .select((e) => e.fn.countAll<string>().as('n'))
        .whereRef('p.household_id', '=', 'h.id')
        .where('p.died_on', 'is', null)
        .where('p.merged_into', 'is', null)
        .as('members'),
    ]);
  const patterns = filter.regionPatterns;
  if (patterns !== null)
    query =
      patterns.length === 0
        ? query.where(sql<boolean>`false`)
        : query.where((eb) => eb.or(patterns.map((p) => eb('h.village_code', 'like', p))));
  if (filter.villageCode) query = query.where('h.village_code', '=', filter.villageCode);
  if (filter.afterKk) query = query.where('h.kk_number', '>', filter.afterKk);
  return query.orderBy('h.kk_number').limit(filter.limit).execute();
}

/** Where a page of the registry is read: the caller's regions (null: all) and one region (any level) within them. */
export type RegistryPageFilter = { regionPatterns: string[] | null; region?: string; afterId: string | null; limit: number };

/** The page's place: within the caller's regions (none: nothing; null: all) and, if named, one region at any level. */
function inPageRegions(filter: RegistryPageFilter) {
  const conditions = [sql<boolean>`true`];
  const patterns = filter.regionPatterns;
  if (patterns !== null)
    conditions.push(
      patterns.length === 0
        ? sql<boolean>`false`
        : sql<boolean>`(${sql.join(
            patterns.map((p) => sql`village_code LIKE ${p}`),
            sql` OR `,
          )})`,
    );
  if (filter.region) conditions.push(sql<boolean>`(village_code = ${filter.region} OR village_code LIKE ${`${filter.region}.%`})`);
  return sql<boolean>`${sql.join(conditions, sql` AND `)}`;
}

/** One page of households in id order (keyset), with optional filters on the decile and the cards held. */
export function findHouseholdPage(
  db: Queryable,
  filter: RegistryPageFilter & { decile?: { min: number; max: number }; cards?: { card: 'kks' | 'kis' | 'kip' | 'pkh'; held: boolean }[] },
) {
  let query = db.selectFrom('household').selectAll();
  query = query.where(inPageRegions(filter));
  if (filter.decile) query = query.where('welfare_decile', '>=', filter.decile.min).where('welfare_decile', '<=', filter.decile.max);
  for (const { card, held } of filter.cards ?? []) query = query.where(`has_${card}`, '=', held);
  if (filter.afterId) query = query.where('id', '>', filter.afterId);
  return query.orderBy('id').limit(filter.limit).execute();
}

/** One page of living, unmerged persons in id order (keyset). */
export function findLivingPersonPage(db: Queryable, filter: RegistryPageFilter) {
  let query = db
    .selectFrom('person')
    .select(['id', 'household_id', 'village_code', 'full_name'])
    .where('merged_into', 'is', null)
    .where('died_on', 'is', null);
  query = query.where(inPageRegions(filter));
  if (filter.afterId) query = query.where('id', '>', filter.afterId);
  return query.orderBy('id').limit(filter.limit).execute();
}
export const findBusiness = (db: Queryable, id: string) => db.selectFrom('business').selectAll().where('id', '=', id).executeTakeFirst();
export const updateBusiness = (db: Queryable, id: string, changes: Updateable<BusinessTable>) =>
  db.updateTable('business').set(changes).where('id', '=', id).execute();
