import type { StoreDb } from '../../db/store.ts';
import type { FinancingTables } from './financing.tables.ts';

type Queryable = StoreDb<FinancingTables>;

/** Running (disbursed) financings of the groups, with the product, by number. */
export const findDisbursedFinancingsOfGroups = (db: Queryable, groupIds: string[]) =>
  groupIds.length === 0
    ? Promise.resolve([])
    : db
        .selectFrom('financing as f')
        .innerJoin('financing_product as pr', 'pr.id', 'f.product_id')
        .select(['f.id', 'f.number', 'f.group_id', 'f.person_id', 'f.region_code', 'f.days_past_due', 'pr.name as product_name'])
        .where('f.group_id', 'in', groupIds)
        .where('f.status', '=', 'disbursed')
        .orderBy('f.number')
        .execute();

/** Every instalment of the financings, in one query. */
export const findInstalmentsOf = (db: Queryable, financingIds: string[]) =>
  financingIds.length === 0
    ? Promise.resolve([])
    : db
        .selectFrom('financing_installment')
        .select(['financing_id', 'n', 'due_date', 'principal', 'profit', 'penalty', 'principal_paid', 'profit_paid', 'penalty_paid'])
        .where('financing_id', 'in', financingIds)
        .orderBy('financing_id')
        .orderBy('n')
        .execute();
