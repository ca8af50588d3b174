// The health programme's link to finance at portfolio size, on PostgreSQL: the members-at-risk
// list and the repayment comparison (12 months) over N persons (default 1,000,000) and N/5
// financings (200,000), each financing twelve monthly instalments of which a twentieth fall
// into arrears and a tenth are paid ten days late; a fifth of the persons had an encounter in
// the last year, one borrower in fifty is ill or recovering. Generated set-based in SQL; only
// the use cases are timed (as the system actor: every office).
// The comparison's first request builds the monthly facts (printed apart); the timed rounds
// read them, as every request does until a financing or a care event changes.
// Same-run baseline: the illness status of 200 members (GET /health/status's work, the
// cheapest health read beside a financing screen).
// Usage: npm run bench:health -- [--persons N] [--rounds R] [--months M] [--keep]
// Last line: persons=N financings=F at_risk_p50_ms=… at_risk_p95_ms=… comparison_p50_ms=…
//            comparison_p95_ms=… status_p95_ms=B ratio=comparison_p95/B
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import pg from 'pg';
import pino from 'pino';
import type { Context } from '../src/context.ts';
import { fixedClock } from '../src/core/clock.ts';
import { openPostgres } from '../src/db/database.ts';
import { migrate } from '../src/db/migrate.ts';
import { fillDemo } from '../src/modules/demo/index.ts';
import { defineProduct } from '../src/modules/financing/lifecycle.service.ts';
import {
  healthStatus,
  membersAtRisk,
  repaymentComparison,
  repaymentComparisonRebuilt,
} from '../src/modules/health/finance-link.service.ts';
import { createFund } from '../src/modules/ledger/index.ts';
import { ensureRegionsLoaded } from '../src/modules/regions/index.ts';
import { BULK_FLAT_PRODUCT, BULK_FUND } from '../src/testing/financing-fixtures.ts';

const { values } = parseArgs({
  options: {
    persons: { type: 'string', default: '1000000' },
    rounds: { type: 'string', default: '20' },
    months: { type: 'string', default: '12' },
    keep: { type: 'boolean' },
  },
});
const persons = Number(values.persons);
const financings = Math.floor(persons / 5);
const rounds = Number(values.rounds);
const months = Number(values.months);
const TODAY = '2026-03-20';
const baseUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const dbName = `jaring_bench_health_${Date.now()}`;
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
async function time(work: () => Promise<unknown>) {
  const ms: number[] = [];
  await work(); // warm-up
  for (let i = 0; i < rounds; i++) {
    const t = performance.now();
    await work();
    ms.push(performance.now() - t);
  }
  return { p50: percentile(ms, 50), p95: percentile(ms, 95) };
}

