import { type Insertable, sql } from 'kysely';
import type { Queryable } from '../../db/database.ts';
import type { CadreStatus, CadreTable } from './cadres.tables.ts';

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
    .where('c.id', '=', id)
    .executeTakeFirst();
}
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
