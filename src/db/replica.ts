import { sql } from 'kysely';
import { type Database, type Db, openPostgres } from './database.ts';

/** How long after a user's write their replica reads wait for the replica to replay it. */
export const READ_YOUR_WRITES_WAIT_MS = 2_000;
const POLL_MS = 20;

export type ReadFrom = 'replica' | 'primary';

/**
 * A PostgreSQL streaming replica (DATABASE_REPLICA_URL) that reports, dashboards, exports and
 * the sync bundle read from (routes marked `reads: 'replica'`); every write, and every read of
 * a write, stays on the primary.
 *
 * Read-your-writes: after a user's write succeeds, `wrote(user)` remembers the primary's WAL
 * position (pg_current_wal_lsn). That user's next replica read (`readerFor(user)`) waits until
 * the replica has replayed it (pg_last_wal_replay_lsn), polling, but never longer than
 * READ_YOUR_WRITES_WAIT_MS after the write; past that the request reads from the primary.
 * The positions are kept in this process's memory, one per user, and forgotten once the
 * replica has replayed them: with several server processes behind a load balancer a user must
 * stick to one process (or the positions move to a shared store).
 */
export type Replica = {
  db: Db;
  wrote(user: string): Promise<void>;
  readerFor(user: string | undefined): Promise<{ db: Db; from: ReadFrom }>;
  /** Users whose last write the replica may not have replayed yet (for tests and metrics). */
  pending(): number;
  close(): Promise<void>;
};

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
