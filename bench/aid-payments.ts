// Payment instructions and reconciliation of one approved cycle, measured (issue 13: "writing
// the instruction files streams with peak memory under 400 MB; reconciling 1,000,000
// confirmation lines under 60 s").
//
// measurePayments(ctx, cycleId): one batch per channel (createInstructionBatch), each file
// written to a sink that only counts bytes (writeInstructionFile; peak RSS of this process
// sampled while writing), then a confirmation file for every instruction (one in `failEvery`
// failed, the rest paid) generated page by page from the database and reconciled, then the same
// file reconciled again (a replay: everything duplicate or unchanged, nothing moves). Times and
// memory printed, not asserted. bench/aid-cycle.ts (cycles) calls it on a computed and approved cycle.
//
// Standalone, on PostgreSQL: `node --import tsx bench/aid-payments.ts [--households N] [--keep]`
// (default 100,000): the demo, then N households with a head each in the Yogyakarta demo villages,
// enrolled, and an approved cycle of Rp200.000 each (87% giro pos, 7% e-money, 7% bank),
// generated set-based in SQL like the seed of src/testing/aid-fixtures.ts (until cycles land).
// Last line: instructions=N create_ms=… write_ms=… peak_rss_mb=… lines=… reconcile_ms=… replay_ms=…
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import pg from 'pg';
import pino from 'pino';
import { type Context, inTransaction } from '../src/context.ts';
import { businessDate, systemClock } from '../src/core/clock.ts';
import { AppError } from '../src/core/errors.ts';
import { openPostgres } from '../src/db/database.ts';
import { migrate } from '../src/db/migrate.ts';
import { createInstructionBatch, reconcile, writeInstructionFile } from '../src/modules/aid/index.ts';
import { fillDemo } from '../src/modules/demo/index.ts';
import { ACCOUNTS, postEntry } from '../src/modules/ledger/index.ts';
import { ensureRegionsLoaded } from '../src/modules/regions/index.ts';
import { createFundedProgramme } from '../src/testing/aid-fixtures.ts';

const CHANNELS = ['giro_pos', 'lkd', 'bank'] as const;
type Channel = (typeof CHANNELS)[number];

export type PaymentMeasures = {
  batches: { channel: Channel; batchId: string; instructions: number; total: string; createMs: number; writeMs: number; bytes: number }[];
  instructions: number;
  createMs: number;
  writeMs: number;
  peakRssMb: number;
  lines: number;
  reconcileMs: number;
  replayMs: number;
  /** Two set-based UPDATEs writing the same instructions and entitlements once (rolled back): the floor reconcile is compared to. */
  baselineMs: number;
  counts: Record<string, number>;
  replayCounts: Record<string, number>;
  paidTotal: string;
};

const mb = (bytes: number) => Math.round(bytes / 1024 / 1024);

/** Samples this process's resident memory until stopped; answers the peak seen. */
function rssSampler() {
  let peak = process.memoryUsage.rss();
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage.rss());
  }, 20);
  return {
    sample: () => {
      peak = Math.max(peak, process.memoryUsage.rss());
    },
    stop: () => {
      clearInterval(timer);
      return Math.max(peak, process.memoryUsage.rss());
    },
  };
}

/**
 * The confirmation file of every instruction of the cycle still waiting (status instructed), in
 * pieces of whole lines read a page at a time: never the whole file in memory.
 */
async function* confirmationOf(ctx: Context, cycleId: string, channel: Channel, failEvery: number, date: string) {
  yield 'reference,status,date,channel_reference,amount';
  let after = '';
  let n = 0;
  for (;;) {
    const { rows } = await sql<{ reference: string; amount: string }>`
      SELECT i.reference, i.amount::text AS amount FROM aid_instruction i JOIN aid_instruction_batch b ON b.id = i.batch_id
      WHERE b.cycle_id = ${cycleId} AND b.channel = ${channel} AND i.status = 'instructed' AND i.reference > ${after}
      ORDER BY i.reference LIMIT 10000`.execute(ctx.db);
    if (rows.length === 0) return;
    yield rows.map((row) => `${row.reference},${++n % failEvery === 0 ? 'failed' : 'paid'},${date},CH${n},${row.amount}`).join('\n');
    after = rows[rows.length - 1]?.reference ?? after;
  }
}

