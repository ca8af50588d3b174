import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { PGlite, Transaction } from '@electric-sql/pglite';
import pg from 'pg';
import type { Logger } from 'pino';
import { type Opened, openConfiguredDatabase, systemContext } from '../bootstrap.ts';
import type { Config } from '../config.ts';
import { DataDirBusyError } from '../db/data-dir-lock.ts';
import { openPostgres } from '../db/database.ts';
import { migrate } from '../db/migrate.ts';
import { BackupRefusedError } from './backup.ts';
import { type Checks, compareChecks, databaseChecks, formatChecks, listTables } from './checks.ts';
import { progressBar } from './progress.ts';
import { UsageError } from './usage-error.ts';

export class MigrateUsageError extends UsageError {}

const USAGE = `Usage: jaring migrate-to-postgres <DATABASE_URL> [--batch <rows>]
  copies the embedded database (JARING_DATA_DIR) into an empty PostgreSQL database,
  e.g. jaring migrate-to-postgres postgres://jaring@db.example:5432/jaring`;

export type MigrateArgs = { url: string; batch: number };

export function parseMigrateArgs(args: string[]): MigrateArgs {
  const { positionals, values } = parseArgs({ args, allowPositionals: true, strict: true, options: { batch: { type: 'string' } } });
  const [url] = positionals;
  if (positionals.length !== 1 || !url) throw new MigrateUsageError(`migrate-to-postgres needs the target DATABASE_URL.\n\n${USAGE}`);
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new MigrateUsageError(`"${url}" is not a PostgreSQL URL.\n\n${USAGE}`);
  }
  if (parsed.protocol !== 'postgres:' && parsed.protocol !== 'postgresql:')
    throw new MigrateUsageError(`"${parsed.protocol}" is not a PostgreSQL URL (postgres://…).\n\n${USAGE}`);
  const batch = values.batch === undefined ? 2000 : Number(values.batch);
  if (!Number.isInteger(batch) || batch < 1 || batch > 100_000)
    throw new MigrateUsageError('--batch must be a whole number from 1 to 100000');
  return { url, batch };
}

/** Tables that only an installation in use has rows in: a target with any is not empty. */
const IN_USE = ['organisation', 'office', 'app_user', 'household', 'journal_entry', 'audit_log'];

async function assertEmptyTarget(client: pg.Client): Promise<void> {
  const tables = await client.query<{ name: string }>(
    `SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p') AND NOT c.relispartition`,
  );
  const names = new Set(tables.rows.map((row) => row.name));
  if (names.size === 0) return;
  // Migrated (e.g. by "jaring migrate", or by an earlier run that failed and rolled back) but unused is fine.
  if (!names.has('schema_migration'))
    throw new BackupRefusedError(
      `Refused: the target database has ${names.size} tables and is not a Jaring database. Give the URL of an empty database (createdb jaring).`,
    );
  const used: string[] = [];
  for (const name of IN_USE) {
    if (!names.has(name)) continue;
    const rows = await client.query(`SELECT 1 FROM ${pg.escapeIdentifier(name)} LIMIT 1`);
    if (rows.rows.length > 0) used.push(name);
  }
  if (used.length > 0)
    throw new BackupRefusedError(
      `Refused: the target database is already in use (rows in ${used.join(', ')}). Copying into it would mix two installations; give the URL of an empty database.`,
    );
}

async function tableNames(client: pg.Client): Promise<string[]> {
  const result = await client.query<{ name: string }>(
    `SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p')`,
  );
  return result.rows.map((row) => row.name);
}

/**
 * Partitions are made over time (months ahead by close of day), so the embedded database can
 * have some that the freshly migrated target lacks: they are created with the same bounds,
 * parents before their own partitions. Returns how many were created.
 */
async function matchPartitions(source: PGlite, target: pg.Client): Promise<number> {
  const partitions = await source.query<{ parent: string; name: string; bound: string }>(
    `SELECT p.relname AS parent, c.relname AS name, pg_get_expr(c.relpartbound, c.oid) AS bound
     FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid JOIN pg_class p ON p.oid = i.inhparent
     JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE n.nspname = current_schema() AND c.relispartition AND c.relkind IN ('r', 'p')
     ORDER BY c.relname`,
  );
  const existing = new Set(await tableNames(target));
  let todo = partitions.rows.filter((row) => !existing.has(row.name));
  let created = 0;
  while (todo.length > 0) {
    const ready = todo.filter((row) => existing.has(row.parent));
    if (ready.length === 0) throw new Error(`Partitions without a parent on the target: ${todo.map((row) => row.name).join(', ')}`);
    for (const row of ready) {
      // An archived month's stand-in (jaring partitions archive) keeps refusing rows on the target.
      const refuse = /_a\d{6}$/.test(row.name) ? ` (CONSTRAINT ${pg.escapeIdentifier(`${row.name}_archived`)} CHECK (false))` : '';
      await target.query(
        `CREATE TABLE ${pg.escapeIdentifier(row.name)} PARTITION OF ${pg.escapeIdentifier(row.parent)}${refuse} ${row.bound}`,
      );
      existing.add(row.name);
      created++;
    }
    todo = todo.filter((row) => !existing.has(row.name));
  }
  return created;
}

