import { type Insertable, sql } from 'kysely';
import { read } from '../../db/read-together.ts';
import type { StoreDb } from '../../db/store.ts';
import { writeLater } from '../../db/write-later.ts';
import type {
  FinancingInstallmentTable,
  FinancingProductTable,
  FinancingRepaymentTable,
  FinancingStatus,
  FinancingTable,
  FinancingTables,
} from './financing.tables.ts';

type Queryable = StoreDb<FinancingTables>;

export const insertProduct = (db: Queryable, row: Insertable<FinancingProductTable>) =>
  db.insertInto('financing_product').values(row).execute();
export const listProductRows = (db: Queryable) => db.selectFrom('financing_product').selectAll().orderBy('code').execute();
export const findProductByCode = (db: Queryable, code: string) =>
  db.selectFrom('financing_product').selectAll().where('code', '=', code).executeTakeFirst();
export const findProductById = (db: Queryable, id: string) =>
  db.selectFrom('financing_product').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
export const lockProduct = (db: Queryable, id: string) =>
  db.selectFrom('financing_product').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
export const updateProductActive = (db: Queryable, id: string, active: boolean) =>
  db.updateTable('financing_product').set({ active }).where('id', '=', id).execute();

export const insertFinancing = (db: Queryable, row: Insertable<FinancingTable>) => db.insertInto('financing').values(row).execute();
export const findFinancing = (db: Queryable, id: string) => db.selectFrom('financing').selectAll().where('id', '=', id).executeTakeFirst();
/** The member-side row locked for the length of the posting transaction. */
export const lockFinancing = (db: Queryable, id: string) =>
  db.selectFrom('financing').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
/** lockFinancing with its product's kind and allocation order (a product never changes), as one read (readTogether). */
export const lockFinancingWithProduct = (db: Queryable, id: string) =>
  read(
    db
      .selectFrom('financing')
      .innerJoin('financing_product', 'financing_product.id', 'financing.product_id')
      .selectAll('financing')
      .select(['financing_product.kind as product_kind', 'financing_product.allocation_order as product_allocation_order'])
      .where('financing.id', '=', id)
      .forUpdate('financing'),
    (rows) => rows[0],
  );

const financingUpdate = (db: Queryable, id: string, changes: Partial<Record<keyof FinancingTable, unknown>>) =>
  db
    .updateTable('financing')
    .set({ ...(changes as object), updated_at: new Date() })
    .where('id', '=', id);
export function updateFinancing(db: Queryable, id: string, changes: Partial<Record<keyof FinancingTable, unknown>>) {
  return financingUpdate(db, id, changes).execute();
}

export async function insertInstallments(db: Queryable, rows: Insertable<FinancingInstallmentTable>[]) {
  for (let i = 0; i < rows.length; i += 500)
    await db
      .insertInto('financing_installment')
      .values(rows.slice(i, i + 500))
      .execute();
}
const installments = (db: Queryable, financingId: string) =>
  db.selectFrom('financing_installment').selectAll().where('financing_id', '=', financingId).orderBy('n');
export const installmentsOf = (db: Queryable, financingId: string) => installments(db, financingId).execute();
/** installmentsOf as a read to send with others (readTogether). */
export const readInstallments = (db: Queryable, financingId: string) => read(installments(db, financingId), (rows) => rows);

const installmentPaidUpdate = (financingId: string, n: number, paid: { principal: bigint; profit: bigint; penalty: bigint }) =>
  sql`UPDATE financing_installment
      SET principal_paid = principal_paid + ${paid.principal.toString()}::bigint,
          profit_paid = profit_paid + ${paid.profit.toString()}::bigint,
          penalty_paid = penalty_paid + ${paid.penalty.toString()}::bigint
      WHERE financing_id = ${financingId} AND n = ${n}`;
/** Adds (or, with negative numbers, takes back) what a repayment paid on one instalment. */
export function addToInstallmentPaid(
  db: Queryable,
  financingId: string,
  n: number,
  paid: { principal: bigint; profit: bigint; penalty: bigint },
) {
  return installmentPaidUpdate(financingId, n, paid).execute(db);
}

