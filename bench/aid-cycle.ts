// A payment cycle at size (issue 13): N households enrolled in KKS (default 1,000; the issue's
// figure is 1,000,000 on PostgreSQL), one head each, spread over the villages of Kabupaten
// Bandung, generated set-based in SQL (generate_series). Timed: computeCycle (per-unit
// programme: set-based INSERT … SELECT in chunks, each its own transaction), its re-run (must
// insert nothing), and approving the cycle and all its entitlements (one UPDATE, one entry).
// Same-run baseline: a COPY of the same N rows into a table of aid_entitlement's shape (LIKE …
// INCLUDING ALL: its checks, primary key, unique key and indexes; no foreign keys), from a file
// written beforehand: psql's \copy (COPY FROM STDIN) on PostgreSQL, COPY FROM '/dev/blob' on
// PGlite. Without psql the baseline is an INSERT … SELECT of the same rows, and the output says so.
// Each round opens a new cycle (another month) and repeats the COPY; the median ratio is printed.
// Usage: npm run bench:aid-cycle -- [--households N] [--rounds R] [--chunk C] [--pglite] [--keep]
// PostgreSQL from BENCH_DATABASE_URL, DATABASE_URL or TEST_DATABASE_URL (a fresh database beside
// it, dropped afterwards); PGlite (in memory) when none is set or with --pglite.
// Last line: households=N compute_s=S copy_s=C baseline=copy|insert_select rerun_inserted=0 rerun_s=R
//            approve_s=A peak_rss_mb=M ratio=S/C
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import pg from 'pg';
import pino from 'pino';
import { type Context, inTransaction } from '../src/context.ts';
import { businessDate, systemClock } from '../src/core/clock.ts';
import { addMonths, daysInMonth } from '../src/core/dates.ts';
import { type Database, openPglite, openPostgres } from '../src/db/database.ts';
import { migrate } from '../src/db/migrate.ts';
import { approveCycle, approveEntitlements, computeCycle, createCycle } from '../src/modules/aid/index.ts';
import { ACCOUNTS, createFund, creditBalancesOf } from '../src/modules/ledger/index.ts';
import { addOffice, createOrganisation } from '../src/modules/organisation/index.ts';
import { ensureRegionsLoaded } from '../src/modules/regions/index.ts';

const { values } = parseArgs({
  options: {
    households: { type: 'string', default: '1000' },
    rounds: { type: 'string', default: '1' },
    chunk: { type: 'string' },
    pglite: { type: 'boolean' },
    keep: { type: 'boolean' },
  },
});
const households = Number(values.households);
const rounds = Number(values.rounds);
const chunkSize = values.chunk ? Number(values.chunk) : undefined;
if (!Number.isSafeInteger(households) || households < 1) throw new Error('--households must be a whole number from 1');
const baseUrl = values.pglite ? undefined : (process.env.BENCH_DATABASE_URL ?? process.env.DATABASE_URL ?? process.env.TEST_DATABASE_URL);

let peakRss = process.memoryUsage().rss;
const sampler = setInterval(() => {
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
}, 50);
sampler.unref();
const seconds = (started: number) => (performance.now() - started) / 1000;
const median = (list: number[]) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)] as number;

