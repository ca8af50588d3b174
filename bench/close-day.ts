// Close of day over N active financings on PostgreSQL (default 1,000,000), each with six
// monthly instalments, a tenth of them in arrears. The data is generated set-based in SQL
// (members are the demo's persons, reused); only closeDay itself is timed. The same-run
// baseline is one set-based UPDATE over all active financings (days past due and overdue
// amount from their instalments, every row written): what the close's five steps cost beside
// the least a database can do to touch the whole portfolio once.
// The closed day also carries a day of postings (--postings, default a tenth of N: one entry of
// two lines each), so that the books step (tamper-evident roots, docs/books.md) hashes a real day;
// it is printed apart: books_seconds and books_share = books / the rest of the close.
// Usage: npm run bench:close-day -- [--financings N] [--postings P] [--keep]
// Last line: financings=N seconds=S baseline_update_seconds=B ratio=S/B books_seconds=H books_share=H/(S-H)
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import pg from 'pg';
import pino from 'pino';
import type { Context } from '../src/context.ts';
import { fixedClock } from '../src/core/clock.ts';
import { openPostgres } from '../src/db/database.ts';
import { migrate } from '../src/db/migrate.ts';
import { fillDemo } from '../src/modules/demo/index.ts';
import { CLOSE_DAY_STEPS, closeDay } from '../src/modules/financing/index.ts';
import { defineProduct } from '../src/modules/financing/lifecycle.service.ts';
import { createFund, trialBalance } from '../src/modules/ledger/index.ts';
import { ensureRegionsLoaded } from '../src/modules/regions/index.ts';
import { BULK_FLAT_PRODUCT, BULK_FUND } from '../src/testing/financing-fixtures.ts';

