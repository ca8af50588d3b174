import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync, gzipSync } from 'node:zlib';
import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemClock } from '../core/clock.ts';
import { type Database, openPglite, openPostgres } from '../db/database.ts';
import { migrate } from '../db/migrate.ts';
import { fillDemo, fillDemoAid, fillDemoCadres, fillDemoHealth, fillDemoMoney } from '../modules/demo/index.ts';
import { PGLITE_TEMPLATE_FILE, withDatabaseName } from '../testing/paths.ts';
import { systemTestContext } from '../testing/server.ts';
import { type Checks, databaseChecks, listTables } from './checks.ts';
import { firstTarEntry, tarEntry } from './tar.ts';

const BIN = fileURLToPath(new URL('../../bin/jaring.mjs', import.meta.url));

type Run = { code: number | null; stdout: string; stderr: string };
function jaring(args: string[], env: Record<string, string>): Promise<Run> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { env: { ...process.env, DATABASE_URL: '', ...env }, stdio: 'pipe' });
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

/** Every row of every table, as text (time zone fixed): stronger than counts, used to prove a copy exact. */
async function contentDigests(database: Database, except: string[] = []): Promise<Record<string, string>> {
  await sql`SET TimeZone = 'UTC'`.execute(database.db);
  const digests: Record<string, string> = {};
  for (const table of await listTables(database.db)) {
    if (except.includes(table)) continue;
    const result = await sql<{ digest: string | null }>`
      SELECT md5(string_agg(r, E'\n' ORDER BY r)) AS digest FROM (SELECT row_to_json(t)::text AS r FROM ${sql.table(table)} t) s`.execute(
      database.db,
    );
    digests[table] = result.rows[0]?.digest ?? 'empty';
  }
  return digests;
}

async function sequences(database: Database): Promise<Record<string, string | null>> {
  const result = await sql<{ name: string; value: string | null }>`
    SELECT sequencename AS name, last_value::text AS value FROM pg_sequences WHERE schemaname = current_schema()`.execute(database.db);
  return Object.fromEntries(result.rows.map((row) => [row.name, row.value]));
}

async function checksOf(database: Database): Promise<Checks> {
  return databaseChecks(systemTestContext(database, systemClock));
}

const noStackTrace = (run: Run) => expect(`${run.stdout}${run.stderr}`).not.toMatch(/\n\s+at .+:\d+:\d+/);

