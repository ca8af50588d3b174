import { type Insertable, sql } from 'kysely';
import type { StoreDb } from '../../db/store.ts';
import type {
  CadreFamilyTable,
  CadrePhotoTable,
  CadreRow,
  CadreStatus,
  CadreTable,
  CadreTables,
  CadreTrainingTable,
} from './cadres.tables.ts';

type Queryable = StoreDb<CadreTables>;

export async function insertCadre(db: Queryable, row: Insertable<CadreTable>, villageCodes: string[]) {
  await db.insertInto('cadre').values(row).execute();
  await db
    .insertInto('cadre_village')
    .values(villageCodes.map((village_code) => ({ cadre_id: row.id, village_code })))
    .execute();
}

/** The cadre's own row, and whether a photo was uploaded (person and office are the caller's to add). */
export function findCadreRow(db: Queryable, id: string) {
  return db
    .selectFrom('cadre as c')
    .selectAll('c')
    .select((eb) => eb.exists(eb.selectFrom('cadre_photo').select('cadre_id').whereRef('cadre_id', '=', 'c.id')).as('has_photo'))
    .where('c.id', '=', id)
    .executeTakeFirst();
}
/** What recruitment checks of the person: born when, and whether they have died. */
export const findCadreByPerson = (db: Queryable, personId: string) =>
  db.selectFrom('cadre').select('id').where('person_id', '=', personId).executeTakeFirst();
export const findCadreByUser = (db: Queryable, userId: string) =>
  db.selectFrom('cadre').select(['id', 'status']).where('user_id', '=', userId).executeTakeFirst();

export async function findCadreVillageCodes(db: Queryable, cadreId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('cadre_village')
    .select('village_code')
    .where('cadre_id', '=', cadreId)
    .orderBy('village_code')
    .execute();
  return rows.map((row) => row.village_code);
}

export async function bumpCardVersion(db: Queryable, id: string, now: Date): Promise<number> {
  const row = await db
    .updateTable('cadre')
    .set((eb) => ({ card_version: eb('card_version', '+', 1), updated_at: now }))
    .where('id', '=', id)
    .returning('card_version')
    .executeTakeFirstOrThrow();
  return row.card_version;
}
/** The first card of a cadre (version 0 → 1); null when another request issued it first. */
export async function claimFirstCardVersion(db: Queryable, id: string, now: Date): Promise<number | null> {
  const row = await db
    .updateTable('cadre')
    .set({ card_version: 1, updated_at: now })
    .where('id', '=', id)
    .where('card_version', '=', 0)
    .returning('card_version')
    .executeTakeFirst();
  return row?.card_version ?? null;
}
export async function updateCadreStatus(db: Queryable, id: string, status: CadreStatus, now: Date) {
  await db.updateTable('cadre').set({ status, updated_at: now }).where('id', '=', id).execute();
}

export async function updateCadreDetails(
  db: Queryable,
  id: string,
  changes: Partial<Pick<CadreRow, 'phone' | 'letter_number' | 'letter_date' | 'signed_by' | 'valid_until'>>,
  now: Date,
) {
  await db
    .updateTable('cadre')
    .set({ ...changes, updated_at: now })
    .where('id', '=', id)
    .execute();
}
export async function insertCadreVillages(db: Queryable, cadreId: string, villageCodes: string[]) {
  if (villageCodes.length === 0) return;
  await db
    .insertInto('cadre_village')
    .values(villageCodes.map((village_code) => ({ cadre_id: cadreId, village_code })))
    .execute();
}
export async function deleteCadreVillages(db: Queryable, cadreId: string, villageCodes: string[]) {
  if (villageCodes.length === 0) return;
  await db.deleteFrom('cadre_village').where('cadre_id', '=', cadreId).where('village_code', 'in', villageCodes).execute();
}
/** The cadres in these regions (null: everywhere), unordered: the caller orders them by the person's name. */
export function listCadreRowsInRegions(db: Queryable, regionPatterns: string[] | null, userId?: string) {
  let query = db.selectFrom('cadre as c').selectAll('c');
  if (userId !== undefined) query = query.where('c.user_id', '=', userId);
  if (regionPatterns !== null)
    query =
      regionPatterns.length === 0
        ? query.where(sql<boolean>`false`)
        : query.where('c.id', 'in', (eb) =>
            eb
              .selectFrom('cadre_village')
              .select('cadre_id')
              .where((w) => w.or(regionPatterns.map((p) => w('village_code', 'like', p)))),
          );
  return query.execute();
}

