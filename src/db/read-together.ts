import type { Compilable, QueryExecutorProvider } from 'kysely';

/** A statement and what its rows mean, to be sent together with others (readTogether). */
export type Read<T> = { query: Compilable<unknown> | null; result: (rows: unknown[]) => T };
export type ReadResults<R extends readonly Read<unknown>[]> = { -readonly [K in keyof R]: R[K] extends Read<infer V> ? V : never };

export const read = <Row, T>(query: Compilable<Row>, result: (rows: Row[]) => T): Read<T> => ({
  query,
  result: result as (rows: unknown[]) => T,
});
/** A read that sends nothing (the caller knows the answer already). */
export const known = <T>(value: T): Read<T> => ({ query: null, result: () => value });

/**
 * Sends statements one behind the other without waiting for each answer: on PostgreSQL one
 * round trip for all. The server still runs them in order, each (in a transaction) with its
 * own snapshot taken when it starts, so a SELECT after a FOR UPDATE sees what was committed
 * before the lock was granted, exactly as if each had been awaited. The first error fails
 * the lot (in a transaction it has aborted the rest anyway).
 */
export async function readTogether<R extends readonly Read<unknown>[]>(db: QueryExecutorProvider, reads: R): Promise<ReadResults<R>> {
  const sent = reads.filter((r) => r.query !== null);
  const answers = await db
    .getExecutor()
    .provideConnection((connection) => Promise.all(sent.map((r) => connection.executeQuery((r.query as Compilable<unknown>).compile()))));
  let next = 0;
  return reads.map((r) => r.result(r.query === null ? [] : (answers[next++]?.rows ?? []))) as ReadResults<R>;
}
