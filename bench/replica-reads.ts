// Reports on a read replica (issue 16, "Figures"): the primary's repayment throughput (the load of
// bench:postings: HTTP clients posting repayments to the real server) alone, and while a dashboard
// and report load reads from a PostgreSQL streaming replica of the same database, interleaved
// round by round (alone, then with the replica load) because these machines are noisy. Prints
// both medians and the drop.
//   npm run bench:replica-reads -- [--clients 4] [--readers 4] [--seconds 10] [--rounds 3]
//                                  [--financings 500] [--warmup 2] [--keep]
// The primary from BENCH_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/postgres); the
// replica from BENCH_REPLICA_URL (default postgres://postgres@127.0.0.1:5433/postgres: the one
// scripts/start-replica.sh starts, a pg_basebackup of the primary's cluster, so the bench's new
// database reaches it by replication). With no replica there it says so and exits 0.
// The replica load: `--readers` loops in a child process, each reading every dashboard (for the
// organisation and for YK01) and the trial balance of today, as the system actor, from the
// replica only. On one small box the replica's PostgreSQL shares the cores with the primary, so
// the drop measured here is mostly CPU contention: on separate machines it is what the primary
// loses to replication alone (the WAL sender).
// Asserts no timings; exits 1 if the books do not balance or a repayment or a read failed.
// Last line: alone_per_s=A with_replica_reads_per_s=B drop_percent=D replica_reads_per_s=R ratio=B/A
import { fork } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import pg from 'pg';
import pino from 'pino';
import type { Context } from '../src/context.ts';
import { businessDate, systemClock } from '../src/core/clock.ts';
import { openPostgres } from '../src/db/database.ts';
import { migrate } from '../src/db/migrate.ts';
import { createLogger } from '../src/http/logger.ts';
import { buildServer } from '../src/http/server.ts';
import { DASHBOARD_SUBJECTS } from '../src/modules/dashboards/dashboards.rules.ts';
import { getDashboard } from '../src/modules/dashboards/dashboards.service.ts';
import { refreshDashboards } from '../src/modules/dashboards/index.ts';
import { fillDemo } from '../src/modules/demo/index.ts';
import { createApiToken } from '../src/modules/identity/index.ts';
import { trialBalance } from '../src/modules/ledger/index.ts';
import { ensureRegionsLoaded } from '../src/modules/regions/index.ts';
import { type ClientSetup, REPAYMENT_CLIENT, type RoundRequest, type RoundResult, setUpRepayments } from './repayment-load.ts';

type ReaderSetup = { url: string; readers: number };
type ReaderResult = { reads: number; errors: number; errorSamples: string[] };

const contextOn = (database: Awaited<ReturnType<typeof openPostgres>>): Context => ({
  database,
  db: database.db,
  actor: { kind: 'system', name: 'bench' },
  clock: systemClock,
  log: pino({ level: 'silent' }),
  locale: 'id',
});

/** The replica load, in a child process: `readers` loops of dashboards and the trial balance, until told to stop. */
function readerProcess() {
  const send = process.send?.bind(process);
  if (!send) throw new Error('the readers run in a child process with an IPC channel');
  let ctx: Context;
  let running = false;
  let done: Promise<ReaderResult> | null = null;
  process.on('message', async (message: ReaderSetup | 'start' | 'stop' | 'exit') => {
    if (message === 'exit') process.exit(0);
    if (typeof message === 'object') {
      ctx = contextOn(await openPostgres(message.url, message.readers + 1));
      // A replica just started may still refuse connections for a moment.
      for (let attempt = 1; ; attempt++) {
        try {
          await sql`SELECT 1`.execute(ctx.db);
          break;
        } catch (error) {
          if (attempt >= 50) throw error;
          await new Promise((resolve) => setTimeout(resolve, 200));
        }
      }
      const readers = message.readers;
      const reads = [
        ...DASHBOARD_SUBJECTS.flatMap((subject) => [
          () => getDashboard(ctx, subject, {}),
          () => getDashboard(ctx, subject, { office: 'YK01' }),
        ]),
        () => trialBalance(ctx, { asOf: businessDate(ctx.clock) }),
      ];
      process.on('message', async (command) => {
        if (command === 'start') {
          running = true;
          const result: ReaderResult = { reads: 0, errors: 0, errorSamples: [] };
          done = Promise.all(
            Array.from({ length: readers }, async (_, r) => {
              for (let i = r; running; i++) {
                try {
                  await (reads[i % reads.length] as () => Promise<unknown>)();
                  result.reads++;
                } catch (error) {
                  result.errors++;
                  if (result.errorSamples.length < 3) result.errorSamples.push(String(error).slice(0, 300));
                }
              }
            }),
          ).then(() => result);
        } else if (command === 'stop') {
          running = false;
          send(await (done as Promise<ReaderResult>));
        }
      });
      send('ready');
    }
  });
}

