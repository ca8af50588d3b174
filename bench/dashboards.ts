// The dashboards (issue 15 §7) at size on PostgreSQL: N persons (default 1,000,000) in the villages
// of Kota Yogyakarta, N/5 financings of twelve monthly instalments disbursed over two years and
// repaid on their due dates (2.4M repayments at the default size, each a journal entry of three
// lines: 7M journal lines), generated set-based in SQL.
// Close of day fills the monthly aggregates once (timed and printed apart); then each dashboard
// (portfolio, aid, jkn, health, partnerships) is read for the last 12 months, for the whole
// organisation and for office YK01, as the system actor — the reads touch the aggregates only,
// never the journal or the repayments, so their time does not grow with the journal.
// Same-run baseline: reading one region row by its key (the cheapest indexed read), interleaved.
// Usage: npm run bench:dashboards -- [--persons N] [--rounds R] [--keep]
// Last line: persons=N financings=F repayments=R journal_lines=L refresh_ms=… <subject>_p95_ms=… baseline_p95_ms=B ratio=max_p95/B
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import pg from 'pg';
import pino from 'pino';
import type { Context } from '../src/context.ts';
import { fixedClock } from '../src/core/clock.ts';
import { openPostgres } from '../src/db/database.ts';
import { migrate } from '../src/db/migrate.ts';
import { DASHBOARD_SUBJECTS } from '../src/modules/dashboards/dashboards.rules.ts';
import { getDashboard } from '../src/modules/dashboards/dashboards.service.ts';
import { refreshDashboards } from '../src/modules/dashboards/index.ts';
import { fillDemo } from '../src/modules/demo/index.ts';
import { defineProduct } from '../src/modules/financing/lifecycle.service.ts';
import { createFund } from '../src/modules/ledger/index.ts';
import { ensureRegionsLoaded } from '../src/modules/regions/index.ts';
import { BULK_FLAT_PRODUCT, BULK_FUND } from '../src/testing/financing-fixtures.ts';

const { values } = parseArgs({
  options: { persons: { type: 'string', default: '1000000' }, rounds: { type: 'string', default: '30' }, keep: { type: 'boolean' } },
});
const persons = Number(values.persons);
const rounds = Number(values.rounds);
const TODAY = '2026-03-20';
const baseUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const dbName = `jaring_bench_dashboards_${Date.now()}`;
const admin = new pg.Client({ connectionString: baseUrl });
await admin.connect();
await admin.query(`CREATE DATABASE ${dbName}`);
await admin.end();
const url = new URL(baseUrl);
url.pathname = `/${dbName}`;

const percentile = (list: number[], p: number) => {
  const sorted = [...list].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] as number;
};