let database: Database;
let dbName: string | null = null;
let dbUrl: string | null = null;
if (baseUrl) {
  dbName = `jaring_bench_aid_${Date.now()}`;
  const admin = new pg.Client({ connectionString: baseUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${dbName}`);
  await admin.end();
  const url = new URL(baseUrl);
  url.pathname = `/${dbName}`;
  dbUrl = url.toString();
  database = await openPostgres(dbUrl, 4);
} else database = await openPglite();
const dir = mkdtempSync(join(tmpdir(), 'jaring-bench-aid-'));
const psql = dbUrl !== null && spawnSync('psql', ['--version']).status === 0;
const baseline = dbUrl === null || psql ? 'copy' : 'insert_select';

let lastLine = '';
try {
  await migrate(database);
  await ensureRegionsLoaded(database);
  const context = (name: string): Context => ({
    database,
    db: database.db,
    actor: { kind: 'system', name },
    clock: systemClock,
    log: pino({ level: 'silent' }),
    locale: 'id',
  });
  // A maker and a checker: two actors, so the maker-checker rule lets the second approve.
  const maker = context('bench-maker');
  const checker = context('bench-checker');
  await inTransaction(maker, async (tx) => {
    await createOrganisation(tx, maker, { name: 'Bench' });
    await addOffice(tx, maker, { code: 'BENCH01', name: 'Bench', kind: 'head', regionCode: '32.04', coveredRegionCodes: ['32.04'] });
  });
  await createFund(maker, {
    code: 'BANSOS',
    name: 'Bansos',
    kind: 'stimulus',
    source: 'bench',
    officeCode: 'BENCH01',
    initialCapital: '0',
    cashAccount: ACCOUNTS.bankCash,
  });
  const db = database.db;
  await sql`UPDATE aid_programme SET fund_id = (SELECT id FROM fund WHERE code = 'BANSOS') WHERE code = 'kks'`.execute(db);

  const generating = performance.now();
  await sql`CREATE TEMP TABLE bench_village AS
            SELECT code, row_number() OVER (ORDER BY code) - 1 AS k FROM region WHERE code LIKE '32.04.__.____'`.execute(db);
  const villages = Number((await sql<{ n: number }>`SELECT count(*)::int AS n FROM bench_village`.execute(db)).rows[0]?.n);
  // Rows written one after another over time lie in id order (UUIDv7); one statement gives them one
  // millisecond and random tails, so each table is written in id order, as the compute walks enrolments.
  await sql`
    INSERT INTO household (id, kk_number, village_code, welfare_decile, has_kks)
    SELECT * FROM (SELECT jaring_uuidv7() AS id, '97' || lpad(g::text, 14, '0'), v.code, 1 + g % 4, true
                   FROM generate_series(0, ${households - 1}) g JOIN bench_village v ON v.k = g % ${villages}) x ORDER BY id`.execute(db);
  await sql`
    INSERT INTO person (id, nik, full_name, sex, birth_date, household_id, relation, village_code)
    SELECT * FROM (SELECT jaring_uuidv7() AS id, '96' || substr(h.kk_number, 3), 'Kepala ' || substr(h.kk_number, 11), 'F',
                          '1980-01-01'::date + (substr(h.kk_number, 12)::int % 3000), h.id AS household_id, 'head', h.village_code
                   FROM household h WHERE h.kk_number LIKE '97%') x ORDER BY id`.execute(db);
  await sql`
    INSERT INTO aid_enrolment (id, programme_id, household_id, unit_household_id, village_code, recipient_id, channel, account,
                               status, enrolled_on)
    SELECT * FROM (SELECT jaring_uuidv7() AS id, (SELECT id FROM aid_programme WHERE code = 'kks') AS programme_id, h.id AS household_id, h.id AS unit,
                          h.village_code, p.id AS recipient, 'bank', '55' || substr(h.kk_number, 9), 'enrolled', '2025-01-01'::date
                   FROM household h JOIN person p ON p.household_id = h.id WHERE h.kk_number LIKE '97%') x ORDER BY id`.execute(db);
  await sql`ANALYZE`.execute(db);
  console.log(`generated ${households} enrolled households in ${villages} villages in ${seconds(generating).toFixed(1)} s`);

  // The baseline table and the rows it copies: what a compute writes, one per enrolment.
  await sql`CREATE TABLE bench_copy (LIKE aid_entitlement INCLUDING ALL)`.execute(db);
  const columns =
    'id, cycle_id, enrolment_id, unit_household_id, person_id, village_code, recipient_id, channel, account, amount, components, created_at, updated_at';
  const rowsOf = (cycleId: string) =>
    `SELECT jaring_uuidv7(), '${cycleId}'::uuid, e.id, e.unit_household_id, e.person_id, e.village_code, e.recipient_id, e.channel, e.account,
            200000, jsonb_build_array(jsonb_build_object('member', e.recipient_id::text, 'category', 'family', 'amount', '200000')), now(), now()
     FROM aid_enrolment e WHERE e.status = 'enrolled' ORDER BY e.id`;
  const copyBaseline = async (cycleId: string): Promise<number> => {
    await sql`TRUNCATE bench_copy`.execute(db);
    const file = join(dir, 'entitlements.csv');
    if (database.pglite) {
      const written = await database.pglite.query(`COPY (${rowsOf(cycleId)}) TO '/dev/blob' WITH (FORMAT csv)`);
      const blob = written.blob as Blob;
      const started = performance.now();
      await database.pglite.query(`COPY bench_copy (${columns}) FROM '/dev/blob' WITH (FORMAT csv)`, [], { blob });
      return seconds(started);
    }
    if (psql) {
      const run = (command: string) => {
        const done = spawnSync('psql', ['-X', '-q', '-v', 'ON_ERROR_STOP=1', '-c', command, dbUrl as string], { stdio: 'inherit' });
        if (done.status !== 0) throw new Error(`psql exited ${done.status ?? done.error}`);
      };
      run(`\\copy (${rowsOf(cycleId).replace(/\s+/g, ' ')}) TO '${file}' WITH (FORMAT csv)`);
      const started = performance.now();
      run(`\\copy bench_copy (${columns}) FROM '${file}' WITH (FORMAT csv)`);
      return seconds(started);
    }
    const started = performance.now();
    await sql.raw(`INSERT INTO bench_copy (${columns}) ${rowsOf(cycleId)}`).execute(db);
    return seconds(started);
  };

  const computeTimes: number[] = [];
  const copyTimes: number[] = [];
  const ratios: number[] = [];
  let cycleId = '';
  const firstMonth = addMonths(businessDate(systemClock).slice(0, 7), -rounds);
  for (let round = 0; round < rounds; round++) {
    const month = addMonths(firstMonth, round);
    const last = daysInMonth(Number(month.slice(0, 4)), Number(month.slice(5, 7)));
    const cycle = await createCycle(maker, 'kks', { name: `KKS ${month}`, periodStart: `${month}-01`, periodEnd: `${month}-${last}` });
    cycleId = cycle.id;
    const copied = await copyBaseline(cycle.id);
    let reported = 0;
    const started = performance.now();
    const result = await computeCycle(maker, cycle.id, {
      chunkSize,
      onProgress: (done, total) => {
        if (done - reported >= total / 10 || done === total) {
          reported = done;
          process.stdout.write(`\r  computing ${done}/${total}`);
        }
      },
    });
    const computed = seconds(started);
    process.stdout.write('\n');
    if (result.inserted !== households || result.computeState !== 'computed') throw new Error(`compute inserted ${result.inserted}`);
    computeTimes.push(computed);
    copyTimes.push(copied);
    ratios.push(computed / copied);
    console.log(
      `round ${round + 1}: compute ${computed.toFixed(2)} s, ${baseline} ${copied.toFixed(2)} s, ratio ${(computed / copied).toFixed(2)}`,
    );
  }

  const rerunStarted = performance.now();
  const rerun = await computeCycle(maker, cycleId, { chunkSize });
  const rerunSeconds = seconds(rerunStarted);
  if (rerun.inserted !== 0 || rerun.total !== households) throw new Error(`the re-run inserted ${rerun.inserted}`);
  console.log(`re-run: inserted=${rerun.inserted} of ${rerun.total} in ${rerunSeconds.toFixed(2)} s`);

  const approveStarted = performance.now();
  await approveCycle(checker, cycleId);
  const approved = await approveEntitlements(checker, cycleId, { all: true });
  const approveSeconds = seconds(approveStarted);
  const owed = BigInt(households) * 200_000n;
  const payable = (await creditBalancesOf(db, ACCOUNTS.aidPayable, businessDate(systemClock))).reduce(
    (sum, row) => sum + BigInt(row.balance),
    0n,
  );
  if (approved.approved !== households || BigInt(approved.amount) !== owed || payable !== owed)
    throw new Error(`approved ${approved.approved} for ${approved.amount}, owed on the ledger ${payable}`);
  console.log(
    `approved the cycle and ${approved.approved} entitlements (Rp${approved.amount} owed on the fund) in ${approveSeconds.toFixed(2)} s`,
  );

  // payments: instructions + reconcile measured here
  // (createInstructionBatch / writeInstructionFile streamed to a file, peak RSS; reconcile of N confirmation lines),
  // on the approved cycle `cycleId` as `checker` / `maker`; add their figures to the last line before ratio=.

  lastLine = `households=${households} compute_s=${median(computeTimes).toFixed(2)} copy_s=${median(copyTimes).toFixed(2)} baseline=${baseline} rerun_inserted=${rerun.inserted} rerun_s=${rerunSeconds.toFixed(2)} approve_s=${approveSeconds.toFixed(2)} peak_rss_mb=${Math.round(Math.max(peakRss, process.memoryUsage().rss) / 1048576)} ratio=${median(ratios).toFixed(2)}`;
} finally {
  clearInterval(sampler);
  await database.close();
  rmSync(dir, { recursive: true, force: true });
  if (dbName && baseUrl) {
    if (values.keep) console.log(`kept database ${dbName}`);
    else {
      const cleanup = new pg.Client({ connectionString: baseUrl });
      await cleanup.connect();
      await cleanup.query(`DROP DATABASE ${dbName} WITH (FORCE)`);
      await cleanup.end();
    }
  }
}
console.log(lastLine);
