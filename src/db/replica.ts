import { sql } from 'kysely';
import { type Database, type Db, openPostgres, type Replica } from './database.ts';

/**
 * Read replicas (DATABASE_REPLICA_URL): see the Replica type in database.ts and docs/scale.md,
 * "Read replicas".
 */

/** How long after a user's write their replica reads wait for the replica to replay it. */
export const READ_YOUR_WRITES_WAIT_MS = 2_000;
const POLL_MS = 20;

type Pending = { lsn: string; deadline: number };

export async function openReplica(
  primary: Db,
  url: string,
  options: { poolSize?: number; waitMs?: number; now?: () => number } = {},
): Promise<Replica> {
  const replica = await openPostgres(url, options.poolSize ?? 10);
  const waitMs = options.waitMs ?? READ_YOUR_WRITES_WAIT_MS;
  const now = options.now ?? Date.now;
  const { rows } = await sql<{ standby: boolean }>`SELECT pg_is_in_recovery() AS standby`.execute(replica.db);
  if (!rows[0]?.standby) {
    await replica.close();
    throw new Error('DATABASE_REPLICA_URL: the server there is not a replica (pg_is_in_recovery() is false)');
  }
  const pendingWrites = new Map<string, Pending>();

  const replayed = async (lsn: string) => {
    const answer = await sql<{ done: boolean | null }>`SELECT pg_last_wal_replay_lsn() >= ${lsn}::pg_lsn AS done`.execute(replica.db);
    return answer.rows[0]?.done === true;
  };

  return {
    db: replica.db,
    async wrote(user) {
      const answer = await sql<{ lsn: string }>`SELECT pg_current_wal_lsn()::text AS lsn`.execute(primary);
      const lsn = answer.rows[0]?.lsn;
      if (lsn) pendingWrites.set(user, { lsn, deadline: now() + waitMs });
    },
    async readerFor(user) {
      const pending = user === undefined ? undefined : pendingWrites.get(user);
      if (!pending || user === undefined) return { db: replica.db, from: 'replica' };
      try {
        for (;;) {
          if (await replayed(pending.lsn)) {
            if (pendingWrites.get(user) === pending) pendingWrites.delete(user);
            return { db: replica.db, from: 'replica' };
          }
          if (now() + POLL_MS > pending.deadline) break;
          await new Promise((resolve) => setTimeout(resolve, POLL_MS));
        }
      } catch {
        // A replica that does not answer: this read goes to the primary.
      }
      return { db: primary, from: 'primary' };
    },
    pending: () => pendingWrites.size,
    close: () => replica.close(),
  };
}

/** Opens the replica next to an open PostgreSQL database; closing the database closes it too. */
export async function withReplica(database: Database, url: string, options: { waitMs?: number } = {}): Promise<Database> {
  if (database.kind !== 'postgres') throw new Error('DATABASE_REPLICA_URL needs a PostgreSQL DATABASE_URL');
  const replica = await openReplica(database.db, url, options);
  return {
    ...database,
    replica,
    async close() {
      await replica.close();
      await database.close();
    },
  };
}
