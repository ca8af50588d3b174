import type { StoreDb } from '../../db/store.ts';
import type { IdempotencyTables } from './idempotency.tables.ts';

type Queryable = StoreDb<IdempotencyTables>;

type Claim = { actor: string; key: string; operation: string; request_hash: string };

/** Inserts the key's row unless the actor used the key before; returns the key when it was new. */
export const claimKey = (db: Queryable, claim: Claim) =>
  db
    .insertInto('idempotency_record')
    .values(claim)
    .onConflict((oc) => oc.columns(['actor', 'key']).doNothing())
    .returning('key');

export const findClaimedKey = (db: Queryable, actor: string, key: string) =>
  db
    .selectFrom('idempotency_record')
    .select(['operation', 'request_hash', 'response'])
    .where('actor', '=', actor)
    .where('key', '=', key)
    .executeTakeFirstOrThrow();

/** The stored answer a repeated key replays. */
export const storeResponse = (db: Queryable, actor: string, key: string, response: unknown) =>
  db
    .updateTable('idempotency_record')
    .set({ status_code: 201, response: JSON.stringify(response) })
    .where('actor', '=', actor)
    .where('key', '=', key);