/** Instructs, writes and reconciles every channel of an approved cycle, printing what it measures. */
export async function measurePayments(
  ctx: Context,
  cycleId: string,
  options: { failEvery?: number; log?: (line: string) => void } = {},
): Promise<PaymentMeasures> {
  const log = options.log ?? console.log;
  const failEvery = options.failEvery ?? 50;
  const batches: PaymentMeasures['batches'] = [];
  for (const channel of CHANNELS) {
    const started = performance.now();
    try {
      const batch = await createInstructionBatch(ctx, cycleId, channel);
      batches.push({
        channel,
        batchId: batch.id,
        instructions: batch.instructionCount,
        total: batch.total,
        createMs: performance.now() - started,
        writeMs: 0,
        bytes: 0,
      });
      log(`  batch ${channel}: ${batch.instructionCount} instructions, Rp${batch.total}, ${(performance.now() - started).toFixed(0)} ms`);
    } catch (error) {
      if (!(error instanceof AppError) || error.code !== 'aid.nothing_to_instruct') throw error;
      log(`  batch ${channel}: nothing to instruct`);
    }
  }

  const rssBefore = process.memoryUsage.rss();
  const rss = rssSampler();
  for (const batch of batches) {
    const started = performance.now();
    await writeInstructionFile(ctx, batch.batchId, (chunk) => {
      batch.bytes += Buffer.byteLength(chunk);
      rss.sample();
    });
    batch.writeMs = performance.now() - started;
    log(`  file ${batch.channel}: ${mb(batch.bytes)} MB in ${batch.writeMs.toFixed(0)} ms`);
  }
  const peak = rss.stop();
  log(`  peak RSS while writing the files: ${mb(peak)} MB (before: ${mb(rssBefore)} MB)`);

  const date = businessDate(ctx.clock);
  let lines = 0;
  let reconcileMs = 0;
  let replayMs = 0;
  const counts: Record<string, number> = {};
  const replayCounts: Record<string, number> = {};
  let paidTotal = 0n;
  const add = (into: Record<string, number>, from: Record<string, number>) => {
    for (const [key, value] of Object.entries(from)) into[key] = (into[key] ?? 0) + value;
  };
  for (const batch of batches) {
    // The whole confirmation of the channel, kept as pieces of the database's pages for the replay.
    const pieces: string[] = [];
    for await (const piece of confirmationOf(ctx, cycleId, batch.channel, failEvery, date)) pieces.push(piece);
    const started = performance.now();
    const result = await reconcile(ctx, cycleId, { channel: batch.channel, fileName: `bench-${batch.channel}.csv`, lines: pieces });
    const ms = performance.now() - started;
    reconcileMs += ms;
    lines += result.lineCount;
    add(counts, result.counts);
    paidTotal += BigInt(result.paidTotal);
    log(`  reconcile ${batch.channel}: ${result.lineCount} lines in ${ms.toFixed(0)} ms ${JSON.stringify(result.counts)}`);
    const replayStarted = performance.now();
    const replay = await reconcile(ctx, cycleId, { channel: batch.channel, fileName: `bench-${batch.channel}.csv`, lines: pieces });
    const replayOne = performance.now() - replayStarted;
    replayMs += replayOne;
    add(replayCounts, replay.counts);
    log(`  replay ${batch.channel}: ${replayOne.toFixed(0)} ms ${JSON.stringify(replay.counts)} paid ${replay.paidTotal}`);
  }
  // Same-run baseline: the least the database can do to write the same rows once, two set-based
  // statements over the whole cycle (each instruction and entitlement back to instructed), rolled back.
  const baselineStarted = performance.now();
  const rollback = new Error('rollback');
  await inTransaction(ctx, async (tx) => {
    await sql`UPDATE aid_instruction i SET status = 'instructed', settled_on = NULL, updated_at = now() FROM aid_instruction_batch b
              WHERE b.id = i.batch_id AND b.cycle_id = ${cycleId} AND i.status <> 'instructed'`.execute(tx);
    await sql`UPDATE aid_entitlement SET status = 'instructed', paid_on = NULL, updated_at = now()
              WHERE cycle_id = ${cycleId} AND status IN ('paid', 'failed')`.execute(tx);
    throw rollback;
  }).catch((error) => {
    if (error !== rollback) throw error;
  });
  const baselineMs = performance.now() - baselineStarted;
  log(
    `  baseline, two set-based UPDATEs of the same rows: ${baselineMs.toFixed(0)} ms; reconcile / baseline = ${(reconcileMs / baselineMs).toFixed(1)}`,
  );
  const instructions = batches.reduce((sum, b) => sum + b.instructions, 0);
  return {
    baselineMs,
    batches,
    instructions,
    createMs: batches.reduce((sum, b) => sum + b.createMs, 0),
    writeMs: batches.reduce((sum, b) => sum + b.writeMs, 0),
    peakRssMb: mb(peak),
    lines,
    reconcileMs,
    replayMs,
    counts,
    replayCounts,
    paidTotal: paidTotal.toString(),
  };
}