const cleanups: (() => Promise<unknown>)[] = [];
if (process.argv.includes('--reader-process')) readerProcess();
else {
  try {
    await main();
  } catch (error) {
    for (const drop of cleanups.reverse()) await drop().catch(() => {});
    throw error;
  }
}

async function main() {
  const { values } = parseArgs({
    options: {
      clients: { type: 'string', default: '4' },
      readers: { type: 'string', default: '4' },
      seconds: { type: 'string', default: '10' },
      rounds: { type: 'string', default: '3' },
      financings: { type: 'string', default: '500' },
      warmup: { type: 'string', default: '2' },
      keep: { type: 'boolean' },
    },
  });
  const clients = Number(values.clients);
  const readers = Number(values.readers);
  const seconds = Number(values.seconds);
  const rounds = Number(values.rounds);
  const financingCount = Number(values.financings);
  const warmup = Number(values.warmup);
  if (financingCount < clients) throw new Error('--financings must be at least --clients');

  const primaryBase = process.env.BENCH_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
  const replicaBase = process.env.BENCH_REPLICA_URL || 'postgres://postgres@127.0.0.1:5433/postgres';
  const withName = (base: string, name: string) => {
    const url = new URL(base);
    url.pathname = `/${name}`;
    return url.toString();
  };
  const query = async (url: string, text: string) => {
    const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
    await client.connect();
    try {
      return await client.query(text);
    } finally {
      await client.end();
    }
  };
  const isReplica = await query(replicaBase, 'SELECT pg_is_in_recovery() AS standby').then(
    (result) => result.rows[0]?.standby === true,
    () => false,
  );
  if (!isReplica) {
    console.log(
      `no replica answers at ${replicaBase.replace(/\/\/[^@]*@/, '//')} (BENCH_REPLICA_URL): skipped; start one with scripts/start-replica.sh. ratio=skipped`,
    );
    return;
  }

  const dbName = `jaring_bench_replica_${Date.now()}`;
  await query(primaryBase, `CREATE DATABASE ${dbName}`);
  if (!values.keep) cleanups.push(() => query(primaryBase, `DROP DATABASE ${dbName} WITH (FORCE)`));
  const database = await openPostgres(withName(primaryBase, dbName));
  const ctx = contextOn(database);
  const setupStarted = performance.now();
  await migrate(database);
  await ensureRegionsLoaded(database);
  await fillDemo(ctx);
  const financingIds = await setUpRepayments(ctx, financingCount);
  await refreshDashboards(database.db, businessDate(ctx.clock));
  await sql`ANALYZE`.execute(database.db);
  // The replica has the database once it has replayed the primary's WAL up to now.
  const lsn = (await sql<{ lsn: string }>`SELECT pg_current_wal_lsn()::text AS lsn`.execute(database.db)).rows[0]?.lsn;
  for (let waited = 0; ; waited += 100) {
    const replayed = await query(replicaBase, `SELECT pg_last_wal_replay_lsn() >= '${lsn}'::pg_lsn AS done`);
    if (replayed.rows[0]?.done === true) break;
    if (waited > 60_000) throw new Error('the replica did not replay the setup within 60 s');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  console.log(
    `setup: demo, ${financingCount} disbursed financings at YK01, dashboards filled, replayed by the replica in ${((performance.now() - setupStarted) / 1000).toFixed(1)} s`,
  );

  // The primary's server, as bench:postings runs it (no replica configured: every repayment is a write).
  const logger = createLogger('info', pino.destination({ dest: '/dev/null', sync: false }));
  const app = await buildServer({ database, logger, serveWeb: false });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  const serverUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  const { token } = await createApiToken(ctx, 'kasir', 'bench');
  const exitOnFailure = (name: string) => (code: number | null) => {
    if (code !== 0) {
      console.error(`${name} process exited ${code}`);
      process.exit(1);
    }
  };
  const payers = fork(REPAYMENT_CLIENT, ['--client-process'], { execArgv: ['--import', 'tsx'] });
  payers.on('exit', exitOnFailure('repayment client'));
  payers.send({
    baseUrl: serverUrl,
    headers: { authorization: `Bearer ${token}` },
    financingIds,
    clients,
    runId: randomUUID(),
  } satisfies ClientSetup);
  const reportReaders = fork(new URL(import.meta.url).pathname, ['--reader-process'], { execArgv: ['--import', 'tsx'] });
  reportReaders.on('exit', exitOnFailure('replica reader'));
  reportReaders.send({ url: withName(replicaBase, dbName), readers } satisfies ReaderSetup);
  await once(reportReaders, 'message');

  const repayments = async (round: number, secs: number) => {
    payers.send({ round, seconds: secs } satisfies RoundRequest);
    const [result] = (await once(payers, 'message')) as [RoundResult];
    for (const sample of result.errorSamples) console.log(`  repayment error: ${sample}`);
    return result;
  };
  let errors = 0;
  let accepted = 0;
  if (warmup > 0) {
    const w = await repayments(0, warmup);
    errors += w.errors;
    accepted += w.ok;
  }
  const median = (xs: number[]) => {
    const s = [...xs].sort((a, b) => a - b);
    const mid = Math.floor(s.length / 2);
    return s.length % 2 === 1 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
  };
  const alone: number[] = [];
  const loaded: number[] = [];
  const readRates: number[] = [];
  let readErrors = 0;
  console.log(
    `${clients} repayment clients on the primary, ${readers} report readers on the replica, ${rounds} rounds of ${seconds} s each way`,
  );
  for (let round = 1; round <= rounds; round++) {
    const a = await repayments(round * 2 - 1, seconds);
    reportReaders.send('start');
    const readStarted = performance.now();
    const b = await repayments(round * 2, seconds);
    reportReaders.send('stop');
    const [reads] = (await once(reportReaders, 'message')) as [ReaderResult];
    const readSeconds = (performance.now() - readStarted) / 1000;
    for (const sample of reads.errorSamples) console.log(`  replica read error: ${sample}`);
    errors += a.errors + b.errors;
    accepted += a.ok + b.ok;
    readErrors += reads.errors;
    const rateA = a.ok / (a.elapsedMs / 1000);
    const rateB = b.ok / (b.elapsedMs / 1000);
    alone.push(rateA);
    loaded.push(rateB);
    readRates.push(reads.reads / readSeconds);
    console.log(
      `round ${round}: repayments/s alone ${rateA.toFixed(1)} | with replica reads ${rateB.toFixed(1)} (replica ${(reads.reads / readSeconds).toFixed(1)} reads/s, ${reads.errors} errors) | drop ${((1 - rateB / rateA) * 100).toFixed(1)}%`,
    );
  }
  payers.send('exit');
  reportReaders.send('exit');
  await Promise.all([once(payers, 'exit'), once(reportReaders, 'exit')]);
  await app.close();

  const totals = await sql<{ debit: string; credit: string }>`
    SELECT coalesce(sum(debit), 0)::text AS debit, coalesce(sum(credit), 0)::text AS credit FROM journal_line`.execute(database.db);
  const recorded = await sql<{ n: string }>`SELECT count(*)::text AS n FROM financing_repayment WHERE received_by = 'kasir'`.execute(
    database.db,
  );
  const t = totals.rows[0] as { debit: string; credit: string };
  const balanced = t.debit === t.credit;
  const allRecorded = Number(recorded.rows[0]?.n) === accepted;
  console.log(
    `trial balance: debits ${t.debit} ${balanced ? '=' : '≠'} credits ${t.credit}; repayments recorded ${recorded.rows[0]?.n} ${allRecorded ? '=' : '≠'} accepted ${accepted}`,
  );
  await database.close();
  if (values.keep) console.log(`kept database ${dbName} (drop it when done)`);
  for (const drop of cleanups.splice(0).reverse()) await drop();
  if (!balanced || !allRecorded || errors > 0 || readErrors > 0 || accepted === 0) process.exitCode = 1;
  const a = median(alone);
  const b = median(loaded);
  console.log(
    `alone_per_s=${a.toFixed(1)} with_replica_reads_per_s=${b.toFixed(1)} drop_percent=${((1 - b / a) * 100).toFixed(1)} ` +
      `replica_reads_per_s=${median(readRates).toFixed(1)} errors=${errors + readErrors} ratio=${(b / a).toFixed(3)}`,
  );
}
