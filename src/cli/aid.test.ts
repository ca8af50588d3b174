import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemClock } from '../core/clock.ts';
import { type Database, openPglite, openPostgres } from '../db/database.ts';
import { createCycle } from '../modules/aid/index.ts';
import { fillDemo, fillDemoAid } from '../modules/demo/index.ts';
import { actorForUsername } from '../modules/identity/index.ts';
import { ACCOUNTS } from '../modules/ledger/index.ts';
import { testDatabaseKinds } from '../testing/databases.ts';
import { PGLITE_TEMPLATE_FILE, POSTGRES_TEMPLATE_DB, withDatabaseName } from '../testing/paths.ts';
import { systemTestContext } from '../testing/server.ts';

const BIN = fileURLToPath(new URL('../../bin/jaring.mjs', import.meta.url));

/** Runs the CLI; with `killWhen`, sends SIGKILL as soon as stderr contains that text. */
function jaring(args: string[], env: Record<string, string>, killWhen?: string) {
  return new Promise<{ code: number | null; signal: string | null; stdout: string; stderr: string }>((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { env: { ...process.env, ...env }, stdio: 'pipe' });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
    });
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
      if (killWhen && stderr.includes(killWhen)) child.kill('SIGKILL');
    });
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
}

const nextQuarterAfter = (day: string) => {
  const year = Number(day.slice(0, 4));
  const quarter = Math.floor((Number(day.slice(5, 7)) - 1) / 3);
  const start = new Date(Date.UTC(year, quarter * 3 + 3, 1));
  const end = new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + 3, 0));
  return { start: start.toISOString().slice(0, 10), end: end.toISOString().slice(0, 10) };
};

