import type { DeleteQueryBuilder, DeleteResult, Kysely, QueryExecutorProvider } from 'kysely';
import type { Tables } from './tables.ts';

/**
 * A store's view of the database: only its own module's tables (`StoreDb<GroupTables>`), so a
 * query builder on another module's table does not compile. The database and any open
 * transaction pass as one; raw `sql` runs on it too (dependency-cruiser keeps stores from
 * importing other modules' tables or the all-tables types).
 */
export type StoreDb<T> = Pick<Kysely<T>, 'selectFrom' | 'insertInto' | 'updateTable'> & {
  deleteFrom<TB extends keyof T & keyof Tables & string>(table: TB): DeleteQueryBuilder<Tables, TB, DeleteResult>;
} & QueryExecutorProvider;
