import { type Selectable, sql } from 'kysely';
import { read } from '../../db/read-together.ts';
import type { StoreDb } from '../../db/store.ts';
import { COUNT_SOURCE, DRAWER_PARTY, TELLER_CASH } from './cash-drawer.rules.ts';
import type { CashDrawerTable, LedgerTables } from './ledger.tables.ts';

type Queryable = StoreDb<LedgerTables>;

export { COUNT_SOURCE };

const drawerColumns = [
  'd.id',
  'd.office_id',
  'd.cashier_id',
  'd.business_date',
  'd.opening_float',
  'd.status',
  'd.opened_by',
  'd.closed_at',
  'd.closed_by',
  'd.expected_cash',
  'd.counted_cash',
  'd.difference',
  'd.difference_entry_id',
  'd.closing_note',
  'd.counted_pieces',
  'd.created_at',
] as const;

const drawers = (db: Queryable) => db.selectFrom('cash_drawer as d').select(drawerColumns);

export type DrawerRow = Awaited<ReturnType<typeof findDrawer>> & {};

/**
 * Opens a drawer unless the cashier already has one open: the partial unique index decides,
 * so two concurrent opens cannot both succeed. Returns false when one is open.
 */
export async function insertDrawer(
  db: Queryable,
  row: { id: string; officeId: string; cashierId: string; businessDate: string; openingFloat: bigint; openedBy: string },
): Promise<boolean> {
  const inserted = await sql<{ id: string }>`
    INSERT INTO cash_drawer (id, office_id, cashier_id, business_date, opening_float, opened_by)
    VALUES (${row.id}, ${row.officeId}, ${row.cashierId}, ${row.businessDate}, ${row.openingFloat.toString()}, ${row.openedBy})
    ON CONFLICT (cashier_id) WHERE status = 'open' DO NOTHING
    RETURNING id`.execute(db);
  return inserted.rows.length > 0;
}

export const findDrawer = (db: Queryable, id: string) => drawers(db).where('d.id', '=', id).executeTakeFirst();

/** Locks the drawer row: a movement and the closing count never interleave. */
export const lockDrawer = (db: Queryable, id: string) =>
  db.selectFrom('cash_drawer').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();

const openDrawer = (db: Queryable, cashierId: string) =>
  db.selectFrom('cash_drawer').selectAll().where('cashier_id', '=', cashierId).where('status', '=', 'open');
export function findOpenDrawerOf(db: Queryable, cashierId: string, options: { forUpdate?: boolean } = {}) {
  const query = openDrawer(db, cashierId);
  return (options.forUpdate ? query.forUpdate() : query).executeTakeFirst();
}
/** findOpenDrawerOf with forUpdate, as a read to send with others (readTogether). */
export const lockOpenDrawerOf = <T>(db: Queryable, cashierId: string, result: (row: OpenDrawerRow | undefined) => T) =>
  read(openDrawer(db, cashierId).forUpdate(), (rows) => result(rows[0]));
export type OpenDrawerRow = Selectable<CashDrawerTable>;

/** Whether any drawer at the office was opened for a business day on or after `since`. */
export async function drawerOpenedAtOfficeSince(db: Queryable, officeId: string, since: string): Promise<boolean> {
  const row = await db
    .selectFrom('cash_drawer')
    .select('id')
    .where('office_id', '=', officeId)
    .where('business_date', '>=', since)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

export function listDrawerRows(
  db: Queryable,
  filter: {
    officeIds: string[] | null;
    cashierId?: string;
    status?: 'open' | 'closed';
    date?: string;
    from?: string | undefined;
    withDifference?: boolean;
    limit: number;
  },
) {
  let query = drawers(db).orderBy('d.business_date', 'desc').orderBy('d.created_at', 'desc').orderBy('d.id', 'desc').limit(filter.limit);
  if (filter.officeIds)
    query = filter.officeIds.length === 0 ? query.where(sql<boolean>`false`) : query.where('d.office_id', 'in', filter.officeIds);
  if (filter.cashierId) query = query.where('d.cashier_id', '=', filter.cashierId);
  if (filter.status) query = query.where('d.status', '=', filter.status);
  if (filter.date) query = query.where('d.business_date', '=', filter.date);
  if (filter.from) query = query.where('d.business_date', '>=', filter.from);
  if (filter.withDifference) query = query.where('d.status', '=', 'closed').where('d.difference', '<>', '0');
  return query.execute();
}

/** Per drawer: teller cash received and paid through it, the closing difference left out. */
export async function drawerFlows(db: Queryable, drawerIds: string[]) {
  if (drawerIds.length === 0) return new Map<string, { cashIn: bigint; cashOut: bigint }>();
  const rows = await db
    .selectFrom('journal_line as l')
    .innerJoin('journal_entry as e', 'e.id', 'l.entry_id')
    .select(['l.party_id', sql<string>`coalesce(sum(l.debit), 0)`.as('cash_in'), sql<string>`coalesce(sum(l.credit), 0)`.as('cash_out')])
    .where('l.party_type', '=', DRAWER_PARTY)
    .where('l.party_id', 'in', drawerIds)
    .where('l.account_code', '=', TELLER_CASH)
    .where('e.source_type', '<>', COUNT_SOURCE)
    .groupBy('l.party_id')
    .execute();
  return new Map(rows.map((r) => [r.party_id as string, { cashIn: BigInt(r.cash_in), cashOut: BigInt(r.cash_out) }]));
}

/** Every teller-cash line of a drawer with its entry, in the order they were posted. */
export const drawerCashLines = (db: Queryable, drawerId: string) =>
  db
    .selectFrom('journal_line as l')
    .innerJoin('journal_entry as e', 'e.id', 'l.entry_id')
    .select(['l.entry_id', 'l.line_no', 'l.entry_date', 'l.debit', 'l.credit', 'e.memo', 'e.source_type', 'e.created_by', 'e.created_at'])
    .where('l.party_type', '=', DRAWER_PARTY)
    .where('l.party_id', '=', drawerId)
    .where('l.account_code', '=', TELLER_CASH)
    .orderBy('e.created_at')
    .orderBy('l.entry_id')
    .orderBy('l.line_no')
    .execute();

/** The other lines of those entries: the accounts the cash came from or went to. */
export async function counterLines(db: Queryable, drawerId: string, entryIds: string[]) {
  if (entryIds.length === 0) return [];
  return db
    .selectFrom('journal_line')
    .select(['entry_id', 'account_code', 'party_type', 'party_id'])
    .where('entry_id', 'in', entryIds)
    .where((eb) => eb.or([eb('party_id', 'is distinct from', drawerId), eb('account_code', '<>', TELLER_CASH)]))
    .orderBy('entry_id')
    .orderBy('line_no')
    .execute();
}

export const closeDrawerRow = (
  db: Queryable,
  id: string,
  values: {
    closedAt: Date;
    closedBy: string;
    expected: bigint;
    counted: bigint;
    difference: bigint;
    entryId: string | null;
    note: string | null;
    pieces: { value: number; pieces: number }[] | null;
  },
) =>
  db
    .updateTable('cash_drawer')
    .set({
      status: 'closed',
      closed_at: values.closedAt,
      closed_by: values.closedBy,
      expected_cash: values.expected,
      counted_cash: values.counted,
      difference: values.difference,
      difference_entry_id: values.entryId,
      closing_note: values.note,
      counted_pieces: values.pieces ? JSON.stringify(values.pieces) : null,
      updated_at: values.closedAt,
    })
    .where('id', '=', id)
    .where('status', '=', 'open')
    .executeTakeFirst();