/** N enrolled households and an approved cycle of Rp200.000 each, set-based (until cycles land: the cycle service replaces this). */
async function seedBulkCycle(ctx: Context, households: number): Promise<string> {
  const { programmeId } = await createFundedProgramme(ctx, { code: 'bench_bayar', fundCode: 'BANSOS-BENCH', officeCode: 'YK01' });
  const db = ctx.db;
  const today = businessDate(ctx.clock);
  await sql`
    CREATE TEMP TABLE bench_unit AS
    SELECT g, v.code AS village_code, gen_random_uuid() AS household_id, gen_random_uuid() AS person_id,
           CASE WHEN g % 15 = 0 THEN 'lkd' WHEN g % 15 = 1 THEN 'bank' ELSE 'giro_pos' END AS channel
    FROM generate_series(1, ${households}) g
    JOIN (SELECT code, row_number() OVER (ORDER BY code) - 1 AS k FROM region WHERE code LIKE '34.71.__.____') v
      ON v.k = g % (SELECT count(*) FROM region WHERE code LIKE '34.71.__.____')`.execute(db);
  await sql`
    INSERT INTO household (id, kk_number, village_code)
    SELECT household_id, '97' || lpad(g::text, 14, '0'), village_code FROM bench_unit`.execute(db);
  await sql`
    INSERT INTO person (id, nik, full_name, sex, birth_date, household_id, relation, village_code)
    SELECT person_id, '97' || lpad(g::text, 14, '0'), 'Penerima ' || g, CASE WHEN g % 2 = 0 THEN 'F' ELSE 'M' END,
           '1980-01-01'::date + (g % 9000), household_id, 'head', village_code FROM bench_unit`.execute(db);
  await sql`
    INSERT INTO aid_enrolment (id, programme_id, household_id, unit_household_id, village_code, recipient_id, channel, account, status, enrolled_on)
    SELECT gen_random_uuid(), ${programmeId}, household_id, household_id, village_code, person_id, channel,
           CASE channel WHEN 'lkd' THEN '0812' || lpad(g::text, 8, '0') ELSE '10' || lpad(g::text, 10, '0') END, 'enrolled', ${today}
    FROM bench_unit`.execute(db);
  const cycleId = (
    await sql<{ id: string }>`
      INSERT INTO aid_cycle (id, programme_id, name, period_start, period_end, status, compute_state, computed_at,
                             created_by, created_by_name, approved_by, approved_by_name, approved_at)
      VALUES (gen_random_uuid(), ${programmeId}, 'Bench Januari 2025', '2025-01-01', '2025-01-31', 'approved', 'computed', now(),
              'bench', 'Bench', 'bench-checker', 'Bench checker', now())
      RETURNING id::text AS id`.execute(db)
  ).rows[0]?.id as string;
  await sql`
    INSERT INTO aid_entitlement (id, cycle_id, enrolment_id, unit_household_id, village_code, recipient_id, channel, account, amount,
                                 status, approved_by, approved_at)
    SELECT gen_random_uuid(), ${cycleId}, e.id, e.unit_household_id, e.village_code, e.recipient_id, e.channel, e.account, 200000,
           'approved', 'bench-checker', now()
    FROM aid_enrolment e WHERE e.programme_id = ${programmeId}`.execute(db);
  const fund = (
    await sql<{ id: string; office_id: string }>`
      SELECT f.id::text AS id, f.office_id::text AS office_id FROM fund f JOIN aid_programme p ON p.fund_id = f.id WHERE p.id = ${programmeId}`.execute(
      db,
    )
  ).rows[0] as { id: string; office_id: string };
  const total = BigInt(households) * 200_000n;
  await inTransaction(ctx, (tx) =>
    postEntry(tx, ctx, {
      officeId: fund.office_id,
      entryDate: today,
      memo: 'Hak bantuan disetujui: Bench Januari 2025',
      source: { type: 'aid_cycle', id: cycleId },
      lines: [
        { accountCode: ACCOUNTS.aidExpense, debit: total, fundId: fund.id },
        { accountCode: ACCOUNTS.aidPayable, credit: total, fundId: fund.id },
      ],
    }),
  );
  await sql`ANALYZE`.execute(db);
  return cycleId;
}

