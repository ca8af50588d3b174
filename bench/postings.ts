// Repayments through the HTTP API against PostgreSQL, measured against pgbench (TPC-B-like)
// on the same server with the same number of clients, in the same run. The two are
// interleaved (round k: ours, then pgbench) because these machines are noisy; the figure
// that counts is the median of the per-round ratios, printed with its spread.
//   npm run bench:postings -- [--clients 8] [--seconds 10] [--rounds 5] [--financings 2000]
//                             [--pool N] [--auth token|session] [--warmup 3] [--log-level info] [--keep]
//                             [--cpu-profile FILE]
// PostgreSQL from BENCH_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/postgres):
// two fresh databases are created beside it (ours and pgbench's) and dropped afterwards.
// Setup goes through the module services with a system context (demo, product, fund,
// disbursed financings); the measured part is the real server (auth included) on a free
// port, with the clients in a child process so that they do not share the server's event
// loop. Each client posts `POST /api/v1/financings/{id}/repayments {"amount":"1000"}` with
// its own Idempotency-Key, cycling over its own financings (no two clients on one row).
// Each round also prints the CPU spent per operation (server, clients, our PostgreSQL
// backends, the rest of the machine; from /proc) to show where the time goes.
// Afterwards the ledger must still balance. Asserts no timings; exits 1 if the books do
// not balance, the repayments recorded differ from those accepted, or a request failed.
// Last line: repayments_per_s=A pgbench_tps=B ratio=C p99_ms=D errors=E
//   (A, B, C: medians over the rounds; D: p99 over every measured request; E: non-2xx and
//   failed requests, warm-up included)
import { fork, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { readFileSync, writeFileSync } from 'node:fs';
import inspector from 'node:inspector/promises';
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import pg from 'pg';
import pino from 'pino';
import type { Context } from '../src/context.ts';
import { systemClock } from '../src/core/clock.ts';
import { openPostgres } from '../src/db/database.ts';
import { migrate } from '../src/db/migrate.ts';
import { createLogger } from '../src/http/logger.ts';
import { buildServer } from '../src/http/server.ts';
import { DEMO_PASSWORD, fillDemo } from '../src/modules/demo/index.ts';
import { createApiToken } from '../src/modules/identity/index.ts';
import { ensureRegionsLoaded } from '../src/modules/regions/index.ts';
import { type ClientSetup, REPAYMENT_CLIENT, type RoundRequest, type RoundResult, setUpRepayments } from './repayment-load.ts';

const cleanups: (() => Promise<unknown>)[] = [];

try {
  await main();
} catch (error) {
  // Leave no half-made databases behind.
  for (const drop of cleanups.reverse()) await drop().catch(() => {});
  throw error;
}

async function main() {
  const { values } = parseArgs({
    options: {
      clients: { type: 'string', default: '8' },
      seconds: { type: 'string', default: '10' },
      rounds: { type: 'string', default: '5' },
      financings: { type: 'string', default: '2000' },
      warmup: { type: 'string', default: '3' },
      pool: { type: 'string' },
      auth: { type: 'string', default: 'token' },
      keep: { type: 'boolean' },
      'cpu-profile': { type: 'string' },
      'log-level': { type: 'string', default: 'info' },
    },
  });
  const clients = Number(values.clients);
  const seconds = Number(values.seconds);
  const rounds = Number(values.rounds);
  const financingCount = Number(values.financings);
  const warmup = Number(values.warmup);
  const poolSize = values.pool === undefined ? undefined : Number(values.pool);
  if (values.auth !== 'token' && values.auth !== 'session') throw new Error('--auth is token or session');
  if (financingCount < clients) throw new Error('--financings must be at least --clients');

  const baseUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const stamp = Date.now();
  const dbName = `jaring_bench_post_${stamp}`;
  const pgbenchDbName = `jaring_bench_pgbench_${stamp}`;
  const urlOf = (name: string) => {
    const url = new URL(baseUrl);
    url.pathname = `/${name}`;
    return url.toString();
  };
  const adminQuery = async (text: string) => {
    const admin = new pg.Client({ connectionString: baseUrl });
    await admin.connect();
    try {
      return await admin.query(text);
    } finally {
      await admin.end();
    }
  };
  const run = (command: string, args: string[]) =>
    new Promise<string>((resolve, reject) => {
      const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
      let output = '';
      child.stdout.on('data', (chunk) => {
        output += chunk;
      });
      child.stderr.on('data', (chunk) => {
        output += chunk;
      });
      child.on('error', reject);
      child.on('close', (code) =>
        code === 0 ? resolve(output) : reject(new Error(`${command} ${args.join(' ')} exited ${code}:\n${output}`)),
      );
    });

  for (const name of [dbName, pgbenchDbName]) {
    await adminQuery(`CREATE DATABASE ${name}`);
    if (!values.keep) cleanups.push(() => adminQuery(`DROP DATABASE ${name} WITH (FORCE)`));
  }
  const database = await openPostgres(urlOf(dbName), poolSize);
  const ctx: Context = {
    database,
    db: database.db,
    actor: { kind: 'system', name: 'bench' },
    clock: systemClock,
    log: pino({ level: 'silent' }),
    locale: 'id',
  };

  // --- Setup, through the services, not over HTTP ---------------------------------------
  const setupStarted = performance.now();
  await migrate(database);
  await ensureRegionsLoaded(database);
  await fillDemo(ctx);
  const financingIds = await setUpRepayments(ctx, financingCount);
  await sql`ANALYZE`.execute(database.db);
  await run('pgbench', ['-i', '-q', '-s', String(clients), urlOf(pgbenchDbName)]);
  console.log(
    `setup: demo, ${financingCount} disbursed financings at YK01 and pgbench -i -s ${clients} in ${((performance.now() - setupStarted) / 1000).toFixed(1)} s`,
  );

  // --- The real server, with auth --------------------------------------------------------
  // Logging as `jaring serve` does (LOG_LEVEL, default info: a line per request), into /dev/null.
  const logger = createLogger(values['log-level'] as string, pino.destination({ dest: '/dev/null', sync: false }));
  const app = await buildServer({ database, logger, serveWeb: false });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  const serverUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  const headers: Record<string, string> = {};
  if (values.auth === 'token') {
    const { token } = await createApiToken(ctx, 'kasir', 'bench');
    headers.authorization = `Bearer ${token}`;
  } else {
    const response = await fetch(`${serverUrl}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'kasir', password: DEMO_PASSWORD }),
    });
    if (response.status !== 200) throw new Error(`login failed: ${response.status} ${await response.text()}`);
    headers.cookie = (response.headers.get('set-cookie') ?? '').split(';')[0] as string;
    headers['x-csrf-token'] = ((await response.json()) as { csrfToken: string }).csrfToken;
  }

  const loadGenerator = fork(REPAYMENT_CLIENT, ['--client-process'], { execArgv: ['--import', 'tsx'] });
  loadGenerator.on('exit', (code) => {
    if (code !== 0) {
      console.error(`client process exited ${code}`);
      process.exit(1);
    }
  });
  loadGenerator.send({ baseUrl: serverUrl, headers, financingIds, clients, runId: randomUUID() } satisfies ClientSetup);
  // --cpu-profile FILE: the server's CPU profile over our measured rounds (open it in Chrome DevTools).
  const profiler = values['cpu-profile'] ? new inspector.Session() : null;
  if (profiler) {
    profiler.connect();
    await profiler.post('Profiler.enable');
  }
  const ours = async (round: number, secs: number) => {
    if (profiler && round > 0) await profiler.post('Profiler.start');
    loadGenerator.send({ round, seconds: secs } satisfies RoundRequest);
    const [result] = (await once(loadGenerator, 'message')) as [RoundResult];
    if (profiler && round > 0) {
      const { profile } = await profiler.post('Profiler.stop');
      writeFileSync(`${values['cpu-profile']}.${round}.cpuprofile`, JSON.stringify(profile));
    }
    for (const sample of result.errorSamples) console.log(`  error: ${sample}`);
    return result;
  };
  const pgbench = async () => {
    const output = await run('pgbench', ['-n', '-c', String(clients), '-j', String(clients), '-T', String(seconds), urlOf(pgbenchDbName)]);
    const tps = /^tps = ([\d.]+)/m.exec(output);
    const latency = /^latency average = ([\d.]+) ms/m.exec(output);
    if (!tps) throw new Error(`no tps in pgbench output:\n${output}`);
    return { tps: Number(tps[1]), latencyMs: latency ? Number(latency[1]) : Number.NaN };
  };

  const poolNote = poolSize === undefined ? 'default pool' : `pool ${poolSize}`;
  console.log(
    `${clients} clients, ${rounds} rounds of ${seconds} s each side, ${financingCount} financings, auth ${values.auth}, ${poolNote}`,
  );
  let errors = 0;
  let warmupAccepted = 0;
  if (warmup > 0) {
    const w = await ours(0, warmup);
    errors += w.errors;
    warmupAccepted = w.ok;
    console.log(`warm-up: ${w.ok} repayments in ${(w.elapsedMs / 1000).toFixed(1)} s, ${w.errors} errors`);
  }

  // Busy CPU time of the whole machine (all cores) from /proc/stat; null where there is none.
  const boxCpuMs = () => {
    try {
      const [, ...fields] = (readFileSync('/proc/stat', 'utf8').split('\n')[0] as string).trim().split(/\s+/);
      const [user, nice, system, , , irq, softirq, steal] = fields.map(Number) as number[];
      return ((user ?? 0) + (nice ?? 0) + (system ?? 0) + (irq ?? 0) + (softirq ?? 0) + (steal ?? 0)) * 10;
    } catch {
      return null;
    }
  };
  // CPU time of our database's backends (/proc/PID/stat utime + stime), by pid.
  const backendCpu = async () => {
    const cpu = new Map<number, number>();
    const pids = await sql<{ pid: number }>`SELECT pid FROM pg_stat_activity WHERE datname = current_database()`.execute(database.db);
    for (const { pid } of pids.rows) {
      try {
        const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
        cpu.set(pid, (Number(fields[11]) + Number(fields[12])) * 10);
      } catch {}
    }
    return cpu;
  };
  const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? Number.NaN;
  const median = (xs: number[]) => {
    const s = [...xs].sort((a, b) => a - b);
    const mid = Math.floor(s.length / 2);
    return s.length % 2 === 1 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
  };
  const all: number[] = [];
  const perRound: { rate: number; tps: number; ratio: number }[] = [];
  let accepted = 0;
  for (let round = 1; round <= rounds; round++) {
    const backends0 = await backendCpu();
    const box0 = boxCpuMs();
    const server0 = process.cpuUsage();
    const r = await ours(round, seconds);
    const serverUsed = process.cpuUsage(server0);
    const box1 = boxCpuMs();
    const backends1 = await backendCpu();
    let backendMs = 0;
    for (const [pid, ms] of backends1) backendMs += ms - (backends0.get(pid) ?? 0);
    const b = await pgbench();
    const box2 = boxCpuMs();
    const serverMs = (serverUsed.user + serverUsed.system) / 1000;
    const rate = r.ok / (r.elapsedMs / 1000);
    const sorted = [...r.latencies].sort((x, y) => x - y);
    for (const l of r.latencies) all.push(l);
    errors += r.errors;
    accepted += r.ok;
    perRound.push({ rate, tps: b.tps, ratio: rate / b.tps });
    console.log(
      `round ${round}: repayments/s ${rate.toFixed(1)} (p50 ${pct(sorted, 0.5).toFixed(1)} ms, p99 ${pct(sorted, 0.99).toFixed(1)} ms, ` +
        `errors ${r.errors}) | pgbench tps ${b.tps.toFixed(1)} (latency avg ${b.latencyMs.toFixed(1)} ms) | ratio ${(rate / b.tps).toFixed(3)}`,
    );
    if (box0 !== null && box1 !== null && box2 !== null) {
      const perOp = (ms: number, n: number) => (ms / Math.max(1, n)).toFixed(2);
      console.log(
        `  cpu per operation: repayment ${perOp(box1 - box0, r.ok)} ms (server ${perOp(serverMs, r.ok)}, clients ${perOp(r.cpuMs, r.ok)}, ` +
          `postgres ${perOp(backendMs, r.ok)}, rest of the machine ${perOp(box1 - box0 - serverMs - r.cpuMs - backendMs, r.ok)}) | ` +
          `pgbench transaction ${perOp(box2 - box1, b.tps * seconds)} ms (all of it)`,
      );
    }
  }
  loadGenerator.send('exit');
  await once(loadGenerator, 'exit');
  await app.close();

  const ratios = perRound.map((r) => r.ratio);
  const rates = perRound.map((r) => r.rate);
  const tpss = perRound.map((r) => r.tps);
  const spread = (xs: number[], digits: number) => `${Math.min(...xs).toFixed(digits)}–${Math.max(...xs).toFixed(digits)}`;
  all.sort((a, b) => a - b);
  const p99 = pct(all, 0.99);
  console.log(
    `ratio median ${median(ratios).toFixed(3)} (spread ${spread(ratios, 3)} over ${rounds} rounds); ` +
      `repayments/s median ${median(rates).toFixed(1)} (${spread(rates, 1)}); pgbench tps median ${median(tpss).toFixed(1)} (${spread(tpss, 1)})`,
  );
  console.log(
    `latency over ${all.length} measured repayments: p50 ${pct(all, 0.5).toFixed(1)} ms, p99 ${p99.toFixed(1)} ms, max ${(all.at(-1) ?? 0).toFixed(1)} ms`,
  );

  // --- The books must still balance ------------------------------------------------------
  const totals = await sql<{ entries: string; debit: string; credit: string; unbalanced: string }>`
    SELECT count(DISTINCT entry_id)::text AS entries, coalesce(sum(debit), 0)::text AS debit, coalesce(sum(credit), 0)::text AS credit,
           (SELECT count(*) FROM (SELECT entry_id FROM journal_line GROUP BY entry_id HAVING sum(debit) <> sum(credit)) u)::text AS unbalanced
    FROM journal_line`.execute(database.db);
  const recorded = await sql<{ n: string }>`SELECT count(*)::text AS n FROM financing_repayment WHERE received_by = 'kasir'`.execute(
    database.db,
  );
  const t = totals.rows[0] as { entries: string; debit: string; credit: string; unbalanced: string };
  const balanced = t.debit === t.credit && t.unbalanced === '0';
  const allRecorded = Number(recorded.rows[0]?.n) === accepted + warmupAccepted;
  console.log(
    `trial balance: ${t.entries} entries, debits ${t.debit} ${balanced ? '=' : '≠'} credits ${t.credit}` +
      `${t.unbalanced === '0' ? '' : `, ${t.unbalanced} unbalanced entries`}: ${balanced ? 'balanced' : 'NOT BALANCED'}; ` +
      `repayments recorded ${recorded.rows[0]?.n} ${allRecorded ? '=' : '≠'} accepted ${accepted} + ${warmupAccepted} in the warm-up`,
  );
  await database.close();
  if (values.keep) console.log(`kept databases ${dbName} and ${pgbenchDbName} (drop them when done)`);
  for (const drop of cleanups.splice(0).reverse()) await drop();
  if (!balanced || !allRecorded || errors > 0 || accepted === 0) process.exitCode = 1;
  console.log(
    `repayments_per_s=${median(rates).toFixed(1)} pgbench_tps=${median(tpss).toFixed(1)} ratio=${median(ratios).toFixed(3)} ` +
      `p99_ms=${p99.toFixed(1)} errors=${errors}`,
  );
}