/**
 * What a repayment leaves behind once it is posted: paid on each instalment (one row each),
 * the financing's outstanding amounts, the repayment row. Nothing after them in the
 * transaction reads these rows, so they go with its last writes (writeLater).
 */
export async function writeRepayment(
  db: Queryable,
  financingId: string,
  paid: { n: number; principal: bigint; profit: bigint; penalty: bigint }[],
  changes: Partial<Record<keyof FinancingTable, unknown>>,
  row: Insertable<FinancingRepaymentTable>,
) {
  for (const part of paid) await writeLater(db, installmentPaidUpdate(financingId, part.n, part));
  await writeLater(db, financingUpdate(db, financingId, changes));
  await writeLater(db, db.insertInto('financing_repayment').values(row));
}
export const repaymentsOf = (db: Queryable, financingId: string) =>
  db.selectFrom('financing_repayment').selectAll().where('financing_id', '=', financingId).orderBy('created_at').orderBy('id').execute();
export const findRepayment = (db: Queryable, id: string) =>
  db.selectFrom('financing_repayment').selectAll().where('id', '=', id).executeTakeFirst();
export const markRepaymentReversed = (db: Queryable, id: string, entryId: string, reason: string) =>
  db.updateTable('financing_repayment').set({ reversal_entry_id: entryId, reversal_reason: reason }).where('id', '=', id).execute();

export type FinancingFilter = {
  status?: FinancingStatus;
  statuses?: FinancingStatus[];
  fundId?: string;
  personId?: string;
  personIds?: string[];
  groupId?: string;
  due?: { from: string; to: string };
  overdue?: boolean;
  /** The financings a user is responsible for: assigned to them, or of a group they facilitate when none is assigned. */
  facilitator?: { id: string; groupIds: string[] };
  paidOn?: string;
  closedFrom?: string;
  regionPatterns: string[] | null;
  offset: number;
  limit: number;
};
export function listFinancingRows(db: Queryable, filter: FinancingFilter) {
  let query = db
    .selectFrom('financing as f')
    .innerJoin('financing_product as fp', 'fp.id', 'f.product_id')
    .select([
      'f.id',
      'f.number',
      'f.status',
      'f.person_id',
      'fp.code as product_code',
      'f.fund_id',
      'f.principal',
      'f.outstanding_principal',
      'f.outstanding_profit',
      'f.outstanding_penalty',
      'f.days_past_due',
      'f.quality_class',
      'f.applied_on',
      'f.facilitator_id',
      'f.group_id',
    ]);
  if (filter.status) query = query.where('f.status', '=', filter.status);
  if (filter.fundId) query = query.where('f.fund_id', '=', filter.fundId);
  if (filter.personId) query = query.where('f.person_id', '=', filter.personId);
  if (filter.personIds)
    query = filter.personIds.length === 0 ? query.where(sql<boolean>`false`) : query.where('f.person_id', 'in', filter.personIds);
  if (filter.statuses)
    query = filter.statuses.length === 0 ? query.where(sql<boolean>`false`) : query.where('f.status', 'in', filter.statuses);
  if (filter.groupId) query = query.where('f.group_id', '=', filter.groupId);
  const due = filter.due;
  if (due)
    query = query.where(({ exists, selectFrom }) =>
      exists(
        selectFrom('financing_installment as i')
          .select(sql`1`.as('one'))
          .whereRef('i.financing_id', '=', 'f.id')
          .where('i.due_date', '>=', due.from)
          .where('i.due_date', '<=', due.to)
          .where((eb) => eb.or([eb('i.principal_paid', '<', eb.ref('i.principal')), eb('i.profit_paid', '<', eb.ref('i.profit'))])),
      ),
    );
  if (filter.overdue !== undefined) query = query.where('f.days_past_due', filter.overdue ? '>' : '=', 0);
  const facilitator = filter.facilitator;
  if (facilitator)
    query = query.where((eb) =>
      eb.or([
        eb('f.facilitator_id', '=', facilitator.id),
        ...(facilitator.groupIds.length > 0
          ? [eb.and([eb('f.facilitator_id', 'is', null), eb('f.group_id', 'in', facilitator.groupIds)])]
          : []),
      ]),
    );
  const paidOn = filter.paidOn;
  if (paidOn)
    query = query.where(({ exists, selectFrom }) =>
      exists(
        selectFrom('financing_repayment as r')
          .select(sql`1`.as('one'))
          .whereRef('r.financing_id', '=', 'f.id')
          .where('r.paid_on', '=', paidOn)
          .where('r.reversal_entry_id', 'is', null),
      ),
    );
  if (filter.closedFrom) query = query.where('f.closed_on', '>=', filter.closedFrom);
  if (filter.regionPatterns)
    query =
      filter.regionPatterns.length === 0
        ? query.where(sql<boolean>`false`)
        : query.where((eb) => eb.or((filter.regionPatterns as string[]).map((p) => eb('f.region_code', 'like', p))));
  return query.orderBy('f.id', 'desc').offset(filter.offset).limit(filter.limit).execute();
}