/** Tables ordered so that every table comes after the tables its foreign keys point to. */
async function dependencyOrder(client: pg.Client, tables: string[]): Promise<string[]> {
  const references = await client.query<{ child: string; parent: string }>(
    `SELECT c.relname AS child, p.relname AS parent
     FROM pg_constraint k JOIN pg_class c ON c.oid = k.conrelid JOIN pg_class p ON p.oid = k.confrelid
     JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE k.contype = 'f' AND n.nspname = current_schema() AND c.oid <> p.oid`,
  );
  const parents = new Map<string, Set<string>>(tables.map((name) => [name, new Set()]));
  for (const { child, parent } of references.rows) if (parents.has(child) && parents.has(parent)) parents.get(child)?.add(parent);
  const ordered: string[] = [];
  const placed = new Set<string>();
  while (ordered.length < tables.length) {
    const ready = tables.filter((name) => !placed.has(name) && [...(parents.get(name) ?? [])].every((p) => placed.has(p)));
    // A cycle of foreign keys: copy the rest in name order; the triggers that check them are off during the copy.
    const next = ready.length > 0 ? ready : tables.filter((name) => !placed.has(name));
    for (const name of next) {
      ordered.push(name);
      placed.add(name);
      if (ready.length === 0) break;
    }
  }
  return ordered;
}

/** The columns a row can be written to: not generated ones. */
async function writableColumns(client: pg.Client, table: string): Promise<string[]> {
  const result = await client.query<{ name: string }>(
    `SELECT a.attname AS name FROM pg_attribute a
     WHERE a.attrelid = $1::regclass AND a.attnum > 0 AND NOT a.attisdropped AND a.attgenerated = ''
     ORDER BY a.attnum`,
    [pg.escapeIdentifier(table)],
  );
  return result.rows.map((row) => row.name);
}

/**
 * Rows travel as JSON (row_to_json on PGlite, json_populate_recordset on PostgreSQL): every
 * type keeps its exact text (bigint, numeric, timestamptz to the microsecond, arrays, jsonb),
 * whatever the two drivers would make of it in JavaScript.
 */
async function copyTable(
  source: Transaction,
  target: pg.Client,
  table: string,
  batch: number,
  onRows: (rows: number) => void,
): Promise<number> {
  const columns = await writableColumns(target, table);
  const list = columns.map((c) => pg.escapeIdentifier(c)).join(', ');
  const name = pg.escapeIdentifier(table);
  const insert = `INSERT INTO ${name} (${list}) OVERRIDING SYSTEM VALUE SELECT ${list} FROM json_populate_recordset(NULL::${name}, $1::json)`;
  await source.query(`DECLARE copy_rows NO SCROLL CURSOR FOR SELECT row_to_json(t)::text AS r FROM ${name} t`);
  let copied = 0;
  for (;;) {
    const fetched = await source.query<{ r: string }>(`FETCH ${batch} FROM copy_rows`);
    if (fetched.rows.length === 0) break;
    await target.query(insert, [`[${fetched.rows.map((row) => row.r).join(',')}]`]);
    copied += fetched.rows.length;
    onRows(copied);
  }
  await source.query('CLOSE copy_rows');
  return copied;
}

async function copySequences(source: PGlite, target: pg.Client): Promise<number> {
  const sequences = await source.query<{ name: string; value: string | null }>(
    'SELECT sequencename AS name, last_value::text AS value FROM pg_sequences WHERE schemaname = current_schema()',
  );
  let set = 0;
  for (const { name, value } of sequences.rows) {
    if (value === null) continue; // never used: the fresh one on the target is the same
    await target.query('SELECT setval($1::regclass, $2::bigint, true)', [pg.escapeIdentifier(name), value]);
    set++;
  }
  return set;
}

