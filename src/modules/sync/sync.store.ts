import type { Queryable } from '../../db/database.ts';

export const cadreOfUser = (db: Queryable, userId: string) =>
  db.selectFrom('cadre').select(['id', 'status']).where('user_id', '=', userId).executeTakeFirst();

/** The groups a user facilitates, by name. */
export const findGroupIdsOfFacilitator = async (db: Queryable, userId: string) =>
  (await db.selectFrom('business_group').select('id').where('facilitator_id', '=', userId).orderBy('name').orderBy('id').execute()).map(
    (r) => r.id,
  );

/** Running (disbursed) financings of the groups' members, with the member's name and the product. */
export function findDisbursedFinancingsOfGroups(db: Queryable, groupIds: string[]) {
  if (groupIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('financing as f')
    .innerJoin('person as p', 'p.id', 'f.person_id')
    .innerJoin('financing_product as pr', 'pr.id', 'f.product_id')
    .select(['f.id', 'f.number', 'f.group_id', 'f.person_id', 'f.region_code', 'f.days_past_due', 'p.full_name', 'pr.name as product_name'])
    .where('f.group_id', 'in', groupIds)
    .where('f.status', '=', 'disbursed')
    .orderBy('p.full_name')
    .orderBy('f.number')
    .execute();
}

/** Every instalment of the financings, in one query. */
export function findInstalmentsOf(db: Queryable, financingIds: string[]) {
  if (financingIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('financing_installment')
    .select(['financing_id', 'n', 'due_date', 'principal', 'profit', 'penalty', 'principal_paid', 'profit_paid', 'penalty_paid'])
    .where('financing_id', 'in', financingIds)
    .orderBy('financing_id')
    .orderBy('n')
    .execute();
}