export async function insertTraining(db: Queryable, row: Insertable<CadreTrainingTable>) {
  await db.insertInto('cadre_training').values(row).execute();
}
export const findTrainings = (db: Queryable, cadreId: string) =>
  db.selectFrom('cadre_training').selectAll().where('cadre_id', '=', cadreId).orderBy('held_on', 'desc').orderBy('id', 'desc').execute();

/** Serialises assignments to one cadre, so that two requests cannot both fill the last places. */
export const lockCadre = (db: Queryable, id: string) =>
  db.selectFrom('cadre').select('id').where('id', '=', id).forUpdate().executeTakeFirst();

/** The cadre (and the cadre's person) of each of these households that has one. */
export const findCadresOfHouseholds = (db: Queryable, householdIds: string[]) =>
  householdIds.length === 0
    ? Promise.resolve([])
    : db
        .selectFrom('cadre_family as f')
        .innerJoin('cadre as c', 'c.id', 'f.cadre_id')
        .select(['f.household_id', 'f.cadre_id', 'c.person_id'])
        .where('f.household_id', 'in', householdIds)
        .execute();
export const findFamilyIdsOf = async (db: Queryable, cadreId: string) =>
  (await db.selectFrom('cadre_family').select('household_id').where('cadre_id', '=', cadreId).execute()).map((r) => r.household_id);
export async function countFamilies(db: Queryable, cadreId: string): Promise<number> {
  const row = await db
    .selectFrom('cadre_family')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('cadre_id', '=', cadreId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
/** Inserts the new assignments; a household another request took meanwhile is skipped, and the caller sees fewer rows back. */
export async function insertFamilies(db: Queryable, rows: Insertable<CadreFamilyTable>[]): Promise<number> {
  const inserted = await db
    .insertInto('cadre_family')
    .values(rows)
    .onConflict((oc) => oc.column('household_id').doNothing())
    .returning('household_id')
    .execute();
  return inserted.length;
}
export async function deleteFamily(db: Queryable, cadreId: string, householdId: string): Promise<boolean> {
  const result = await db
    .deleteFrom('cadre_family')
    .where('cadre_id', '=', cadreId)
    .where('household_id', '=', householdId)
    .executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}
export const findFamilyOfCadre = (db: Queryable, cadreId: string, householdId: string) =>
  db.selectFrom('cadre_family').selectAll().where('cadre_id', '=', cadreId).where('household_id', '=', householdId).executeTakeFirst();

/** One page of a cadre's families in household-id order (UUIDv7: the order they were registered), after `afterId`. */
export function findFamilyPageRows(db: Queryable, cadreId: string, afterId: string | undefined, limit: number) {
  let query = db.selectFrom('cadre_family').select(['household_id', 'assigned_at']).where('cadre_id', '=', cadreId);
  if (afterId !== undefined) query = query.where('household_id', '>', afterId);
  return query.orderBy('household_id').limit(limit).execute();
}

/** Replaces the cadre's photo. */
export async function upsertCadrePhoto(db: Queryable, row: Insertable<CadrePhotoTable>) {
  await db
    .insertInto('cadre_photo')
    .values(row)
    .onConflict((oc) =>
      oc.column('cadre_id').doUpdateSet({
        content_type: row.content_type,
        bytes: row.bytes,
        sha256: row.sha256,
        uploaded_by: row.uploaded_by,
        uploaded_at: row.uploaded_at,
      }),
    )
    .execute();
}

export const findCadrePhoto = (db: Queryable, cadreId: string) =>
  db.selectFrom('cadre_photo').select(['content_type', 'bytes', 'sha256']).where('cadre_id', '=', cadreId).executeTakeFirst();

/** The cadres among these persons (the search box marks them), by the unique person index. */
export const findCadresOfPersons = (db: Queryable, personIds: string[]) =>
  personIds.length === 0
    ? Promise.resolve([])
    : db.selectFrom('cadre').select(['id', 'person_id', 'status']).where('person_id', 'in', personIds).execute();