describe('jaring backup and restore on the embedded database (demo data)', () => {
  const work = mkdtempSync(join(tmpdir(), 'jaring-backup-'));
  const dataDir = join(work, 'data');
  const backupFile = join(work, 'jaring.tar.gz');
  let original: { checks: Checks; digests: Record<string, string>; sequences: Record<string, string | null> };

  beforeAll(async () => {
    const database = await openPglite({ dataDir, loadDataDir: new Blob([readFileSync(PGLITE_TEMPLATE_FILE)]) });
    const ctx = systemTestContext(database, systemClock);
    // As "jaring demo" fills it: cadres before the money, so the close of day counts their collections.
    await fillDemo(ctx);
    await fillDemoCadres(ctx);
    await fillDemoMoney(ctx);
    await fillDemoHealth(ctx);
    await fillDemoAid(ctx);
    original = { checks: await checksOf(database), digests: await contentDigests(database), sequences: await sequences(database) };
    await database.close();
  }, 300_000);
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('the demo has books to compare: a balanced trial balance with money in it', () => {
    expect(original.checks.trialBalance.debit).toBe(original.checks.trialBalance.credit);
    expect(BigInt(original.checks.trialBalance.debit)).toBeGreaterThan(0n);
    expect(original.checks.tables.journal_line).toBeGreaterThan(100);
  });

  it('backs up, then restores into an empty data directory with the same trial balance, counts, ledger and rows', async () => {
    const backup = await jaring(['backup', backupFile], { JARING_DATA_DIR: dataDir });
    expect(backup.stderr).toBe('');
    expect(backup.code).toBe(0);
    const tb = original.checks.trialBalance;
    const rupiah = `Rp${BigInt(tb.debit).toLocaleString('id-ID')}`;
    expect(backup.stdout).toContain(`debit ${rupiah}, credit ${rupiah}`);
    expect(backup.stdout).toMatch(new RegExp(`\\n  journal_line +${original.checks.tables.journal_line}\\n`));
    expect(backup.stdout).toContain(original.checks.ledgerDigest);
    // An ordinary .tar.gz whose first file is the manifest with the checks.
    const manifest = JSON.parse(Buffer.from(firstTarEntry(gunzipSync(readFileSync(backupFile)), 'jaring-backup.json') ?? []).toString());
    expect(manifest.checks.tables).toEqual(original.checks.tables);

    const restoredDir = join(work, 'restored');
    const restore = await jaring(['restore', backupFile], { JARING_DATA_DIR: restoredDir });
    expect(restore.code).toBe(0);
    expect(restore.stdout).toContain('Same row counts, trial balance and journal lines as when the backup was taken.');
    expect(existsSync(join(restoredDir, 'jaring-backup.json'))).toBe(false);
    expect(existsSync(join(restoredDir, 'jaring.lock'))).toBe(false);

    const restored = await openPglite({ dataDir: restoredDir });
    try {
      const checks = await checksOf(restored);
      expect(checks.tables).toEqual(original.checks.tables);
      expect(checks.trialBalance.accounts).toEqual(original.checks.trialBalance.accounts);
      expect(checks.ledgerDigest).toBe(original.checks.ledgerDigest);
      expect(await contentDigests(restored)).toEqual(original.digests);
    } finally {
      await restored.close();
    }
  }, 180_000);

  it('refuses to restore over a non-empty data directory; --force moves it aside, kept whole', async () => {
    const target = join(work, 'occupied');
    mkdirSync(target);
    writeFileSync(join(target, 'notes.txt'), 'not a database, but not nothing either');
    const refused = await jaring(['restore', backupFile], { JARING_DATA_DIR: target });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(`Refused: ${target} is not empty`);
    expect(refused.stderr).toContain('--force');
    noStackTrace(refused);
    expect(readdirSync(target)).toEqual(['notes.txt']);

    // Over a real database too: the original one, restored again, stays as it was without --force.
    const overDatabase = await jaring(['restore', backupFile], { JARING_DATA_DIR: dataDir });
    expect(overDatabase.code).toBe(1);
    expect(overDatabase.stderr).toContain('(it holds a database)');

    const forced = await jaring(['restore', backupFile, '--force'], { JARING_DATA_DIR: target });
    expect(forced.code).toBe(0);
    const aside = /now in (\S+)\./.exec(forced.stdout)?.[1] ?? '';
    expect(aside).toContain(`${target}.before-restore-`);
    expect(readdirSync(aside)).toEqual(['notes.txt']);
    expect(existsSync(join(target, 'PG_VERSION'))).toBe(true);
  }, 180_000);

  it('refuses a backup while another live process (a server) holds the data directory, and leaves no file', async () => {
    const lock = join(dataDir, 'jaring.lock');
    // This test process is alive: to the CLI it looks like a running "jaring serve".
    writeFileSync(lock, JSON.stringify({ pid: process.pid, port: 3999, command: 'serve', startedAt: new Date().toISOString() }));
    try {
      const file = join(work, 'while-serving.tar.gz');
      const run = await jaring(['backup', file], { JARING_DATA_DIR: dataDir });
      expect(run.code).toBe(1);
      expect(run.stderr).toContain(
        `Refused: the data directory ${dataDir} is in use by "jaring serve" (pid ${process.pid}) at http://localhost:3999`,
      );
      expect(run.stderr).toContain('Stop it');
      noStackTrace(run);
      expect(existsSync(file)).toBe(false);
      const restore = await jaring(['restore', backupFile, '--force'], { JARING_DATA_DIR: dataDir });
      expect(restore.code).toBe(1);
      expect(restore.stderr).toContain('is in use by "jaring serve"');
      expect(existsSync(join(dataDir, 'PG_VERSION'))).toBe(true);
      const migrate = await jaring(['migrate-to-postgres', 'postgres://127.0.0.1:1/jaring'], { JARING_DATA_DIR: dataDir });
      expect(migrate.code).toBe(1);
      expect(migrate.stderr).toContain('is in use by "jaring serve"');
      noStackTrace(migrate);
    } finally {
      rmSync(lock, { force: true });
    }
  }, 180_000);

  it('reports a restore that does not match the backup it came from', async () => {
    // A backup whose manifest says one more household than its database holds.
    const tar = gunzipSync(readFileSync(backupFile));
    const manifestBytes = firstTarEntry(tar, 'jaring-backup.json');
    if (!manifestBytes) throw new Error('no manifest');
    const manifest = JSON.parse(Buffer.from(manifestBytes).toString());
    manifest.checks.tables.household += 1;
    const head = tarEntry('jaring-backup.json', Buffer.from(JSON.stringify(manifest)), new Date());
    const rest = tar.subarray(512 + Math.ceil(manifestBytes.length / 512) * 512);
    const doctored = join(work, 'doctored.tar.gz');
    writeFileSync(doctored, gzipSync(Buffer.concat([head, rest])));
    const run = await jaring(['restore', doctored], { JARING_DATA_DIR: join(work, 'doctored') });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(
      `table household: ${original.checks.tables.household} rows, ${(original.checks.tables.household ?? 0) + 1} in the original`,
    );
  }, 300_000);

  it('answers bad arguments and wrong files with a clear message, never a stack trace', async () => {
    const env = { JARING_DATA_DIR: join(work, 'unused') };
    for (const args of [
      ['backup'],
      ['restore', 'a', 'b'],
      ['backup', 'x', '--frob'],
      ['migrate-to-postgres'],
      ['migrate-to-postgres', 'not a url'],
      ['migrate-to-postgres', 'mysql://h/db'],
      ['migrate-to-postgres', 'postgres://h/db', '--batch', '0'],
    ]) {
      const run = await jaring(args, env);
      expect(run.code, args.join(' ')).toBe(2);
      expect(run.stderr).toContain('Usage');
      noStackTrace(run);
    }
    const notABackup = join(work, 'notes.csv');
    writeFileSync(notABackup, 'nik,name\n');
    const wrongFile = await jaring(['restore', notABackup], env);
    expect(wrongFile.code).toBe(1);
    expect(wrongFile.stderr).toContain('is not a Jaring backup');
    const missing = await jaring(['restore', join(work, 'nothing.tar.gz')], env);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('No backup file');
    const nothingToBackUp = await jaring(['backup', join(work, 'empty.tar.gz')], env);
    expect(nothingToBackUp.code).toBe(1);
    expect(nothingToBackUp.stderr).toContain('There is no embedded database');
    const exists = await jaring(['backup', notABackup], { JARING_DATA_DIR: dataDir });
    expect(exists.code).toBe(1);
    expect(exists.stderr).toContain('already exists; give --force');
    expect(readFileSync(notABackup, 'utf8')).toBe('nik,name\n');
    const nothingToCopy = await jaring(['migrate-to-postgres', 'postgres://127.0.0.1:1/jaring'], env);
    expect(nothingToCopy.code).toBe(1);
    expect(nothingToCopy.stderr).toContain('There is no embedded database');
    const unreachable = await jaring(['migrate-to-postgres', 'postgres://127.0.0.1:1/jaring'], { JARING_DATA_DIR: dataDir });
    expect(unreachable.code).toBe(1);
    expect(unreachable.stderr).toContain('Cannot connect to postgres://127.0.0.1:1/jaring');
    for (const run of [wrongFile, missing, nothingToBackUp, exists, nothingToCopy, unreachable]) noStackTrace(run);
  }, 300_000);

  const postgres = process.env.TEST_DATABASE_URL;
  if (!postgres) {
    it.skip('migrate-to-postgres and pg_dump/pg_restore: set TEST_DATABASE_URL to run them on PostgreSQL', () => {});
    return;
  }

  describe('on PostgreSQL', () => {
    const names = [1, 2, 3].map((n) => `jaring_backup_${Date.now().toString(36)}_${n}`);
    const [migrated, restoredDb, partitioned] = names.map((name) => withDatabaseName(postgres, name)) as [string, string, string];
    const admin = () => {
      const client = new pg.Client({ connectionString: postgres });
      return client;
    };
    beforeAll(async () => {
      const client = admin();
      await client.connect();
      for (const name of names) await client.query(`CREATE DATABASE ${name}`);
      await client.end();
    });
    afterAll(async () => {
      const client = admin();
      await client.connect();
      for (const name of names) await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.end();
    });

    it('migrate-to-postgres copies the embedded installation into an empty database, row for row, and refuses a second time', async () => {
      const run = await jaring(['migrate-to-postgres', migrated, '--batch', '500'], { JARING_DATA_DIR: dataDir });
      expect(run.stderr).toContain('copy rows');
      expect(run.code).toBe(0);
      expect(run.stdout).toContain('Same row counts, trial balance and journal lines on both.');
      const database = await openPostgres(migrated, 2);
      try {
        const checks = await checksOf(database);
        expect(checks.tables).toEqual(original.checks.tables);
        expect(checks.trialBalance.accounts).toEqual(original.checks.trialBalance.accounts);
        expect(checks.ledgerDigest).toBe(original.checks.ledgerDigest);
        // schema_migration is the target's own (its applied_at); every other row is the same.
        const { schema_migration: _source, ...digests } = original.digests;
        expect(await contentDigests(database, ['schema_migration'])).toEqual(digests);
        // The sequences follow: each stands where it stood in the embedded database.
        expect(await sequences(database)).toEqual(original.sequences);
        // The ledger's own triggers are back on: an unbalanced line is still refused.
        await expect(
          sql`INSERT INTO journal_line (entry_id, line_no, account_code, office_id, entry_date, debit, credit)
              SELECT entry_id, 99, account_code, office_id, entry_date, 1, 0 FROM journal_line LIMIT 1`.execute(database.db),
        ).rejects.toThrow(/unbalanced/);
      } finally {
        await database.close();
      }
      const again = await jaring(['migrate-to-postgres', migrated], { JARING_DATA_DIR: dataDir });
      expect(again.code).toBe(1);
      expect(again.stderr).toContain('Refused: the target database is already in use');
      noStackTrace(again);
    }, 300_000);

    it('migrate-to-postgres creates the partitions the target lacks, with their triggers off for the copy, and refuses tables the target does not have', async () => {
      const sourceDir = join(work, 'partitioned');
      const source = await openPglite({ dataDir: sourceDir, loadDataDir: new Blob([gunzipSync(readFileSync(backupFile))]) });
      const partitionedTable = async (db: Database['db'], months: string[]) => {
        await sql`CREATE TABLE zz_visit (id int NOT NULL, day date NOT NULL, PRIMARY KEY (id, day)) PARTITION BY RANGE (day)`.execute(db);
        for (const month of months)
          await sql
            .raw(
              `CREATE TABLE zz_visit_${month.replace('-', '_')} PARTITION OF zz_visit FOR VALUES FROM ('${month}-01') TO ('${month}-01'::date + interval '1 month')`,
            )
            .execute(db);
      };
      const refuseInserts = async (db: Database['db']) => {
        await sql`CREATE FUNCTION zz_refuse() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'zz_visit is closed'; END $$`.execute(
          db,
        );
        await sql`CREATE TRIGGER zz_refuse BEFORE INSERT ON zz_visit FOR EACH ROW EXECUTE FUNCTION zz_refuse()`.execute(db);
      };
      try {
        await partitionedTable(source.db, ['2026-01', '2026-02']);
        await sql`INSERT INTO zz_visit VALUES (1, '2026-01-05'), (2, '2026-02-07'), (3, '2026-02-28')`.execute(source.db);
        await refuseInserts(source.db);
        await sql`CREATE TABLE zz_by_hand (note text)`.execute(source.db);
      } finally {
        await source.close();
      }
      // The target: migrated and unused, with the table as its migrations would make it (one month so far).
      const target = await openPostgres(partitioned, 2);
      try {
        await migrate(target);
        await partitionedTable(target.db, ['2026-01']);
        await refuseInserts(target.db);
      } finally {
        await target.close();
      }

      const refused = await jaring(['migrate-to-postgres', partitioned], { JARING_DATA_DIR: sourceDir });
      expect(refused.code).toBe(1);
      expect(refused.stderr).toContain('has tables the migrated PostgreSQL database does not (zz_by_hand)');
      noStackTrace(refused);

      const again = await openPglite({ dataDir: sourceDir });
      await sql`DROP TABLE zz_by_hand`.execute(again.db);
      await again.close();
      const run = await jaring(['migrate-to-postgres', partitioned], { JARING_DATA_DIR: sourceDir });
      expect(run.stderr).not.toContain('Error');
      expect(run.code).toBe(0);
      expect(run.stdout).toContain('Created 1 partitions the target lacked');
      expect(run.stdout).toContain('Same row counts, trial balance and journal lines on both.');
      const copied = await openPostgres(partitioned, 2);
      try {
        const rows = await sql<{ id: number; part: string }>`SELECT id, tableoid::regclass::text AS part FROM zz_visit ORDER BY id`.execute(
          copied.db,
        );
        expect(rows.rows).toEqual([
          { id: 1, part: 'zz_visit_2026_01' },
          { id: 2, part: 'zz_visit_2026_02' },
          { id: 3, part: 'zz_visit_2026_02' },
        ]);
        // Its trigger is on again, in the new partition too.
        await expect(sql`INSERT INTO zz_visit VALUES (4, '2026-02-10')`.execute(copied.db)).rejects.toThrow(/zz_visit is closed/);
      } finally {
        await copied.close();
      }
    }, 300_000);

    it('backs up PostgreSQL with pg_dump and restores it with pg_restore into an empty database: same checks and rows; refuses a non-empty one', async () => {
      const file = join(work, 'jaring.dump');
      const backup = await jaring(['backup', file], { DATABASE_URL: migrated });
      expect(backup.code).toBe(0);
      expect(backup.stdout).toContain('pg_dump, custom format');
      expect(backup.stdout).toContain(original.checks.ledgerDigest);
      expect(readFileSync(file).subarray(0, 5).toString()).toBe('PGDMP');
      expect(JSON.parse(readFileSync(`${file}.checks.json`, 'utf8')).tables).toEqual(original.checks.tables);

      const restore = await jaring(['restore', file], { DATABASE_URL: restoredDb });
      expect(restore.code).toBe(0);
      expect(restore.stdout).toContain('Same row counts, trial balance and journal lines as when the backup was taken.');
      const [from, to] = await Promise.all([openPostgres(migrated, 2), openPostgres(restoredDb, 2)]);
      try {
        expect(await contentDigests(to)).toEqual(await contentDigests(from));
        expect((await checksOf(to)).trialBalance.accounts).toEqual(original.checks.trialBalance.accounts);
      } finally {
        await Promise.all([from.close(), to.close()]);
      }

      const refused = await jaring(['restore', file], { DATABASE_URL: restoredDb });
      expect(refused.code).toBe(1);
      expect(refused.stderr).toContain('Refused: the target database already has');
      const wrongKind = await jaring(['restore', backupFile], { DATABASE_URL: restoredDb });
      expect(wrongKind.code).toBe(1);
      expect(wrongKind.stderr).toContain('is a backup of an embedded database');
      for (const run of [refused, wrongKind]) noStackTrace(run);
    }, 300_000);
  });
});