async function main() {
  const { values } = parseArgs({ options: { households: { type: 'string', default: '100000' }, keep: { type: 'boolean' } } });
  const households = Number(values.households);
  const baseUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const dbName = `jaring_bench_pay_${Date.now()}`;
  const admin = new pg.Client({ connectionString: baseUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${dbName}`);
  await admin.end();
  const url = new URL(baseUrl);
  url.pathname = `/${dbName}`;
  let lastLine = '';
  const database = await openPostgres(url.toString(), 4);
  try {
    await migrate(database);
    await ensureRegionsLoaded(database);
    const ctx: Context = {
      database,
      db: database.db,
      actor: { kind: 'system', name: 'bench' },
      clock: systemClock,
      log: pino({ level: 'silent' }),
      locale: 'id',
    };
    await fillDemo(ctx);
    const generating = performance.now();
    const cycleId = await seedBulkCycle(ctx, households);
    console.log(
      `generated ${households} enrolled households and their approved entitlements in ${((performance.now() - generating) / 1000).toFixed(1)} s`,
    );
    const m = await measurePayments(ctx, cycleId);
    const ledger = await sql<{ code: string; debit: string; credit: string }>`
      SELECT account_code AS code, sum(debit)::text AS debit, sum(credit)::text AS credit FROM journal_line
      WHERE account_code IN (${ACCOUNTS.aidPayable}, ${ACCOUNTS.bankCash}) AND fund_id IN (SELECT fund_id FROM aid_programme WHERE code = 'bench_bayar')
      GROUP BY account_code ORDER BY account_code`.execute(database.db);
    console.log(`ledger of the fund: ${JSON.stringify(ledger.rows)}; paid ${m.paidTotal}`);
    if (m.replayCounts.paid || m.replayCounts.failed || m.replayCounts.returned) throw new Error('the replay applied lines');
    lastLine =
      `instructions=${m.instructions} create_ms=${m.createMs.toFixed(0)} write_ms=${m.writeMs.toFixed(0)} peak_rss_mb=${m.peakRssMb} ` +
      `lines=${m.lines} reconcile_ms=${m.reconcileMs.toFixed(0)} replay_ms=${m.replayMs.toFixed(0)} baseline_ms=${m.baselineMs.toFixed(0)} ` +
      `ratio=${(m.reconcileMs / m.baselineMs).toFixed(1)}`;
  } finally {
    await database.close();
    if (values.keep) console.log(`kept database ${dbName}`);
    else {
      const cleanup = new pg.Client({ connectionString: baseUrl });
      await cleanup.connect();
      await cleanup.query(`DROP DATABASE ${dbName} WITH (FORCE)`);
      await cleanup.end();
    }
  }
  console.log(lastLine);
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
