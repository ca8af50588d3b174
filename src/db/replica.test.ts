import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inTransaction } from '../context.ts';
import { buildServer } from '../http/server.ts';
import { recordAudit } from '../modules/audit/index.ts';
import { DEMO_PASSWORD, fillDemo } from '../modules/demo/index.ts';
import { createFund } from '../modules/ledger/index.ts';
import { openTestDatabase } from '../testing/databases.ts';
import { withDatabaseName } from '../testing/paths.ts';
import { ApiClient, systemTestContext } from '../testing/server.ts';
import type { Database, Db } from './database.ts';
import { withReplica } from './replica.ts';

// A real streaming replica of TEST_DATABASE_URL's server: `.ci/run` starts one with
// scripts/start-replica.sh and sets TEST_REPLICA_URL (postgres://postgres@127.0.0.1:5433/postgres).
const primaryUrl = process.env.TEST_DATABASE_URL;
const replicaUrl = process.env.TEST_REPLICA_URL;
const describeReplica = primaryUrl && replicaUrl ? describe : describe.skip;
if (!primaryUrl || !replicaUrl)
  console.warn('src/db/replica.test.ts skipped: set TEST_DATABASE_URL and TEST_REPLICA_URL (a replica made by scripts/start-replica.sh)');

/** Waits until the replica has replayed everything the primary has written so far. */
async function replayed(primary: Db, replica: Db) {
  const { rows } = await sql<{ lsn: string }>`SELECT pg_current_wal_lsn()::text AS lsn`.execute(primary);
  for (let i = 0; i < 500; i++) {
    const done = await sql<{ done: boolean }>`SELECT pg_last_wal_replay_lsn() >= ${rows[0]?.lsn}::pg_lsn AS done`.execute(replica);
    if (done.rows[0]?.done) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error('the replica did not catch up in 10 s');
}

const PAUSE_WAIT_MS = 300;

describeReplica('read replica [postgres + streaming replica]', () => {
  let database: Database;
  let replicaDb: Db;
  let app: FastifyInstance;
  let manager: ApiClient;

  const pauseReplay = () => sql`SELECT pg_wal_replay_pause()`.execute(replicaDb);
  const resumeReplay = () => sql`SELECT pg_wal_replay_resume()`.execute(replicaDb);
  const trialBalance = async () => {
    const answer = await manager.get('/api/v1/ledger/trial-balance?asOf=2026-12-31');
    expect(answer.status).toBe(200);
    return { debit: BigInt(answer.body.debit as string), from: answer.headers.get('x-jaring-read-from') };
  };
  const fund = (code: string, initialCapital: string) => ({
    code,
    name: `Dana ${code}`,
    kind: 'stimulus' as const,
    source: 'APBD',
    officeCode: 'YK01',
    initialCapital,
    cashAccount: '1.1.02' as const,
    capitalDate: '2026-01-10',
  });

  beforeAll(async () => {
    const primary = await openTestDatabase('postgres');
    const { rows } = await sql<{ name: string }>`SELECT current_database() AS name`.execute(primary.db);
    const name = rows[0]?.name as string;
    // The test database was just created on the primary: wait until the replica has it.
    const admin = new pg.Client({ connectionString: replicaUrl });
    await admin.connect();
    try {
      for (let i = 0; i < 500; i++) {
        if ((await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name])).rowCount) break;
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    } finally {
      await admin.end();
    }
    database = await withReplica(primary, withDatabaseName(replicaUrl as string, name), { waitMs: PAUSE_WAIT_MS });
    replicaDb = database.replica?.db as Db;
    await fillDemo(systemTestContext(database));
    app = await buildServer({ database });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const address = app.server.address();
    manager = new ApiClient(`http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`);
    await manager.login('manajer', DEMO_PASSWORD); // YK01
    await replayed(database.db, replicaDb);
  }, 120_000);
  afterAll(async () => {
    if (replicaDb) await resumeReplay();
    await app?.close();
    await database?.close();
  });

  it('a report reads from the replica: a write the replica has not replayed is not in it yet', async () => {
    const standby = await sql<{ standby: boolean }>`SELECT pg_is_in_recovery() AS standby`.execute(replicaDb);
    expect(standby.rows[0]?.standby).toBe(true);
    const before = await trialBalance();
    expect(before.from).toBe('replica');
    await pauseReplay();
    try {
      // Someone else's write (not this user's): the replica's answer does not wait for it.
      await createFund(systemTestContext(database), fund('RPL-OTHER', '7000000'));
      const stale = await trialBalance();
      expect(stale).toEqual({ debit: before.debit, from: 'replica' });
    } finally {
      await resumeReplay();
    }
    await replayed(database.db, replicaDb);
    expect(await trialBalance()).toEqual({ debit: before.debit + 7_000_000n, from: 'replica' });
    // A route not marked as a report reads the primary and says nothing about it.
    const accounts = await manager.get('/api/v1/ledger/accounts');
    expect(accounts.status).toBe(200);
    expect(accounts.headers.get('x-jaring-read-from')).toBeNull();
  });

  it('a user who just wrote reads their own write: from the primary while the replica lags, from the replica once it has replayed it', async () => {
    const before = await trialBalance();
    await pauseReplay();
    try {
      const created = await manager.post('/api/v1/funds', fund('RPL-MINE', '50000000'));
      expect(created.status).toBe(201);
      expect(database.replica?.pending()).toBe(1);
      // The replica is paused: after waiting PAUSE_WAIT_MS this read goes to the primary.
      expect(await trialBalance()).toEqual({ debit: before.debit + 50_000_000n, from: 'primary' });
    } finally {
      await resumeReplay();
    }
    // Replaying again: the read waits for the replica to replay the write, then reads it there.
    expect(await trialBalance()).toEqual({ debit: before.debit + 50_000_000n, from: 'replica' });
    expect(database.replica?.pending()).toBe(0);
  });

  it('writes never go to the replica: a transaction on a report context runs on the primary', async () => {
    const reportCtx = { ...systemTestContext(database), db: replicaDb, readDb: replicaDb };
    const where = await inTransaction(reportCtx, async (tx) => {
      const { rows } = await sql<{ standby: boolean }>`SELECT pg_is_in_recovery() AS standby`.execute(tx);
      return rows[0]?.standby;
    });
    expect(where).toBe(false);
    // A write in a transaction on a report context lands on the primary.
    await pauseReplay();
    try {
      await inTransaction(reportCtx, (tx) =>
        recordAudit(tx, reportCtx, { action: 'setting.quality_rule', entityType: 'setting', entityId: 'replica.test', after: {} }),
      );
      const count = (db: Db) =>
        sql<{ n: number }>`SELECT count(*)::int AS n FROM audit_log WHERE entity_id = 'replica.test'`.execute(db).then((r) => r.rows[0]?.n);
      expect([await count(database.db), await count(replicaDb)]).toEqual([1, 0]);
    } finally {
      await resumeReplay();
    }
  });
});