let lastLine = '';
const database = await openPostgres(url.toString(), 4);
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
  // Four persons a household, in the villages of Kota Yogyakarta (YK01).
  await sql`
    CREATE TEMP TABLE bench_village AS
    SELECT code, row_number() OVER (ORDER BY code) - 1 AS k FROM region WHERE code LIKE '34.71.__.____'`.execute(db);
  await sql`
    INSERT INTO household (id, kk_number, village_code)
    SELECT gen_random_uuid(), '98' || lpad(h::text, 14, '0'), v.code
    FROM generate_series(0, ${Math.ceil(persons / 4) - 1}) h
    JOIN bench_village v ON v.k = h % (SELECT count(*) FROM bench_village)`.execute(db);
  await sql`
    INSERT INTO person (id, nik, full_name, sex, birth_date, household_id, relation, village_code)
    SELECT gen_random_uuid(), '99' || lpad(g::text, 14, '0'), 'Anggota ' || g, CASE WHEN g % 2 = 0 THEN 'F' ELSE 'M' END,
           ('1960-01-01'::date + (g % 15000)), h.id, CASE WHEN g % 4 = 0 THEN 'head' ELSE 'child' END, h.village_code
    FROM generate_series(0, ${persons - 1}) g
    JOIN household h ON h.kk_number = '98' || lpad((g / 4)::text, 14, '0')`.execute(db);
  // Every fifth person borrows 6.000.000 over 12 months, disbursed over the last two years.
  await sql`
    INSERT INTO financing (id, number, person_id, office_id, region_code, fund_id, product_id, status, principal, installments,
                           purpose, applied_on, created_by_name, disbursed_on, disbursement_method, first_due_date,
                           outstanding_principal, outstanding_profit)
    SELECT gen_random_uuid(), 'H-' || p.g, p.id, f.office_id, p.village_code, f.id, pr.id, 'disbursed', 6000000, 12,
           'bench', d.disbursed - 10, 'bench', d.disbursed, 'transfer', (d.disbursed + interval '1 month')::date, 0, 0
    FROM (SELECT id, village_code, (substr(nik, 3)::bigint) AS g FROM person WHERE nik LIKE '99%' AND substr(nik, 3)::bigint % 5 = 0) p
    CROSS JOIN LATERAL (SELECT (${TODAY}::date - 730 + (p.g / 5 % 700)::int) AS disbursed) d
    CROSS JOIN (SELECT id, office_id FROM fund WHERE code = 'BENCH') f
    CROSS JOIN (SELECT id FROM financing_product WHERE code = 'BENCH') pr`.execute(db);
  // Behaviour by number: …0 stops paying after 3 instalments, …1 and …2 pay ten days late, the rest on the day.
  await sql`
    CREATE TEMP TABLE bench_due AS
    SELECT f.id AS financing_id, n, (f.disbursed_on + make_interval(months => n))::date AS due_date,
           (substr(f.number, 3)::bigint / 5) % 20 AS kind
    FROM financing f CROSS JOIN generate_series(1, 12) n WHERE f.number LIKE 'H-%'`.execute(db);
  await sql`
    CREATE TEMP TABLE bench_paid AS
    SELECT financing_id, n, due_date + CASE WHEN kind IN (1, 2) THEN 10 ELSE 0 END AS paid_on FROM bench_due
    WHERE NOT (kind = 0 AND n > 3) AND due_date + CASE WHEN kind IN (1, 2) THEN 10 ELSE 0 END <= ${TODAY}::date`.execute(db);
  await sql`
    INSERT INTO financing_installment (financing_id, n, due_date, principal, profit, principal_paid, profit_paid)
    SELECT d.financing_id, d.n, d.due_date, 500000, 50000,
           CASE WHEN p.n IS NULL THEN 0 ELSE 500000 END, CASE WHEN p.n IS NULL THEN 0 ELSE 50000 END
    FROM bench_due d LEFT JOIN bench_paid p ON p.financing_id = d.financing_id AND p.n = d.n`.execute(db);
  // One balanced entry stands for the repayments' journal (the comparison never reads it).
  await sql`
    WITH e AS (
      INSERT INTO journal_entry (id, office_id, entry_date, memo, source_type, created_by)
      SELECT '01900000-0000-7000-8000-0000000000be'::uuid, office_id, ${TODAY}::date, 'bench', 'bench', 'bench' FROM fund WHERE code = 'BENCH'
      RETURNING id, office_id)
    INSERT INTO journal_line (entry_id, line_no, account_code, office_id, entry_date, debit, credit)
    SELECT e.id, l.n, l.code, e.office_id, ${TODAY}::date, l.debit, l.credit FROM e
    CROSS JOIN (VALUES (1::smallint, '1.1.02', 1::bigint, 0::bigint), (2::smallint, '1.2.01', 0::bigint, 1::bigint)) l(n, code, debit, credit)`.execute(
    db,
  );
  await sql`
    INSERT INTO financing_repayment (id, financing_id, paid_on, amount, principal, profit, penalty, allocation, channel, received_by, journal_entry_id)
    SELECT gen_random_uuid(), financing_id, paid_on, 550000, 500000, 50000, 0,
           jsonb_build_array(jsonb_build_object('n', n, 'principal', '500000', 'profit', '50000', 'penalty', '0')),
           'group_meeting', 'bench', '01900000-0000-7000-8000-0000000000be' FROM bench_paid`.execute(db);
  await sql`
    UPDATE financing f SET status = 'closed', closed_on = x.last_paid
    FROM (SELECT financing_id, max(paid_on) AS last_paid, count(*) AS paid FROM bench_paid GROUP BY financing_id) x
    WHERE x.financing_id = f.id AND x.paid = 12`.execute(db);
  await sql`
    UPDATE financing f SET outstanding_principal = x.left
    FROM (SELECT financing_id, sum(principal - principal_paid) AS left FROM financing_installment GROUP BY financing_id) x
    WHERE x.financing_id = f.id AND f.status = 'disbursed'`.execute(db);
  // Health: an encounter in the last year for two borrowers in five and every fifth other person, one
  // borrower in fifty ill or recovering, older episodes for one person in twenty.
  await sql`
    INSERT INTO health_encounter (id, person_id, village_code, office_id, worker_id, profession, place, encountered_on)
    SELECT gen_random_uuid(), p.id, p.village_code, o.id, u.id, 'doctor', 'home', ${TODAY}::date - (g % 365)::int
    FROM (SELECT id, village_code, substr(nik, 3)::bigint AS g FROM person WHERE nik LIKE '99%') p
    CROSS JOIN (SELECT id FROM office WHERE code = 'YK01') o
    CROSS JOIN (SELECT id FROM app_user WHERE username = 'dokter') u
    WHERE (p.g % 5 = 0 AND (p.g / 5) % 5 < 2) OR p.g % 5 = 1`.execute(db);
  await sql`
    INSERT INTO illness_episode (id, person_id, village_code, from_on, to_on)
    SELECT gen_random_uuid(), p.id, p.village_code, ${TODAY}::date - 20 - (g % 7)::int,
           CASE WHEN g % 3 = 0 THEN NULL ELSE ${TODAY}::date - (g % 25)::int END
    FROM (SELECT id, village_code, substr(nik, 3)::bigint AS g FROM person WHERE nik LIKE '99%') p
    WHERE p.g % 250 = 0`.execute(db);
  await sql`
    INSERT INTO illness_episode (id, person_id, village_code, from_on, to_on)
    SELECT gen_random_uuid(), p.id, p.village_code, ${TODAY}::date - 400 - (g % 300)::int, ${TODAY}::date - 390 - (g % 300)::int
    FROM (SELECT id, village_code, substr(nik, 3)::bigint AS g FROM person WHERE nik LIKE '99%') p
    WHERE p.g % 20 = 3`.execute(db);
  await sql`ANALYZE`.execute(db);
  const counts = await sql<{ f: number; r: number; e: number; i: number }>`
    SELECT (SELECT count(*) FROM financing)::int AS f, (SELECT count(*) FROM financing_repayment)::int AS r,
           (SELECT count(*) FROM health_encounter)::int AS e, (SELECT count(*) FROM illness_episode)::int AS i`.execute(db);
  const c = counts.rows[0];
  console.log(
    `generated ${persons} persons, ${c?.f} financings, ${c?.r} repayments, ${c?.e} encounters, ${c?.i} illness episodes in ${((performance.now() - generating) / 1000).toFixed(1)} s`,
  );

  const someIds = (await db.selectFrom('illness_episode').select('person_id').limit(200).execute()).map((r) => r.person_id);
  const status = await time(() => healthStatus(ctx, someIds));
  const atRiskAll = await membersAtRisk(ctx, {});
  const atRisk = await time(() => membersAtRisk(ctx, { office: 'YK01' }));
  const to = TODAY.slice(0, 7);
  const fromMonth = (() => {
    const index = Number(to.slice(0, 4)) * 12 + Number(to.slice(5, 7)) - 1 - (months - 1);
    return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
  })();
  // The first request builds the monthly facts and aggregates (the backfill); the timed ones read them.
  const building = performance.now();
  const view = await repaymentComparison(ctx, { from: fromMonth, to });
  const buildMs = performance.now() - building;
  const comparison = await time(() => repaymentComparison(ctx, { from: fromMonth, to }));
  // After a repayment recorded today: its financing's facts are recomputed and the current month's aggregate rebuilt.
  await sql`
    INSERT INTO financing_repayment (id, financing_id, paid_on, amount, principal, profit, penalty, allocation, channel, received_by, journal_entry_id)
    SELECT gen_random_uuid(), f.id, ${TODAY}::date, 550000, 500000, 50000, 0, '[]'::jsonb, 'counter', 'bench', '01900000-0000-7000-8000-0000000000be'
    FROM financing f WHERE f.status = 'disbursed' AND f.number LIKE 'H-%' ORDER BY f.number LIMIT 1`.execute(db);
  const changing = performance.now();
  await repaymentComparison(ctx, { from: fromMonth, to });
  const afterChangeMs = performance.now() - changing;
  console.log(`status of 200 members: p50 ${status.p50.toFixed(1)} ms, p95 ${status.p95.toFixed(1)} ms`);
  console.log(
    `at risk (YK01): ${atRiskAll.totals.members} members, overdue ${atRiskAll.totals.overdueAmount}; p50 ${atRisk.p50.toFixed(0)} ms, p95 ${atRisk.p95.toFixed(0)} ms`,
  );
  console.log(
    `comparison: first request (builds ${months} months of facts) ${(buildMs / 1000).toFixed(1)} s; after a repayment recorded today ${afterChangeMs.toFixed(0)} ms`,
  );
  console.log(
    `comparison ${fromMonth}..${to}: under care ${JSON.stringify(view.underCare)}, others ${JSON.stringify(view.others)}; p50 ${comparison.p50.toFixed(0)} ms, p95 ${comparison.p95.toFixed(0)} ms`,
  );
  // At small sizes (the smoke run) the fast path is checked against the history rebuilt.
  if (financings <= 5000) {
    const rebuilt = await repaymentComparisonRebuilt(ctx, { from: fromMonth, to });
    if (JSON.stringify(rebuilt) !== JSON.stringify(await repaymentComparison(ctx, { from: fromMonth, to })))
      throw new Error('the comparison from monthly facts differs from the history rebuilt');
  }
  if (atRiskAll.totals.members === 0 || view.underCare.members === 0 || view.others.members === 0)
    throw new Error('the generated portfolio gave an empty list or comparison');
  lastLine = `persons=${persons} financings=${financings} at_risk_p50_ms=${atRisk.p50.toFixed(0)} at_risk_p95_ms=${atRisk.p95.toFixed(0)} comparison_p50_ms=${comparison.p50.toFixed(0)} comparison_p95_ms=${comparison.p95.toFixed(0)} status_p95_ms=${status.p95.toFixed(1)} ratio=${(comparison.p95 / status.p95).toFixed(1)}`;
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
