import { type Insertable, sql, type Updateable } from 'kysely';
import type { StoreDb } from '../../db/store.ts';
import type { OfficeTable, OrganisationTable, OrganisationTables } from './organisation.tables.ts';

type Queryable = StoreDb<OrganisationTables>;

export const findOrganisation = (db: Queryable) => db.selectFrom('organisation').selectAll().executeTakeFirst();

export async function insertOrganisation(db: Queryable, row: Insertable<OrganisationTable>) {
  await db.insertInto('organisation').values(row).execute();
}

export async function updateOrganisationDetails(
  db: Queryable,
  id: string,
  changes: { name: string; address?: string | null; report_contact?: string | null },
  now: Date,
) {
  await db
    .updateTable('organisation')
    .set({ ...changes, updated_at: now })
    .where('id', '=', id)
    .execute();
}

export const findOfficeById = (db: Queryable, id: string) => db.selectFrom('office').selectAll().where('id', '=', id).executeTakeFirst();
export const findOfficeByCode = (db: Queryable, code: string) =>
  db.selectFrom('office').selectAll().where('code', '=', code).executeTakeFirst();
export const findOfficesByCodes = (db: Queryable, codes: string[]) =>
  codes.length === 0 ? Promise.resolve([]) : db.selectFrom('office').selectAll().where('code', 'in', codes).execute();
export const findOfficesByIds = (db: Queryable, ids: string[]) =>
  ids.length === 0 ? Promise.resolve([]) : db.selectFrom('office').selectAll().where('id', 'in', ids).orderBy('code').execute();

export function listOfficeRows(db: Queryable, filter: { ids: string[] | null; includeInactive: boolean }) {
  let query = db.selectFrom('office').selectAll();
  if (filter.ids !== null)
    query = filter.ids.length === 0 ? query.where('id', '=', '00000000-0000-0000-0000-000000000000') : query.where('id', 'in', filter.ids);
  if (!filter.includeInactive) query = query.where('active', '=', true);
  return query.orderBy('kind').orderBy('code').execute();
}

export async function insertOffice(db: Queryable, row: Insertable<OfficeTable>) {
  await db.insertInto('office').values(row).execute();
}

export async function updateOffice(db: Queryable, id: string, changes: Updateable<OfficeTable>) {
  await db.updateTable('office').set(changes).where('id', '=', id).execute();
}

export async function replaceOfficeRegions(db: Queryable, officeId: string, regionCodes: string[]) {
  await db.deleteFrom('office_region').where('office_id', '=', officeId).execute();
  if (regionCodes.length > 0)
    await db
      .insertInto('office_region')
      .values(regionCodes.map((region_code) => ({ office_id: officeId, region_code })))
      .execute();
}

/** An office by its code with the region codes it covers, in one statement (a dashboard's filter, read on every open). */
export const findOfficeWithRegionsByCode = (db: Queryable, code: string) =>
  db
    .selectFrom('office as o')
    .leftJoin('office_region as r', 'r.office_id', 'o.id')
    .select([
      'o.id',
      sql<string[]>`coalesce(array_agg(r.region_code ORDER BY r.region_code) FILTER (WHERE r.region_code IS NOT NULL), '{}')`.as(
        'region_codes',
      ),
    ])
    .where('o.code', '=', code)
    .groupBy('o.id')
    .executeTakeFirst();

export function findCoveredRegions(db: Queryable, officeIds: string[]) {
  if (officeIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('office_region')
    .select(['office_id', 'region_code as code'])
    .where('office_id', 'in', officeIds)
    .orderBy('region_code')
    .execute();
}

export const countOffices = async (db: Queryable) =>
  Number(
    (
      await db
        .selectFrom('office')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );
