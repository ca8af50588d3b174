import { existsSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { gunzipSync, gzipSync } from 'node:zlib';
import { sql } from 'kysely';
import pg from 'pg';
import type { Logger } from 'pino';
import { systemContext } from '../bootstrap.ts';
import type { Config } from '../config.ts';
import { acquireDataDirLock, DataDirBusyError, type DataDirLock } from '../db/data-dir-lock.ts';
import { type Database, openPglite, openPostgres } from '../db/database.ts';
import { type Checks, compareChecks, databaseChecks, formatChecks } from './checks.ts';
import { connectionFor, findTool, runTool } from './postgres-tools.ts';
import { firstTarEntry, tarEntry } from './tar.ts';
import { UsageError } from './usage-error.ts';

export class BackupUsageError extends UsageError {}
/** Refused on purpose (a running server, a non-empty target, a wrong kind of file): exit code 1, no usage text. */
export class BackupRefusedError extends Error {}

const USAGE = `Usage:
  jaring backup <file> [--force]      write a backup of the database to <file>
                                      (--force overwrites an existing file)
  jaring restore <file> [--force]     restore a backup into an empty database
                                      (--force: replace what is there)`;

export type BackupArgs = { action: 'backup' | 'restore'; file: string; force: boolean };

/** Read before the database is opened, so a typo costs nothing. */
export function parseBackupArgs(action: 'backup' | 'restore', args: string[]): BackupArgs {
  const { positionals, values } = parseArgs({ args, allowPositionals: true, strict: true, options: { force: { type: 'boolean' } } });
  const [file] = positionals;
  if (positionals.length !== 1 || !file) throw new BackupUsageError(`${action} needs exactly one file name.\n\n${USAGE}`);
  return { action, file: resolve(file), force: values.force === true };
}

/** The backup of an embedded database: PGlite's data directory as a .tar.gz, this manifest its first file. */
export const MANIFEST_NAME = 'jaring-backup.json';
export type Manifest = { format: 'jaring-pglite'; version: 1; createdAt: string; migrations: string[]; checks: Checks };

const GZIP = [0x1f, 0x8b];
const PG_DUMP_MAGIC = 'PGDMP';

type BackupKind = 'pglite' | 'pg_dump';
function kindOfFile(head: Uint8Array): BackupKind | null {
  if (head[0] === GZIP[0] && head[1] === GZIP[1]) return 'pglite';
  if (Buffer.from(head.subarray(0, 5)).toString('latin1') === PG_DUMP_MAGIC) return 'pg_dump';
  return null;
}

export async function backupCommand(config: Config, log: Logger, args: BackupArgs): Promise<number> {
  if (args.action === 'backup') {
    if (existsSync(args.file) && !args.force)
      throw new BackupRefusedError(`${args.file} already exists; give --force to overwrite it, or choose another name.`);
    return config.databaseUrl ? backupPostgres(config.databaseUrl, log, args.file) : backupPglite(config.dataDir, log, args.file);
  }
  if (!existsSync(args.file) || !statSync(args.file).isFile()) throw new BackupRefusedError(`No backup file ${args.file}.`);
  return config.databaseUrl
    ? restorePostgres(config.databaseUrl, log, args.file, args.force)
    : restorePglite(config.dataDir, log, args.file, args.force);
}

// ——— embedded database (PGlite) ———

const hasDatabase = (dataDir: string) => existsSync(join(dataDir, 'PG_VERSION'));

/**
 * PGlite keeps its database inside one process. Copying the files from outside while that
 * process writes gives a torn copy, and there is no way to ask a running server for a
 * snapshot, so a backup or restore needs the data directory to itself.
 */
function lockForBackup(dataDir: string, command: 'backup' | 'restore'): DataDirLock {
  try {
    return acquireDataDirLock(dataDir, command);
  } catch (error) {
    if (!(error instanceof DataDirBusyError)) throw error;
    const where = error.holder.port ? ` at http://localhost:${error.holder.port}` : '';
    throw new BackupRefusedError(
      `Refused: the data directory ${dataDir} is in use by "jaring ${error.holder.command}" (pid ${error.holder.pid})${where}. ` +
        `The embedded database lives inside that process; copying its files while it writes would give a broken ${command === 'backup' ? 'backup' : 'database'}. ` +
        `Stop it (Ctrl-C in its terminal), run "jaring ${command}" again, then start it again. ` +
        'To back up without stopping, move to PostgreSQL (jaring migrate-to-postgres) and use pg_dump.',
    );
  }
}

async function appliedMigrations(database: Database): Promise<string[]> {
  try {
    const result = await sql<{ name: string }>`SELECT name FROM schema_migration ORDER BY name`.execute(database.db);
    return result.rows.map((row) => row.name);
  } catch {
    return [];
  }
}

async function backupPglite(dataDir: string, log: Logger, file: string): Promise<number> {
  if (!hasDatabase(dataDir)) throw new BackupRefusedError(`There is no embedded database in ${dataDir} (JARING_DATA_DIR) to back up.`);
  const lock = lockForBackup(dataDir, 'backup');
  try {
    const database = await openPglite({ dataDir });
    try {
      const pglite = database.pglite as NonNullable<Database['pglite']>;
      // Everything committed is in the data files, so a restore needs no WAL replay.
      await pglite.exec('CHECKPOINT');
      const checks = await databaseChecks(systemContext(database, log, 'cli:backup'));
      const manifest: Manifest = {
        format: 'jaring-pglite',
        version: 1,
        createdAt: new Date().toISOString(),
        migrations: await appliedMigrations(database),
        checks,
      };
      const dump = new Uint8Array(await (await pglite.dumpDataDir('none')).arrayBuffer());
      const head = tarEntry(MANIFEST_NAME, Buffer.from(JSON.stringify(manifest, null, 1)), new Date());
      const partial = join(dirname(file), `.${basename(file)}.partial`);
      writeFileSync(partial, gzipSync(Buffer.concat([head, dump])));
      renameSync(partial, file); // never a half-written file under the real name
      console.log(`Backup of ${dataDir} written to ${file} (${statSync(file).size.toLocaleString('en')} bytes).`);
      console.log(formatChecks(checks));
      return 0;
    } finally {
      await database.close();
    }
  } finally {
    lock.release();
  }
}

function readPgliteBackup(file: string): { tar: Buffer<ArrayBuffer>; manifest: Manifest } {
  const bytes = readFileSync(file);
  const kind = kindOfFile(bytes);
  if (kind === 'pg_dump')
    throw new BackupRefusedError(
      `${file} is a PostgreSQL dump (pg_dump): restore it with DATABASE_URL set to an empty PostgreSQL database, not into a data directory.`,
    );
  let tar: Buffer<ArrayBuffer>;
  try {
    if (kind !== 'pglite') throw new Error('not gzip');
    tar = gunzipSync(bytes);
  } catch {
    throw new BackupRefusedError(`${file} is not a Jaring backup (neither "jaring backup" of an embedded database nor pg_dump).`);
  }
  const head = firstTarEntry(tar, MANIFEST_NAME);
  let manifest: Manifest | null = null;
  try {
    manifest = head ? (JSON.parse(Buffer.from(head).toString('utf8')) as Manifest) : null;
  } catch {
    manifest = null;
  }
  if (manifest?.format !== 'jaring-pglite') throw new BackupRefusedError(`${file} is not a Jaring backup of an embedded database.`);
  return { tar, manifest };
}

const stamp = () => new Date().toISOString().replace(/[-:]/g, '').replace(/\..*$/, '');

async function restorePglite(dataDir: string, log: Logger, file: string, force: boolean): Promise<number> {
  const { tar, manifest } = readPgliteBackup(file);
  const occupied = existsSync(dataDir) && readdirSync(dataDir).some((name) => name !== 'jaring.lock');
  if (occupied && !force)
    throw new BackupRefusedError(
      `Refused: ${dataDir} is not empty${hasDatabase(dataDir) ? ' (it holds a database)' : ''}. Restore into an empty JARING_DATA_DIR, ` +
        'or give --force to move what is there aside (it is kept, not deleted) and restore in its place.',
    );
  let lock = lockForBackup(dataDir, 'restore');
  let asideDir: string | null = null;
  if (occupied) {
    // Kept next to it, never deleted: a restore over the wrong directory can be undone by hand.
    asideDir = `${dataDir}.before-restore-${stamp()}`;
    renameSync(dataDir, asideDir);
    rmSync(join(asideDir, 'jaring.lock'), { force: true });
    lock = lockForBackup(dataDir, 'restore');
  }
  try {
    let checks: Checks;
    try {
      const database = await openPglite({ dataDir, loadDataDir: new Blob([tar]) });
      try {
        checks = await databaseChecks(systemContext(database, log, 'cli:restore'));
      } finally {
        await database.close();
      }
    } catch (error) {
      // Leave no half-restored directory behind that the server would then open.
      for (const name of readdirSync(dataDir)) if (name !== 'jaring.lock') rmSync(join(dataDir, name), { recursive: true, force: true });
      throw error;
    } finally {
      rmSync(join(dataDir, MANIFEST_NAME), { force: true });
    }
    if (asideDir) console.log(`What was in ${dataDir} is now in ${asideDir}.`);
    console.log(`Restored ${file} (backup of ${manifest.createdAt}) into ${dataDir}.`);
    console.log(formatChecks(checks));
    const differences = compareChecks(manifest.checks, checks);
    if (differences.length > 0) {
      console.error(`The restored database does not match the backup's own checks:\n  ${differences.join('\n  ')}`);
      return 1;
    }
    console.log('Same row counts, trial balance and journal lines as when the backup was taken.');
    return 0;
  } finally {
    lock.release();
  }
}

// ——— PostgreSQL ———

/** A pg_dump archive cannot carry our checks, so they go in a small file beside it. */
export const checksFileOf = (file: string) => `${file}.checks.json`;

function readChecksFile(path: string): Checks | null {
  if (!existsSync(path)) return null;
  try {
    const checks = JSON.parse(readFileSync(path, 'utf8')) as Checks;
    return checks && typeof checks.tables === 'object' && checks.trialBalance ? checks : null;
  } catch {
    return null;
  }
}

/** Tables in the database's current schema: a restore target must have none. */
async function tablesIn(url: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const result = await client.query<{ n: string }>(
      `SELECT count(*) AS n FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
       WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p')`,
    );
    return Number(result.rows[0]?.n ?? 0);
  } finally {
    await client.end();
  }
}

async function backupPostgres(url: string, log: Logger, file: string): Promise<number> {
  const pgDump = findTool('pg_dump');
  const database = await openPostgres(url, 1);
  try {
    // The checks and the dump read the same snapshot: what is printed is what is in the file.
    const checks = await database.db.connection().execute(async (connection) => {
      await sql`BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY`.execute(connection);
      try {
        const snapshot = await sql<{ id: string }>`SELECT pg_export_snapshot() AS id`.execute(connection);
        const found = await databaseChecks({ ...systemContext(database, log, 'cli:backup'), db: connection });
        const target = connectionFor(url);
        const partial = join(dirname(file), `.${basename(file)}.partial`);
        await runTool(
          pgDump,
          ['--format=custom', '--no-owner', `--snapshot=${snapshot.rows[0]?.id}`, `--file=${partial}`, `--dbname=${target.url}`],
          target.env,
        );
        renameSync(partial, file);
        writeFileSync(checksFileOf(file), JSON.stringify(found, null, 1));
        return found;
      } finally {
        await sql`COMMIT`.execute(connection);
      }
    });
    console.log(
      `Backup (pg_dump, custom format) written to ${file} (${statSync(file).size.toLocaleString('en')} bytes); its checks to ${checksFileOf(file)}.`,
    );
    console.log(formatChecks(checks));
    return 0;
  } finally {
    await database.close();
  }
}

async function restorePostgres(url: string, log: Logger, file: string, force: boolean): Promise<number> {
  const head = readFileSync(file).subarray(0, 5);
  const kind = kindOfFile(head);
  if (kind === 'pglite')
    throw new BackupRefusedError(
      `${file} is a backup of an embedded database. Restore it into a data directory (DATABASE_URL unset, JARING_DATA_DIR empty), ` +
        'then move it here with "jaring migrate-to-postgres <DATABASE_URL>".',
    );
  if (kind !== 'pg_dump') throw new BackupRefusedError(`${file} is not a pg_dump archive (custom format) made by "jaring backup".`);
  const pgRestore = findTool('pg_restore');
  const tables = await tablesIn(url);
  if (tables > 0 && !force)
    throw new BackupRefusedError(
      `Refused: the target database already has ${tables} tables. Restore into an empty database (createdb jaring_restored), ` +
        'or give --force to drop and replace the objects the backup holds.',
    );
  const target = connectionFor(url);
  await runTool(
    pgRestore,
    [
      '--no-owner',
      '--exit-on-error',
      '--single-transaction',
      ...(tables > 0 ? ['--clean', '--if-exists'] : []),
      `--dbname=${target.url}`,
      file,
    ],
    target.env,
  );
  const database = await openPostgres(url, 1);
  try {
    const checks = await databaseChecks(systemContext(database, log, 'cli:restore'));
    console.log(`Restored ${file} into the PostgreSQL database.`);
    console.log(formatChecks(checks));
    const expected = readChecksFile(checksFileOf(file));
    if (!expected) {
      console.log(`No ${checksFileOf(file)} beside the backup: compare these with what "jaring backup" printed when it wrote the file.`);
      return 0;
    }
    const differences = compareChecks(expected, checks);
    if (differences.length > 0) {
      console.error(`The restored database does not match the backup's checks (${checksFileOf(file)}):\n  ${differences.join('\n  ')}`);
      return 1;
    }
    console.log('Same row counts, trial balance and journal lines as when the backup was taken.');
    return 0;
  } finally {
    await database.close();
  }
}
