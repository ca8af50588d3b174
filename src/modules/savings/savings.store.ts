import { type Insertable, sql } from 'kysely';
import type { StoreDb } from '../../db/store.ts';
import type { SavingsKind } from './savings.rules.ts';
import type { SavingsAccountTable, SavingsMovementTable, SavingsTables } from './savings.tables.ts';

type Queryable = StoreDb<SavingsTables>;

/** The next number of an office's accounts of a kind; the row is touched only on opening. */
export async function nextAccountSequence(tx: Queryable, officeId: string, kind: SavingsKind): Promise<number> {
  const result = await sql<{ last_value: number }>`
    INSERT INTO savings_account_sequence (office_id, kind, last_value) VALUES (${officeId}, ${kind}, 1)
    ON CONFLICT (office_id, kind) DO UPDATE SET last_value = savings_account_sequence.last_value + 1
    RETURNING last_value`.execute(tx);
  return Number(result.rows[0]?.last_value);
}

/** Inserts the account unless the person already has an open one of the kind (then false). */
export async function insertAccount(tx: Queryable, row: Insertable<SavingsAccountTable>): Promise<boolean> {
  const inserted = await sql<{ id: string }>`
    INSERT INTO savings_account (id, number, person_id, office_id, region_code, kind, opened_on, created_by)
    VALUES (${row.id}, ${row.number}, ${row.person_id}, ${row.office_id}, ${row.region_code}, ${row.kind}, ${row.opened_on}, ${row.created_by})
    ON CONFLICT (person_id, kind) WHERE status = 'open' DO NOTHING
    RETURNING id`.execute(tx);
  return inserted.rows.length > 0;
}

export const findOpenAccountOfKind = (db: Queryable, personId: string, kind: SavingsKind) =>
  db
    .selectFrom('savings_account')
    .select(['id', 'number'])
    .where('person_id', '=', personId)
    .where('kind', '=', kind)
    .where('status', '=', 'open')
    .executeTakeFirst();

export const findAccount = (db: Queryable, id: string) =>
  db.selectFrom('savings_account').selectAll().where('id', '=', id).executeTakeFirst();

/** The member (person) and number of each savings account. */
export const findAccountMembers = (db: Queryable, ids: string[]) =>
  ids.length === 0
    ? Promise.resolve([])
    : db.selectFrom('savings_account').select(['id', 'person_id', 'number']).where('id', 'in', ids).execute();

/** Locks the member's own account row for the posting transaction (no other row is locked). */
export const lockAccount = (tx: Queryable, id: string) =>
  tx.selectFrom('savings_account').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();

export const lockOpenAccountsOfPerson = (tx: Queryable, personId: string) =>
  tx
    .selectFrom('savings_account')
    .selectAll()
    .where('person_id', '=', personId)
    .where('status', '=', 'open')
    .orderBy('id')
    .forUpdate()
    .execute();

export async function updateAccountAfterMovement(
  tx: Queryable,
  id: string,
  change: { balance: bigint; movementCount: number; closedOn?: string; now: Date },
) {
  await tx
    .updateTable('savings_account')
    .set({
      balance: change.balance,
      movement_count: change.movementCount,
      ...(change.closedOn ? { status: 'closed' as const, closed_on: change.closedOn } : {}),
      updated_at: change.now,
    })
    .where('id', '=', id)
    .execute();
}

export async function insertMovement(tx: Queryable, row: Insertable<SavingsMovementTable>) {
  await tx.insertInto('savings_movement').values(row).execute();
}

export const findMovement = (db: Queryable, accountId: string, id: string) =>
  db.selectFrom('savings_movement').selectAll().where('account_id', '=', accountId).where('id', '=', id).executeTakeFirst();

export const findMovementById = (db: Queryable, id: string) =>
  db.selectFrom('savings_movement').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

/** Movements newest first, below a sequence number when paging back. */
export function listMovements(db: Queryable, accountId: string, page: { beforeSeq?: number; limit: number }) {
  let query = db.selectFrom('savings_movement').selectAll().where('account_id', '=', accountId);
  if (page.beforeSeq !== undefined) query = query.where('seq', '<', page.beforeSeq);
  return query.orderBy('seq', 'desc').limit(page.limit).execute();
}

/** Every movement of an account, oldest first (the passbook). */
export const allMovements = (db: Queryable, accountId: string) =>
  db.selectFrom('savings_movement').selectAll().where('account_id', '=', accountId).orderBy('seq').execute();

/** Which of these movements were reversed, and by which movement. */
export async function reversalsOf(db: Queryable, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db.selectFrom('savings_movement').select(['id', 'reverses_id']).where('reverses_id', 'in', ids).execute();
  return new Map(rows.map((r) => [r.reverses_id as string, r.id]));
}

/** Accounts in the given offices (null: all), by number, after a number when paging. */
export function listAccounts(
  db: Queryable,
  filter: { personId?: string; officeIds: string[] | null; afterNumber?: string; limit: number },
) {
  let query = db.selectFrom('savings_account').selectAll();
  if (filter.personId) query = query.where('person_id', '=', filter.personId);
  if (filter.officeIds)
    query = filter.officeIds.length === 0 ? query.where(sql<boolean>`false`) : query.where('office_id', 'in', filter.officeIds);
  if (filter.afterNumber) query = query.where('number', '>', filter.afterNumber);
  return query.orderBy('number').limit(filter.limit).execute();
}