/** `jaring migrate-to-postgres <url>`: the embedded installation copied into an empty PostgreSQL database, then checked. */
export async function migrateToPostgresCommand(config: Config, log: Logger, args: MigrateArgs): Promise<number> {
  if (!existsSync(join(config.dataDir, 'PG_VERSION')))
    throw new BackupRefusedError(`There is no embedded database in ${config.dataDir} (JARING_DATA_DIR) to copy.`);
  // The source is brought to the current schema first, so both sides have the same tables.
  let opened: Opened;
  try {
    opened = await openConfiguredDatabase({ ...config, databaseUrl: undefined }, 'migrate-to-postgres');
  } catch (error) {
    if (!(error instanceof DataDirBusyError)) throw error;
    throw new BackupRefusedError(
      `Refused: the data directory ${config.dataDir} is in use by "jaring ${error.holder.command}" (pid ${error.holder.pid}). ` +
        'Stop it first: the copy must see the books as they stand, with nobody writing.',
    );
  }
  try {
    const client = new pg.Client({ connectionString: args.url });
    try {
      await client.connect();
    } catch (error) {
      throw new BackupRefusedError(`Cannot connect to ${redacted(args.url)}: ${(error as Error).message}`);
    }
    let sourceChecks: Checks;
    try {
      await assertEmptyTarget(client);
      const target = await openPostgres(args.url, 2);
      try {
        await migrate(target);
      } finally {
        await target.close();
      }
      const sourceContext = systemContext(opened.database, log, 'cli:migrate-to-postgres');
      sourceChecks = await databaseChecks(sourceContext);
      const tables = (await listTables(opened.database.db)).filter((name) => name !== 'schema_migration');
      const pglite = opened.database.pglite as PGlite;
      const targetTables = new Set(await tableNames(client));
      const missing = tables.filter((name) => !targetTables.has(name));
      if (missing.length > 0)
        throw new BackupRefusedError(
          `Refused: the embedded database has tables the migrated PostgreSQL database does not (${missing.join(', ')}): ` +
            'tables made by hand, or detached partitions. Move or drop them in the embedded database first; nothing was copied.',
        );
      const ordered = await dependencyOrder(client, tables);
      // One transaction: a failed copy leaves the target as empty as it was. The tables' own
      // triggers (append-only, balance checks, derived facts) are off for the copy: the rows
      // were checked when they were first written, and the checks below compare the result.
      await client.query('BEGIN');
      try {
        const partitions = await matchPartitions(pglite, client);
        for (const table of ordered) await client.query(`ALTER TABLE ${pg.escapeIdentifier(table)} DISABLE TRIGGER USER`);
        await client.query(`TRUNCATE ${ordered.map((t) => pg.escapeIdentifier(t)).join(', ')}`);
        const total = ordered.reduce((sum, table) => sum + (sourceChecks.tables[table] ?? 0), 0);
        const bar = progressBar('copy rows');
        let before = 0;
        await pglite.transaction(async (source) => {
          for (const table of ordered)
            before += await copyTable(source, client, table, args.batch, (rows) => bar.update(before + rows, total));
        });
        bar.finish();
        const sequences = await copySequences(pglite, client);
        for (const table of ordered) await client.query(`ALTER TABLE ${pg.escapeIdentifier(table)} ENABLE TRIGGER USER`);
        await client.query('COMMIT');
        if (partitions > 0) console.log(`Created ${partitions} partitions the target lacked, with the embedded database's bounds.`);
        console.log(`Copied ${ordered.length} tables and ${sequences} sequences from ${config.dataDir} to ${redacted(args.url)}.`);
      } catch (error) {
        await client.query('ROLLBACK').catch(() => {});
        throw error;
      }
    } finally {
      await client.end();
    }
    const target = await openPostgres(args.url, 2);
    try {
      const targetChecks = await databaseChecks(systemContext(target, log, 'cli:migrate-to-postgres'));
      console.log(`\nEmbedded database (${config.dataDir}):\n${formatChecks(sourceChecks)}`);
      console.log(`\nPostgreSQL (${redacted(args.url)}):\n${formatChecks(targetChecks)}`);
      // schema_migration is not copied: the target has its own rows, one per migration, like the source.
      const differences = compareChecks(sourceChecks, targetChecks);
      if (differences.length > 0) {
        console.error(`\nThe copy does not match the embedded database:\n  ${differences.join('\n  ')}`);
        return 1;
      }
      console.log(
        `\nSame row counts, trial balance and journal lines on both. Run Jaring on PostgreSQL with DATABASE_URL=${redacted(args.url)}; ` +
          `keep ${config.dataDir} until you have checked it.`,
      );
      return 0;
    } finally {
      await target.close();
    }
  } finally {
    await opened.close();
  }
}

function redacted(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return '(the URL given)';
  }
}