for (const kind of testDatabaseKinds()) {
  describe(`jaring aid cycle: compute survives a kill, the maker cannot approve, instructions and reconciliation [${kind}]`, () => {
    let env: Record<string, string>;
    let open: () => Promise<Database>;
    let cleanup: () => Promise<void>;
    let cycleId: string;
    let demoOpenCycles: number;
    const work = mkdtempSync(join(tmpdir(), 'jaring-aid-cli-'));

    beforeAll(async () => {
      if (kind === 'pglite') {
        const dir = join(work, 'data');
        const seed = await openPglite({ dataDir: dir, loadDataDir: new Blob([readFileSync(PGLITE_TEMPLATE_FILE)]) });
        await seed.close();
        env = { JARING_DATA_DIR: dir, DATABASE_URL: '' };
        open = () => openPglite({ dataDir: dir });
        cleanup = async () => rmSync(work, { recursive: true, force: true });
      } else {
        const base = process.env.TEST_DATABASE_URL as string;
        const name = `jaring_aid_${Date.now().toString(36)}`;
        const admin = new pg.Client({ connectionString: base });
        await admin.connect();
        await admin.query(`CREATE DATABASE ${name} TEMPLATE ${POSTGRES_TEMPLATE_DB}`);
        await admin.end();
        env = { DATABASE_URL: withDatabaseName(base, name) };
        open = () => openPostgres(withDatabaseName(base, name), 2);
        cleanup = async () => {
          const c = new pg.Client({ connectionString: base });
          await c.connect();
          await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
          await c.end();
          rmSync(work, { recursive: true, force: true });
        };
      }
      const database = await open();
      const ctx = systemTestContext(database, systemClock);
      await fillDemo(ctx);
      const demo = await fillDemoAid(ctx);
      expect(demo).toMatchObject({ enrolled: 24, cycles: 2, failed: 1 });
      demoOpenCycles = (await database.db.selectFrom('aid_cycle').select('id').where('status', '=', 'open').execute()).length;
      // A third cycle, the quarter after the demo's open one, opened by the manager (its maker).
      const open2 = await database.db.selectFrom('aid_cycle').select('period_end').where('status', '=', 'open').executeTakeFirstOrThrow();
      const period = nextQuarterAfter(open2.period_end);
      const manajer = await actorForUsername(database.db, 'manajer');
      const cycle = await createCycle({ ...ctx, actor: manajer ?? ctx.actor }, 'pkh', {
        name: 'PKH uji CLI',
        periodStart: period.start,
        periodEnd: period.end,
      });
      cycleId = cycle.id;
      await database.close();
    }, 300_000);
    afterAll(async () => cleanup());

    it('the demo holds PKH with one paid cycle and one open, computed', () => {
      expect(demoOpenCycles).toBe(1);
    });

    it('a compute killed after its first chunk leaves the cycle computing; approval waits; a re-run completes it and a third inserts nothing', async () => {
      // The pause after each chunk holds the process still while the kill arrives, so the kill
      // lands after the first chunk however busy the machine is.
      const killed = await jaring(
        ['aid', 'cycle', 'compute', cycleId, '--as', 'manajer', '--chunk', '5', '--pause', '60000'],
        env,
        'compute [',
      );
      expect(killed.signal).toBe('SIGKILL');
      let database = await open();
      const halfway = await database.db.selectFrom('aid_cycle').select('compute_state').where('id', '=', cycleId).executeTakeFirstOrThrow();
      expect(halfway.compute_state).toBe('computing');
      const partial = await sql<{ n: number }>`SELECT count(*)::int AS n FROM aid_entitlement WHERE cycle_id = ${cycleId}`.execute(
        database.db,
      );
      await database.close();

      const early = await jaring(['aid', 'cycle', 'approve', cycleId, '--as', 'pembina'], env);
      expect(early.code).toBe(1);
      expect(early.stderr).toContain('aid.cycle_not_computed');

      const resumed = await jaring(['aid', 'cycle', 'compute', cycleId, '--as', 'manajer', '--chunk', '5'], env);
      expect(resumed.code).toBe(0);
      expect(resumed.stderr).toContain('100% 23/23');
      const total = Number(/(\d+) in all \(computed\)/.exec(resumed.stdout)?.[1]);
      expect(total).toBeGreaterThan(partial.rows[0]?.n ?? 0);
      const again = await jaring(['aid', 'cycle', 'compute', cycleId, '--as', 'manajer'], env);
      expect(again.stdout).toContain(`0 entitlements computed now, ${total} in all (computed)`);

      database = await open();
      const rows = await sql<{ n: number; units: number }>`
        SELECT count(*)::int AS n, count(DISTINCT enrolment_id)::int AS units FROM aid_entitlement WHERE cycle_id = ${cycleId}`.execute(
        database.db,
      );
      expect(rows.rows[0]).toEqual({ n: total, units: total });
      await database.close();
    }, 300_000);

    it('the maker is refused, the checker approves; the bank file and a confirmation with one failure move the ledger once', async () => {
      const maker = await jaring(['aid', 'cycle', 'approve', cycleId, '--as', 'manajer'], env);
      expect(maker.code).toBe(1);
      expect(maker.stderr).toContain('aid.maker_checker');
      const checker = await jaring(['aid', 'cycle', 'approve', cycleId, '--as', 'pembina'], env);
      expect(checker.code).toBe(0);
      expect(checker.stdout).toMatch(/approved by Yohanes Wibowo; \d+ entitlements approved, Rp[\d.]+\./);

      const out = join(work, 'bank.csv');
      const instructed = await jaring(['aid', 'cycle', 'instructions', cycleId, '--channel', 'bank', '--out', out, '--as', 'manajer'], env);
      expect(instructed.code).toBe(0);
      const lines = readFileSync(out, 'utf8')
        .split('\r\n')
        .filter((line) => line !== '');
      expect(lines[0]).toBe('reference,bank_account,account_name,amount,description');
      const rows = lines.slice(1).map((line) => line.split(','));
      expect(new Set(rows.map((r) => r[0])).size).toBe(rows.length);
      const amounts = rows.map((r) => BigInt(r[3] as string));
      const failedAmount = amounts[0] as bigint;
      const paidTotal = amounts.slice(1).reduce((a, b) => a + b, 0n);

      const confirmation = join(work, 'konfirmasi.csv');
      writeFileSync(
        confirmation,
        [
          'reference,status,date,channel_reference,amount',
          ...rows.map((r, i) => `${r[0]},${i === 0 ? 'failed' : 'paid'},2026-12-01,BRI-${i},${r[3]}`),
        ].join('\n'),
      );
      const first = await jaring(
        ['aid', 'cycle', 'reconcile', cycleId, '--channel', 'bank', '--file', confirmation, '--as', 'manajer'],
        env,
      );
      expect(first.code).toBe(0);
      expect(first.stdout).toContain(`paid ${rows.length - 1}, failed 1;`);
      const second = await jaring(
        ['aid', 'cycle', 'reconcile', cycleId, '--channel', 'bank', '--file', confirmation, '--as', 'manajer'],
        env,
      );
      expect(second.stdout).toContain(`duplicate ${rows.length - 1}, unchanged 1; paid Rp0, returned Rp0.`);

      const database = await open();
      const owed = await sql<{ debit: string; credit: string }>`
        SELECT coalesce(sum(l.debit), 0)::text AS debit, coalesce(sum(l.credit), 0)::text AS credit
        FROM journal_line l JOIN journal_entry e ON e.id = l.entry_id
        WHERE l.account_code = ${ACCOUNTS.aidPayable}
          AND e.source_id IN (SELECT id FROM aid_reconciliation WHERE cycle_id = ${cycleId})`.execute(database.db);
      await database.close();
      // What the reconciliations moved out of "owed": exactly the paid transfers, once.
      expect(BigInt(owed.rows[0]?.debit ?? '0')).toBe(paidTotal);
      expect(failedAmount).toBeGreaterThan(0n);
    }, 300_000);
  });
}