const { values } = parseArgs({
  options: { financings: { type: 'string', default: '1000000' }, postings: { type: 'string' }, keep: { type: 'boolean' } },
});
const count = Number(values.financings);
const postings = Number(values.postings ?? Math.round(count / 10));
const baseUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const dbName = `jaring_bench_cd_${Date.now()}`;
const admin = new pg.Client({ connectionString: baseUrl });
await admin.connect();
await admin.query(`CREATE DATABASE ${dbName}`);
await admin.end();
const url = new URL(baseUrl);
url.pathname = `/${dbName}`;
// Dropped afterwards, also when the bench fails half-way (unless --keep).
let lastLine = '';
const database = await openPostgres(url.toString(), 4);
try {
  await migrate(database);
  await ensureRegionsLoaded(database);
  const ctx: Context = {
    database,
    db: database.db,
    actor: { kind: 'system', name: 'bench' },
    // The business date is the day closed (WIB): a day that has not come is refused.
    clock: fixedClock(new Date('2026-03-01T03:00:00Z')),
    log: pino({ level: 'silent' }),
    locale: 'id',
  };
  await fillDemo(ctx);
  await defineProduct(ctx, { ...BULK_FLAT_PRODUCT, ratePercent: '12' });
  await createFund(ctx, BULK_FUND);

  // Monthly partitions for the months generated, as close of day would have made them ahead.
  await sql`SELECT partition_ensure_months('journal_line', '2025-09-01'::date, '2026-04-01'::date)`.execute(database.db);
  const generating = performance.now();
  await sql`
    INSERT INTO financing (id, number, person_id, office_id, region_code, fund_id, product_id, status, principal, installments,
                           purpose, applied_on, created_by_name, disbursed_on, disbursement_method, first_due_date,
                           outstanding_principal, outstanding_profit)
    SELECT gen_random_uuid(), 'B-' || g, p.id, f.office_id, p.village_code, f.id, pr.id, 'disbursed', 6000000, 6,
           'bench', d.disbursed - 10, 'bench', d.disbursed, 'transfer', (d.disbursed + interval '1 month')::date, 6000000, 360000
    FROM generate_series(1, ${count}) g
    CROSS JOIN LATERAL (SELECT ('2025-10-01'::date + (g % 120))::date AS disbursed) d
    JOIN (SELECT id, village_code, row_number() OVER (ORDER BY id) - 1 AS k, count(*) OVER () AS n FROM person) p ON p.k = g % p.n
    CROSS JOIN (SELECT id, office_id FROM fund WHERE code = 'BENCH') f
    CROSS JOIN (SELECT id FROM financing_product WHERE code = 'BENCH') pr`.execute(database.db);
  // Six instalments each; every instalment due before 2026-03-01 is paid, except for one financing in ten.
  await sql`
    INSERT INTO financing_installment (financing_id, n, due_date, principal, profit, principal_paid, profit_paid)
    SELECT f.id, n, (f.disbursed_on + make_interval(months => n))::date, 1000000, 60000,
           CASE WHEN (f.disbursed_on + make_interval(months => n))::date < '2026-03-01' AND right(f.number, 1) <> '7' THEN 1000000 ELSE 0 END,
           CASE WHEN (f.disbursed_on + make_interval(months => n))::date < '2026-03-01' AND right(f.number, 1) <> '7' THEN 60000 ELSE 0 END
    FROM financing f CROSS JOIN generate_series(1, 6) n`.execute(database.db);
  // Each disbursement on the ledger (one entry, two lines), so that the balances step and the
  // trial balance read a journal of the portfolio's size.
  // One statement, so that each entry has its lines when the entry's own check runs at commit.
  await sql`
    WITH entries AS (
      INSERT INTO journal_entry (id, office_id, entry_date, memo, source_type, source_id, created_by)
      SELECT f.id, f.office_id, f.disbursed_on, 'Pencairan ' || f.number, 'financing.disbursement', f.id, 'bench'
      FROM financing f WHERE f.number LIKE 'B-%'
      RETURNING id
    )
    INSERT INTO journal_line (entry_id, line_no, account_code, office_id, entry_date, debit, credit, fund_id, party_type, party_id)
    SELECT f.id, l.n, l.code, f.office_id, f.disbursed_on, l.debit, l.credit, f.fund_id, l.party_type, l.party_id
    FROM entries e JOIN financing f ON f.id = e.id
    CROSS JOIN LATERAL (VALUES (1::smallint, '1.2.01', f.principal, 0::bigint, 'financing', f.id),
                               (2::smallint, '1.1.02', 0::bigint, f.principal, NULL, NULL)) l(n, code, debit, credit, party_type, party_id)`.execute(
    database.db,
  );
  // The day's postings: repayments of the closed day (one entry of two lines each).
  await sql`
    WITH entries AS (
      INSERT INTO journal_entry (id, office_id, entry_date, memo, source_type, source_id, created_by)
      SELECT gen_random_uuid(), f.office_id, '2026-03-01', 'Angsuran ' || f.number, 'financing.repayment', f.id, 'kasir'
      FROM (SELECT * FROM financing WHERE number LIKE 'B-%' ORDER BY number LIMIT ${postings}) f
      RETURNING id, source_id
    )
    INSERT INTO journal_line (entry_id, line_no, account_code, office_id, entry_date, debit, credit, fund_id, party_type, party_id)
    SELECT e.id, l.n, l.code, f.office_id, '2026-03-01', l.debit, l.credit, f.fund_id, l.party_type, l.party_id
    FROM entries e JOIN financing f ON f.id = e.source_id
    CROSS JOIN LATERAL (VALUES (1::smallint, '1.1.02', 1060000::bigint, 0::bigint, NULL, NULL),
                               (2::smallint, '1.2.01', 0::bigint, 1060000::bigint, 'financing', f.id)) l(n, code, debit, credit, party_type, party_id)`.execute(
    database.db,
  );
  await sql`ANALYZE`.execute(database.db);
  console.log(
    `generated ${count} financings with ${count * 6} instalments, ${count * 2} journal lines and a day of ${postings} postings in ${((performance.now() - generating) / 1000).toFixed(1)} s`,
  );
  const timeTrialBalance = async () => {
    const t = performance.now();
    const tb = await trialBalance(ctx, { asOf: '2026-03-01' });
    return { ms: performance.now() - t, balanced: tb.debit === tb.credit };
  };
  const trialBefore = await timeTrialBalance();

  const started = performance.now();
  const stepEnds = new Map<string, number>();
  const result = await closeDay(ctx, '2026-03-01', {
    onStep: (step) => {
      stepEnds.set(step, performance.now());
      console.log(`  ${step} done at ${((performance.now() - started) / 1000).toFixed(1)} s`);
    },
  });
  const booksSeconds = ((stepEnds.get('books') ?? 0) - (stepEnds.get('balances') ?? 0)) / 1000;
  const seconds = (performance.now() - started) / 1000;
  const trialAfter = await timeTrialBalance();
  console.log(
    `trial balance as of the closed day: ${trialBefore.ms.toFixed(0)} ms summing every line, ${trialAfter.ms.toFixed(0)} ms from the day's balances (balanced: ${trialBefore.balanced && trialAfter.balanced})`,
  );
  const picture = await sql<{ in_arrears: number; par30: string }>`
    SELECT count(*) FILTER (WHERE days_past_due > 0)::int AS in_arrears,
           sum(outstanding_principal) FILTER (WHERE days_past_due >= 30)::text AS par30 FROM financing`.execute(database.db);
  console.log(
    `in arrears: ${picture.rows[0]?.in_arrears}; outstanding 30+ days: ${picture.rows[0]?.par30}; steps ${result.stepsRun.join(', ')}`,
  );
  if (result.alreadyClosed || result.stepsRun.length !== CLOSE_DAY_STEPS.length || !trialBefore.balanced || !trialAfter.balanced)
    throw new Error(`close of day did not run whole: ${JSON.stringify(result)}`);

  // Baseline, after the close so that its dead rows do not slow the close down.
  const baselineStarted = performance.now();
  await sql`
    UPDATE financing f SET days_past_due = a.dpd, overdue_amount = a.overdue
    FROM (
      SELECT i.financing_id,
             coalesce('2026-03-01'::date - min(i.due_date) FILTER (WHERE i.due_date < '2026-03-01' AND i.principal_paid < i.principal), 0) AS dpd,
             coalesce(sum(i.principal - i.principal_paid + i.profit - i.profit_paid) FILTER (WHERE i.due_date < '2026-03-01'), 0)::bigint AS overdue
      FROM financing_installment i GROUP BY i.financing_id
    ) a
    WHERE f.id = a.financing_id AND f.status = 'disbursed'`.execute(database.db);
  const baselineSeconds = (performance.now() - baselineStarted) / 1000;
  lastLine = `financings=${result.financings} seconds=${seconds.toFixed(2)} baseline_update_seconds=${baselineSeconds.toFixed(2)} ratio=${(seconds / baselineSeconds).toFixed(1)} books_seconds=${booksSeconds.toFixed(2)} books_share=${(booksSeconds / (seconds - booksSeconds)).toFixed(3)}`;
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
