import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inTransaction } from '../context.ts';
import { fixedClock } from '../core/clock.ts';
import { uuidv7 } from '../core/ids.ts';
import { type Database, openPglite, openPostgres } from '../db/database.ts';
import { ACCOUNTS, postEntry } from '../modules/ledger/index.ts';
import { ensureComingPartitions } from '../modules/partitions/index.ts';
import { testDatabaseKinds } from '../testing/databases.ts';
import { PGLITE_TEMPLATE_FILE, POSTGRES_TEMPLATE_DB, withDatabaseName } from '../testing/paths.ts';
import { systemTestContext } from '../testing/server.ts';

const BIN = fileURLToPath(new URL('../../bin/jaring.mjs', import.meta.url));

function jaring(args: string[], env: Record<string, string>): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { env: { ...process.env, ...env }, stdio: 'pipe' });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
    });
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
    });
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** `jaring partitions list|archive|restore` as an operator runs them: a spawned process on each database. */
for (const kind of testDatabaseKinds()) {
  describe(`jaring partitions list, archive and restore [${kind}]`, () => {
    let env: Record<string, string>;
    let open: () => Promise<Database>;
    let cleanup: () => Promise<void>;
    const files = mkdtempSync(join(tmpdir(), 'jaring-partitions-cli-'));
    const archiveFile = join(files, 'journal_line-2025-02.jsonl');
    const count = async (query: string) => {
      const database = await open();
      try {
        const result = await sql<{ n: number }>`${sql.raw(query)}`.execute(database.db);
        return Number(result.rows[0]?.n ?? 0);
      } finally {
        await database.close();
      }
    };

    beforeAll(async () => {
      if (kind === 'pglite') {
        const dir = mkdtempSync(join(tmpdir(), 'jaring-partitions-db-'));
        const seed = await openPglite({ dataDir: dir, loadDataDir: new Blob([readFileSync(PGLITE_TEMPLATE_FILE)]) });
        await seed.close();
        env = { JARING_DATA_DIR: dir, DATABASE_URL: '' };
        open = () => openPglite({ dataDir: dir });
        cleanup = async () => rmSync(dir, { recursive: true, force: true });
      } else {
        const base = process.env.TEST_DATABASE_URL as string;
        const name = `jaring_pc_${Date.now().toString(36)}`;
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
      const ctx = systemTestContext(database, fixedClock(new Date('2025-04-10T03:00:00Z')));
      const db = database.db;
      await sql`INSERT INTO organisation (id, name) VALUES (${uuidv7()}, 'Uji CLI partisi')`.execute(db);
      const officeId = uuidv7();
      const region = await sql<{ code: string }>`SELECT code FROM region ORDER BY code LIMIT 1`.execute(db);
      await sql`INSERT INTO office (id, code, name, kind, region_code) VALUES (${officeId}, 'PC01', 'Kantor uji', 'head', ${region.rows[0]?.code})`.execute(
        db,
      );
      await ensureComingPartitions(db, '2025-02-01', 2);
      for (const [entryDate, amount] of [
        ['2025-02-10', 150_000n],
        ['2025-03-05', 25_000n],
      ] as const)
        await inTransaction(ctx, (tx) =>
          postEntry(tx, ctx, {
            officeId,
            entryDate,
            memo: 'uji CLI partisi',
            source: { type: 'manual', id: null },
            lines: [
              { accountCode: ACCOUNTS.cashInTransit, debit: amount },
              { accountCode: ACCOUNTS.ownCapital, credit: amount },
            ],
          }),
        );
      // Close of day has closed March (archive wants the month's last day closed).
      await sql`INSERT INTO close_day_run (business_date, finished_at, steps_done) VALUES ('2025-03-31', now(), '{}')`.execute(db);
      await database.close();
    }, 120_000);
    afterAll(async () => {
      await cleanup();
      rmSync(files, { recursive: true, force: true });
    });

    it('lists the months, archives February to a file, refuses it twice, and restores it only from the unaltered file', async () => {
      const listed = await jaring(['partitions', 'list'], env);
      expect(listed.code).toBe(0);
      expect(listed.stdout).toMatch(/journal_line_p202502\s+2 rows/);
      expect(listed.stdout).toMatch(/journal_line_p202503\s+2 rows/);
      expect(listed.stdout).toMatch(/aid_instruction_p202502\s+0 rows/);

      const open = await jaring(
        ['partitions', 'archive', '--table', 'journal_line', '--month', '2099-01', '--out', join(files, 'x.jsonl')],
        env,
      );
      expect(open.code).toBe(1);
      expect(existsSync(join(files, 'x.jsonl'))).toBe(false);

      const archived = await jaring(['partitions', 'archive', '--table', 'journal_line', '--month', '2025-02', '--out', archiveFile], env);
      expect(archived.stderr).toBe('');
      expect(archived.code).toBe(0);
      expect(archived.stdout).toContain('2 rows of journal_line 2025-02 archived');
      const lines = readFileSync(archiveFile, 'utf8').trim().split('\n');
      expect(lines).toHaveLength(4);
      expect(JSON.parse(lines[0] ?? '')).toEqual({ format: 'jaring-partition-archive/1', table: 'journal_line', month: '2025-02' });
      expect(await count(`SELECT count(*) AS n FROM journal_line WHERE entry_date < '2025-03-01'`)).toBe(0);

      const again = await jaring(['partitions', 'archive', '--table', 'journal_line', '--month', '2025-02', '--out', archiveFile], env);
      expect(again.code).toBe(2);
      expect(again.stderr).toContain('already exists');
      const twice = await jaring(
        ['partitions', 'archive', '--table', 'journal_line', '--month', '2025-02', '--out', join(files, 'twice.jsonl')],
        env,
      );
      expect(twice.code).toBe(1);
      expect(twice.stderr).toContain('(partitions.already_archived)');
      expect(existsSync(join(files, 'twice.jsonl'))).toBe(false);

      const after = await jaring(['partitions', 'list'], env);
      expect(after.stdout).toMatch(/journal_line_a202502\s+0 rows\s+ARCHIVED/);
      expect(after.stdout).toContain('archived: journal_line 2025-02: 2 rows in journal_line-2025-02.jsonl');

      // An edited row is refused; the month stays archived.
      const tampered = join(files, 'tampered.jsonl');
      writeFileSync(tampered, readFileSync(archiveFile, 'utf8').replace('150000', '150001'));
      const refused = await jaring(['partitions', 'restore', tampered], env);
      expect(refused.code).toBe(1);
      expect(refused.stderr).toContain('(partitions.archive_invalid)');
      expect(await count(`SELECT count(*) AS n FROM archived_month`)).toBe(1);

      const restored = await jaring(['partitions', 'restore', archiveFile], env);
      expect(restored.code).toBe(0);
      expect(restored.stdout).toContain('2 rows of journal_line 2025-02 restored');
      expect(await count(`SELECT coalesce(sum(debit), 0) AS n FROM journal_line WHERE entry_date < '2025-03-01'`)).toBe(150_000);
      expect(await count(`SELECT count(*) AS n FROM archived_month`)).toBe(0);
      expect(await count(`SELECT count(*) AS n FROM audit_log WHERE action IN ('partitions.archive', 'partitions.restore')`)).toBe(2);
    }, 600_000);

    it('archives and restores a month of aid payments (by cycle period)', async () => {
      const file = join(files, 'aid.jsonl');
      const archived = await jaring(['partitions', 'archive', '--table', 'aid_instruction', '--month', '2025-02', '--out', file], env);
      expect(archived.code).toBe(0);
      expect(archived.stdout).toContain('0 rows of aid_instruction 2025-02 archived');
      expect((await jaring(['partitions', 'list'], env)).stdout).toMatch(/aid_instruction_a202502\s+0 rows\s+ARCHIVED/);
      const restored = await jaring(['partitions', 'restore', file], env);
      expect(restored.code).toBe(0);
      expect((await jaring(['partitions', 'list'], env)).stdout).toMatch(/aid_instruction_p202502\s+0 rows/);
    }, 300_000);
  });
}