const database = await openPostgres(url.toString(), 4);
let lastLine = '';
try {
  await migrate(database);
  await ensureRegionsLoaded(database);
  const ctx: Context = {
    database,
    db: database.db,
    actor: { kind: 'system', name: 'bench' },
    clock: fixedClock(new Date(`${TODAY}T03:00:00Z`)),
    log: pino({ level: 'silent' }),
    locale: 'id',
  };
  await fillDemo(ctx);
  await defineProduct(ctx, BULK_FLAT_PRODUCT);
  await createFund(ctx, BULK_FUND);
  const db = database.db;
  const generating = performance.now();
  await sql`CREATE TEMP TABLE bench_village AS SELECT code, row_number() OVER (ORDER BY code) - 1 AS k FROM region WHERE code LIKE '34.71.__.____'`.execute(
    db,
  );
  await sql`
    INSERT INTO household (id, kk_number, village_code)
    SELECT gen_random_uuid(), '98' || lpad(h::text, 14, '0'), v.code FROM generate_series(0, ${Math.ceil(persons / 4) - 1}) h
    JOIN bench_village v ON v.k = h % (SELECT count(*) FROM bench_village)`.execute(db);
  await sql`
    INSERT INTO person (id, nik, full_name, sex, birth_date, household_id, relation, village_code)
    SELECT gen_random_uuid(), '99' || lpad(g::text, 14, '0'), 'Anggota ' || g, CASE WHEN g % 2 = 0 THEN 'F' ELSE 'M' END,
           ('1960-01-01'::date + (g % 15000)), h.id, CASE WHEN g % 4 = 0 THEN 'head' ELSE 'child' END, h.village_code
    FROM generate_series(0, ${persons - 1}) g JOIN household h ON h.kk_number = '98' || lpad((g / 4)::text, 14, '0')`.execute(db);
  await sql`
    INSERT INTO financing (id, number, person_id, office_id, region_code, fund_id, product_id, status, principal, installments,
                           purpose, applied_on, created_by_name, disbursed_on, disbursement_method, first_due_date,
                           outstanding_principal, outstanding_profit, days_past_due, quality_class)
    SELECT gen_random_uuid(), 'D-' || p.g, p.id, f.office_id, p.village_code, f.id, pr.id, 'disbursed', 6000000, 12,
           'bench', d.disbursed - 10, 'bench', d.disbursed, 'transfer', (d.disbursed + interval '1 month')::date,
           6000000 - 500000 * least(12, (${TODAY}::date - d.disbursed) / 30), 0, CASE WHEN p.g % 20 = 0 THEN 45 ELSE 0 END,
           CASE WHEN p.g % 20 = 0 THEN 2 ELSE 1 END
    FROM (SELECT id, village_code, substr(nik, 3)::bigint AS g FROM person WHERE nik LIKE '99%' AND substr(nik, 3)::bigint % 5 = 0) p
    CROSS JOIN LATERAL (SELECT (${TODAY}::date - 730 + (p.g / 5 % 700)::int) AS disbursed) d
    CROSS JOIN (SELECT id, office_id FROM fund WHERE code = 'BENCH') f
    CROSS JOIN (SELECT id FROM financing_product WHERE code = 'BENCH') pr`.execute(db);
  // The repayments and their journal, as the counter posts them: one entry per repayment, three lines
  // (cash in; principal and profit out of the receivable and into income), so that the journal has
  // its size (3 lines per repayment) although the dashboards never read it.
  await sql`
    CREATE TEMP TABLE bench_repayment AS
    SELECT gen_random_uuid() AS id, f.id AS financing_id, f.office_id, (f.disbursed_on + make_interval(months => n))::date AS paid_on
    FROM financing f CROSS JOIN generate_series(1, 12) n
    WHERE f.number LIKE 'D-%' AND (f.disbursed_on + make_interval(months => n))::date <= ${TODAY}::date`.execute(db);
  await db.transaction().execute(async (trx) => {
    await sql`
      INSERT INTO journal_entry (id, office_id, entry_date, memo, source_type, created_by)
      SELECT id, office_id, paid_on, 'bench', 'bench', 'bench' FROM bench_repayment`.execute(trx);
    await sql`
      INSERT INTO journal_line (entry_id, line_no, account_code, office_id, entry_date, debit, credit)
      SELECT r.id, l.n, l.code, r.office_id, r.paid_on, l.debit, l.credit FROM bench_repayment r
      CROSS JOIN (VALUES (1::smallint, '1.1.01', 550000::bigint, 0::bigint), (2::smallint, '1.2.01', 0::bigint, 500000::bigint),
                         (3::smallint, '4.1.01', 0::bigint, 50000::bigint)) l(n, code, debit, credit)`.execute(trx);
  });
  await sql`
    INSERT INTO financing_repayment (id, financing_id, paid_on, amount, principal, profit, penalty, allocation, channel, received_by, journal_entry_id)
    SELECT id, financing_id, paid_on, 550000, 500000, 50000, 0, '[]'::jsonb, 'counter', 'bench', id FROM bench_repayment`.execute(db);
  await sql`ANALYZE`.execute(db);
  const counts = (
    await sql<{
      f: string;
      r: string;
      l: string;
    }>`SELECT (SELECT count(*) FROM financing)::text AS f, (SELECT count(*) FROM financing_repayment)::text AS r,
              (SELECT count(*) FROM journal_line)::text AS l`.execute(db)
  ).rows[0] as { f: string; r: string; l: string };
  console.log(
    `generated in ${Math.round(performance.now() - generating)} ms: ${counts.f} financings, ${counts.r} repayments, ${counts.l} journal lines`,
  );

  // Close of day's dashboards step: the month, and the twelve months before it (their first fill).
  let started = performance.now();
  await refreshDashboards(db, TODAY);
  const backfillMs = Math.round(performance.now() - started);
  started = performance.now();
  await refreshDashboards(db, TODAY);
  const refreshMs = Math.round(performance.now() - started);
  console.log(`dashboards filled: first close of day ${backfillMs} ms (12 months back), a later close of day ${refreshMs} ms`);

  const reads = DASHBOARD_SUBJECTS.flatMap((subject) => [
    { name: subject, run: () => getDashboard(ctx, subject, {}) },
    { name: `${subject}_office`, run: () => getDashboard(ctx, subject, { office: 'YK01' }) },
  ]);
  const baseline = () => sql`SELECT name FROM region WHERE code = '34.71.01.1001'`.execute(db);
  const ms = new Map<string, number[]>(reads.map((r) => [r.name, []]));
  const base: number[] = [];
  for (const r of reads) await r.run(); // warm-up
  for (let i = 0; i < rounds; i++) {
    for (const r of reads) {
      let t = performance.now();
      await baseline();
      base.push(performance.now() - t);
      t = performance.now();
      await r.run();
      ms.get(r.name)?.push(performance.now() - t);
    }
  }
  const p95s = reads.map((r) => [r.name, percentile(ms.get(r.name) ?? [], 95)] as const);
  const basePct = percentile(base, 95);
  for (const [name, p95] of p95s) console.log(`${name.padEnd(22)} p95 ${p95.toFixed(2)} ms`);
  console.log(`baseline (one region row by key) p95 ${basePct.toFixed(2)} ms`);
  const worst = Math.max(...p95s.map(([, p]) => p));
  lastLine = `persons=${persons} financings=${counts.f} repayments=${counts.r} journal_lines=${counts.l} refresh_ms=${refreshMs} ${p95s
    .map(([n, p]) => `${n}_p95_ms=${p.toFixed(2)}`)
    .join(' ')} baseline_p95_ms=${basePct.toFixed(2)} ratio=${(worst / Math.max(basePct, 0.001)).toFixed(1)}`;
} finally {
  await database.close();
  if (!values.keep) {
    const cleanup = new pg.Client({ connectionString: baseUrl });
    await cleanup.connect();
    await cleanup.query(`DROP DATABASE IF EXISTS ${dbName}`);
    await cleanup.end();
  }
}
console.log(lastLine);
