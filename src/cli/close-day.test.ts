import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../core/clock.ts';
import { DAY_MS } from '../core/dates.ts';
import { type Database, openPglite, openPostgres } from '../db/database.ts';
import { fillDemo } from '../modules/demo/index.ts';
import { applyForFinancing, decideApplication, defineProduct, disburse } from '../modules/financing/lifecycle.service.ts';
import { createFund } from '../modules/ledger/index.ts';
import { testDatabaseKinds } from '../testing/databases.ts';
import { PGLITE_TEMPLATE_FILE, POSTGRES_TEMPLATE_DB, withDatabaseName } from '../testing/paths.ts';
import { systemTestContext } from '../testing/server.ts';

const BIN = fileURLToPath(new URL('../../bin/jaring.mjs', import.meta.url));

/** Runs the CLI; with `killWhen`, sends SIGKILL as soon as stderr contains that text. */
function jaring(
  args: string[],
  env: Record<string, string>,
  killWhen?: string,
): Promise<{ code: number | null; signal: string | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
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

for (const kind of testDatabaseKinds()) {
  describe(`jaring close-day survives a kill and is idempotent [${kind}]`, () => {
    let env: Record<string, string>;
    let open: () => Promise<Database>;
    let cleanup: () => Promise<void>;

    beforeAll(async () => {
      if (kind === 'pglite') {
        const dir = mkdtempSync(join(tmpdir(), 'jaring-close-day-'));
        const seed = await openPglite({ dataDir: dir, loadDataDir: new Blob([readFileSync(PGLITE_TEMPLATE_FILE)]) });
        await seed.close();
        env = { JARING_DATA_DIR: dir, DATABASE_URL: '' };
        open = () => openPglite({ dataDir: dir });
        cleanup = async () => rmSync(dir, { recursive: true, force: true });
      } else {
        const base = process.env.TEST_DATABASE_URL as string;
        const name = `jaring_cd_${Date.now().toString(36)}`;
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
        };
      }
      const database = await open();
      const clock = fixedClock(new Date('2026-01-05T03:00:00Z'));
      const ctx = systemTestContext(database, clock);
      await fillDemo(ctx);
      await defineProduct(ctx, {
        code: 'FLAT10D',
        name: 'Flat 10% dengan denda',
        kind: 'flat',
        ratePercent: '10',
        frequency: 'monthly',
        minAmount: '1000000',
        maxAmount: '50000000',
        minInstallments: 1,
        maxInstallments: 24,
        graceOnPrincipal: 0,
        graceOnProfit: 0,
        rounding: 'half-up',
        penaltyPerMilleDaily: '1',
        penaltyCapPercent: '10',
        allocationOrder: ['penalty', 'profit', 'principal'],
      });
      await createFund(ctx, {
        code: 'DANA',
        name: 'Dana',
        kind: 'own_capital',
        source: 'Modal',
        officeCode: 'YK01',
        initialCapital: '100000000',
        cashAccount: '1.1.02',
        capitalDate: '2026-01-02',
      });
      const persons = await database.db
        .selectFrom('person')
        .select('id')
        .where('village_code', 'like', '34.71.%')
        .where('relation', '=', 'head')
        .limit(5)
        .execute();
      clock.advance(10 * DAY_MS); // applied for and paid out on 15 January
      for (const person of persons) {
        const applied = await applyForFinancing(ctx, {
          personId: person.id,
          productCode: 'FLAT10D',
          fundCode: 'DANA',
          principal: '6000000',
          installments: 6,
          purpose: 'Modal usaha',
        });
        await decideApplication(ctx, applied.id, 'approve');
        await disburse(ctx, applied.id, { disbursedOn: '2026-01-15', method: 'transfer' });
      }
      await database.close();
    });
    afterAll(async () => cleanup());

    it('is killed after its first step, then resumes with the remaining steps without charging twice; a third run changes nothing', async () => {
      const killed = await jaring(
        ['close-day', '--date', '2026-03-01'],
        { ...env, JARING_CLOSE_DAY_PAUSE_AFTER: 'penalties' },
        'paused after penalties',
      );
      expect(killed.signal).toBe('SIGKILL');
      let database = await open();
      const halfway = await database.db.selectFrom('close_day_run').selectAll().executeTakeFirstOrThrow();
      expect(halfway.steps_done).toEqual(['penalties']);
      expect(halfway.finished_at).toBeNull();
      const penalties = await database.db.selectFrom('financing_installment').select(['penalty']).where('n', '=', 1).execute();
      expect(penalties.map((p) => p.penalty)).toEqual(Array(5).fill('14700'));
      expect((await database.db.selectFrom('financing').select('days_past_due').execute()).every((f) => f.days_past_due === 0)).toBe(true);
      await database.close();

      const resumed = await jaring(['close-day', '--date', '2026-03-01'], env);
      expect(resumed.stdout).toContain(
        '2026-03-01 closed: 5 active financings; steps arrears, snapshot, provisions, balances, books, partitions.',
      );
      expect(resumed.code).toBe(0);
      const again = await jaring(['close-day', '--date', '2026-03-01'], env);
      expect(again.stdout).toContain('already closed; nothing changed');

      database = await open();
      const financings = await database.db
        .selectFrom('financing')
        .select(['days_past_due', 'quality_class', 'outstanding_penalty', 'overdue_amount'])
        .execute();
      expect(financings).toEqual(
        Array(5).fill({ days_past_due: 14, quality_class: 2, outstanding_penalty: '14700', overdue_amount: '1050000' }),
      );
      const snapshot = await database.db.selectFrom('portfolio_snapshot').selectAll().execute();
      expect(snapshot.map((s) => [s.financings, s.outstanding, s.at_risk_1])).toEqual([[5, '30000000', '30000000']]);
      await database.close();
    });
  });
}
