import { type Insertable, sql } from 'kysely';
import type { Queryable } from '../../db/database.ts';
import type { CadreFamilyTable, CadrePhotoTable, CadreRow, CadreStatus, CadreTable, CadreTrainingTable } from './cadres.tables.ts';

const KEY_SETTING = 'cadre_card_signing_keys';

export async function findSigningKeys(db: Queryable) {
  const row = await db.selectFrom('setting').select('value').where('key', '=', KEY_SETTING).executeTakeFirst();
  return (row?.value as { privatePem: string; publicPem: string } | undefined) ?? null;
}
/** First writer wins; everyone then reads the same keys. */
export async function insertSigningKeysOnce(db: Queryable, keys: { privatePem: string; publicPem: string }) {
  await sql`INSERT INTO setting (key, value) VALUES (${KEY_SETTING}, ${JSON.stringify(keys)}::jsonb) ON CONFLICT (key) DO NOTHING`.execute(
    db,
  );
}

export async function insertCadre(db: Queryable, row: Insertable<CadreTable>, villageCodes: string[]) {
  await db.insertInto('cadre').values(row).execute();
  await db
    .insertInto('cadre_village')
    .values(villageCodes.map((village_code) => ({ cadre_id: row.id, village_code })))
    .execute();
}

export function findCadre(db: Queryable, id: string) {
  return db
    .selectFrom('cadre as c')
    .innerJoin('person as p', 'p.id', 'c.person_id')
    .innerJoin('office as o', 'o.id', 'c.office_id')
    .selectAll('c')
    .select(['p.full_name', 'p.village_code as person_village', 'o.code as office_code', 'o.name as office_name'])
    .select((eb) => eb.exists(eb.selectFrom('cadre_photo').select('cadre_id').whereRef('cadre_id', '=', 'c.id')).as('has_photo'))
    .where('c.id', '=', id)
    .executeTakeFirst();
}
/** What recruitment checks of the person: born when, and whether they have died. */
export const findCadreByPerson = (db: Queryable, personId: string) =>
  db.selectFrom('cadre').select('id').where('person_id', '=', personId).executeTakeFirst();
export const findCadreByUser = (db: Queryable, userId: string) =>
  db.selectFrom('cadre').select(['id', 'status']).where('user_id', '=', userId).executeTakeFirst();

export async function findCadreVillages(db: Queryable, cadreId: string) {
  return db
    .selectFrom('cadre_village as v')
    .innerJoin('region as r', 'r.code', 'v.village_code')
    .select(['v.village_code', 'r.name'])
    .where('v.cadre_id', '=', cadreId)
    .orderBy('v.village_code')
    .execute();
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
/** How many of the cadre's families live in each of these villages (villages with none are left out). */
export async function countFamiliesByVillage(db: Queryable, cadreId: string, villageCodes: string[]) {
  if (villageCodes.length === 0) return [];
  const rows = await db
    .selectFrom('cadre_family as f')
    .innerJoin('household as h', 'h.id', 'f.household_id')
    .leftJoin('region as r', 'r.code', 'h.village_code')
    .select(['h.village_code', 'r.name', (eb) => eb.fn.countAll<string>().as('n')])
    .where('f.cadre_id', '=', cadreId)
    .where('h.village_code', 'in', villageCodes)
    .groupBy(['h.village_code', 'r.name'])
    .orderBy('h.village_code')
    .execute();
  return rows.map((row) => ({ villageCode: row.village_code, name: row.name ?? row.village_code, count: Number(row.n) }));
}

export function listCadreRows(db: Queryable, regionPatterns: string[] | null, userId?: string) {
  let query = db.selectFrom('cadre as c').innerJoin('person as p', 'p.id', 'c.person_id').selectAll('c').select(['p.full_name']);
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
  return query.orderBy('p.full_name').limit(500).execute();
}

export async function insertTraining(db: Queryable, row: Insertable<CadreTrainingTable>) {
  await db.insertInto('cadre_training').values(row).execute();
}
export const findTrainings = (db: Queryable, cadreId: string) =>
  db.selectFrom('cadre_training').selectAll().where('cadre_id', '=', cadreId).orderBy('held_on', 'desc').orderBy('id', 'desc').execute();

const SETTINGS_KEY = 'cadre_settings';
export async function findCadreSettings(db: Queryable) {
  const row = await db.selectFrom('setting').select('value').where('key', '=', SETTINGS_KEY).executeTakeFirst();
  return (row?.value as Record<string, unknown> | undefined) ?? null;
}
export async function saveCadreSettings(db: Queryable, value: Record<string, unknown>, now: Date) {
  await sql`INSERT INTO setting (key, value, updated_at) VALUES (${SETTINGS_KEY}, ${JSON.stringify(value)}::jsonb, ${now})
    ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`.execute(db);
}

/** Serialises assignments to one cadre, so that two requests cannot both fill the last places. */
export const lockCadre = (db: Queryable, id: string) =>
  db.selectFrom('cadre').select('id').where('id', '=', id).forUpdate().executeTakeFirst();

/** The households asked for, with the cadre each already has (if any). */
export function findHouseholdsWithCadre(db: Queryable, ids: string[]) {
  return db
    .selectFrom('household as h')
    .leftJoin('cadre_family as f', 'f.household_id', 'h.id')
    .leftJoin('cadre as c', 'c.id', 'f.cadre_id')
    .leftJoin('person as p', 'p.id', 'c.person_id')
    .select(['h.id', 'h.kk_number', 'h.village_code', 'f.cadre_id', 'p.full_name as cadre_name'])
    .where('h.id', 'in', ids)
    .execute();
}
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
export function findFamilyPage(db: Queryable, cadreId: string, afterId: string | undefined, limit: number) {
  let query = db
    .selectFrom('cadre_family as f')
    .innerJoin('household as h', 'h.id', 'f.household_id')
    .leftJoin('region as r', 'r.code', 'h.village_code')
    .select([
      'h.id',
      'h.kk_number',
      'h.village_code',
      'h.address',
      'r.name as village_name',
      'f.assigned_at',
      (eb) =>
        eb
          .selectFrom('person as p')
          .select('p.full_name')
          .whereRef('p.household_id', '=', 'h.id')
          .where('p.relation', '=', 'head')
          .where('p.died_on', 'is', null)
          .limit(1)
          .as('head_name'),
      (eb) =>
        eb
          .selectFrom('person as p')
          .select((e) => e.fn.countAll<string>().as('n'))
          .whereRef('p.household_id', '=', 'h.id')
          .where('p.died_on', 'is', null)
          .as('members'),
      (eb) =>
        eb
          .selectFrom('jkn_participant as j')
          .innerJoin('person as p', 'p.id', 'j.person_id')
          .select((e) => e.fn.countAll<string>().as('n'))
          .whereRef('p.household_id', '=', 'h.id')
          .where('p.died_on', 'is', null)
          .as('participants'),
    ])
    .where('f.cadre_id', '=', cadreId);
  if (afterId !== undefined) query = query.where('h.id', '>', afterId);
  return query.orderBy('h.id').limit(limit).execute();
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