/** Approved applications waiting for money in a fund, first approved first. */
export const queuedApplications = (db: Queryable, fundId: string) =>
  db
    .selectFrom('financing as f')
    .select(['f.id', 'f.number', 'f.principal', 'f.decided_at', 'f.person_id'])
    .where('f.fund_id', '=', fundId)
    .where('f.status', '=', 'approved')
    .orderBy('f.decided_at')
    .orderBy('f.id')
    .execute();

/** Instalment amounts still to come into a fund, by due date (overdue ones flagged). */
export const fundInflows = (db: Queryable, fundId: string) =>
  sql<{ financing_id: string; number: string; person_id: string; due_date: string; amount: string }>`
    SELECT i.financing_id, f.number, f.person_id, i.due_date,
           (i.principal - i.principal_paid + i.profit - i.profit_paid)::text AS amount
    FROM financing_installment i
    JOIN financing f ON f.id = i.financing_id
    WHERE f.fund_id = ${fundId} AND f.status = 'disbursed'
      AND (i.principal_paid < i.principal OR i.profit_paid < i.profit)
    ORDER BY i.due_date, i.financing_id, i.n`
    .execute(db)
    .then((r) => r.rows);

export function setInstallmentTerms(
  db: Queryable,
  financingId: string,
  n: number,
  terms: { principal?: bigint; profit?: bigint; reported_profit?: bigint; reported_negligent?: boolean },
) {
  return db.updateTable('financing_installment').set(terms).where('financing_id', '=', financingId).where('n', '=', n).execute();
}

/** What the USEP chain reads of its recipients' financings: status, principal left, arrears. */
export const financingFactsByIds = (db: Queryable, ids: string[]) =>
  ids.length === 0
    ? Promise.resolve([])
    : db
        .selectFrom('financing')
        .select(['id', 'number', 'status', 'principal', 'outstanding_principal', 'overdue_amount', 'days_past_due', 'disbursed_on'])
        .where('id', 'in', ids)
        .execute();

/** Principal promised from a fund and not yet paid out (applications waiting for a decision or for money). */
export async function committedPrincipal(db: Queryable, fundId: string): Promise<bigint> {
  const row = await db
    .selectFrom('financing')
    .select(sql<string>`coalesce(sum(principal), 0)::text`.as('total'))
    .where('fund_id', '=', fundId)
    .where('status', 'in', ['applied', 'approved'])
    .executeTakeFirstOrThrow();
  return BigInt(row.total);
}

/** Financings whose number starts with a prefix (pattern index of migration 0039), in the actor's regions. */
export function searchFinancingRowsByNumber(db: Queryable, prefix: string, regionPatterns: string[] | null, limit: number) {
  const like = `${prefix.toUpperCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  let query = db
    .selectFrom('financing as f')
    .select(['f.id', 'f.number', 'f.status', 'f.person_id', 'f.days_past_due'])
    .where('f.number', 'like', like);
  if (regionPatterns !== null)
    query =
      regionPatterns.length === 0
        ? query.where(sql<boolean>`false`)
        : query.where((eb) => eb.or(regionPatterns.map((p) => eb('f.region_code', 'like', p))));
  return query.orderBy('f.number').limit(limit).execute();
}
