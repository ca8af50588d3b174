import type { StoreDb } from '../../db/store.ts';
import type { FinancingTables } from './financing.tables.ts';

type Queryable = StoreDb<FinancingTables>;

/** Running financings of a group's members, for its collection sheet. */
export const disbursedFinancingsOfGroup = (db: Queryable, groupId: string) =>
  db
    .selectFrom('financing')
    .select(['id', 'number', 'person_id', 'region_code', 'outstanding_principal', 'outstanding_profit', 'outstanding_penalty'])
    .where('group_id', '=', groupId)
    .where('status', '=', 'disbursed')
    .orderBy('id')
    .execute();
