import { sql } from 'kysely';
import type { StoreDb } from '../../db/store.ts';
import type { FinancingTables } from './financing.tables.ts';

type Queryable = StoreDb<FinancingTables>;

/** Running (disbursed) financings of some members, in one query. */
export const findDisbursedFinancingsOfPersons = (db: Queryable, personIds: string[]) =>
  personIds.length === 0
    ? Promise.resolve([])
    : db
        .selectFrom('financing')
        .select(['id', 'number', 'person_id', 'office_id', 'region_code', 'group_id', 'facilitator_id'])
        .where('person_id', 'in', personIds)
        .where('status', '=', 'disbursed')
        .orderBy('number')
        .execute();

/**
 * Financings in the portfolio at some time between two days, of some offices (null: all):
 * disbursed by `to` and not closed or written off before `from`.
 */
export const findFinancingsInPortfolioBetween = (db: Queryable, officeIds: string[] | null, from: string, to: string) =>
  officeIds !== null && officeIds.length === 0
    ? Promise.resolve([])
    : db
        .selectFrom('financing')
        .select(['id', 'person_id', 'disbursed_on', 'closed_on'])
        .where('status', 'in', ['disbursed', 'closed', 'written_off'])
        .where('disbursed_on', '<=', to)
        .where((eb) => eb.or([eb('closed_on', 'is', null), eb('closed_on', '>=', from)]))
        .$if(officeIds !== null, (q) => q.where('office_id', 'in', officeIds as string[]))
        .execute();

/** Every instalment (principal and profit, due date) of those financings, one query: the whole schedule, for what is outstanding. */
export const findInstalmentsInPortfolioBetween = (db: Queryable, officeIds: string[] | null, from: string, to: string) =>
  officeIds !== null && officeIds.length === 0
    ? Promise.resolve([])
    : sql<{ financing_id: string; n: number; due_date: string; principal: string; profit: string }>`
        SELECT i.financing_id, i.n, i.due_date, i.principal, i.profit
        FROM financing_installment i JOIN financing f ON f.id = i.financing_id
        WHERE f.status IN ('disbursed', 'closed', 'written_off') AND f.disbursed_on <= ${to}
          AND (f.closed_on IS NULL OR f.closed_on >= ${from})
          AND ${officeIds === null ? sql`true` : sql`f.office_id IN (${sql.join(officeIds)})`}`
        .execute(db)
        .then((r) => r.rows);

/** Every standing (not reversed) repayment made by `to` on those financings, one query. */
export const findRepaymentsInPortfolioBetween = (db: Queryable, officeIds: string[] | null, from: string, to: string) =>
  officeIds !== null && officeIds.length === 0
    ? Promise.resolve([])
    : sql<{ financing_id: string; paid_on: string; principal: string; profit: string }>`
        SELECT r.financing_id, r.paid_on, r.principal, r.profit
        FROM financing_repayment r JOIN financing f ON f.id = r.financing_id
        WHERE f.status IN ('disbursed', 'closed', 'written_off') AND f.disbursed_on <= ${to}
          AND (f.closed_on IS NULL OR f.closed_on >= ${from})
          AND r.paid_on <= ${to} AND r.reversal_entry_id IS NULL
          AND ${officeIds === null ? sql`true` : sql`f.office_id IN (${sql.join(officeIds)})`}`
        .execute(db)
        .then((r) => r.rows);

/** The member (person) and number of each financing. */
export const findFinancingMembers = (db: Queryable, ids: string[]) =>
  ids.length === 0
    ? Promise.resolve([])
    : db.selectFrom('financing').select(['id', 'person_id', 'number']).where('id', 'in', ids).execute();
