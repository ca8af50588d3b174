import { type OperationNodeSource, type QueryExecutorProvider, sql } from 'kysely';
import { BEFORE_COMMIT, type Tx } from './database.ts';

/**
 * Writes that nothing later in their transaction reads back (an audit record, a stored
 * idempotent response, the rows that close a repayment) can wait for the end of the
 * transaction's work and then go to the database together, as data-modifying WITH queries of
 * one statement, before the commit: one round trip instead of one each. They share one
 * snapshot, so two of them must not touch the same row, and a statement run after them in
 * the transaction does not see them; use writeLater only where that holds. Outside a
 * transaction opened by inTransaction, a write goes at once.
 */
const pending = new WeakMap<QueryExecutorProvider, OperationNodeSource[]>();
/** Statements have at most 65,535 parameters; a few dozen writes stay well below. */
const WRITES_PER_STATEMENT = 32;

/**
 * Runs a transaction's work, then the writes it held back, as its last statement: on
 * PostgreSQL that goes on the wire with the commit (and fails the commit if it fails).
 */
export async function withWritesLater<T>(tx: Tx, work: () => Promise<T>): Promise<T> {
  pending.set(tx, []);
  const result = await work();
  await flushWrites(tx, true);
  return result;
}

/** An INSERT, UPDATE or DELETE (a Kysely builder or raw sql) to run by the end of the transaction. */
export async function writeLater(db: QueryExecutorProvider, write: OperationNodeSource): Promise<void> {
  const writes = pending.get(db);
  if (!writes) {
    await sql`${write}`.execute(db);
    return;
  }
  writes.push(write);
  if (writes.length >= WRITES_PER_STATEMENT) await flushWrites(db);
}

/** Sends the writes held back so far. */
export async function flushWrites(db: QueryExecutorProvider, last = false): Promise<void> {
  const writes = pending.get(db);
  if (!writes || writes.length === 0) return;
  pending.set(db, []);
  const mark = sql.raw(last ? BEFORE_COMMIT : '');
  if (writes.length === 1) await sql`${mark}${writes[0]}`.execute(db);
  else await sql`${mark}WITH ${sql.join(writes.map((write, i) => sql`${sql.ref(`write_${i + 1}`)} AS (${write})`))} SELECT 1`.execute(db);
}
