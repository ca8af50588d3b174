import { readdir, readFile } from 'node:fs/promises';
import { sql } from 'kysely';
import type { Database } from './database.ts';

const MIGRATIONS_DIR = new URL('../../migrations/', import.meta.url);
// Any fixed number: only one process applies migrations at a time on a PostgreSQL server.
const MIGRATION_LOCK_KEY = 7_162_534;

export async function listMigrations(): Promise<{ name: string; sql: string }[]> {
  const names = (await readdir(MIGRATIONS_DIR)).filter((name) => name.endsWith('.sql')).sort();
  return Promise.all(names.map(async (name) => ({ name, sql: await readFile(new URL(name, MIGRATIONS_DIR), 'utf8') })));
}

/** Applies the committed SQL migrations not yet applied, each in its own transaction. */
export async function migrate(database: Database): Promise<string[]> {
  const { db } = database;
  await sql`CREATE TABLE IF NOT EXISTS schema_migration (name text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())`.execute(db);
  const applied: string[] = [];
  for (const migration of await listMigrations()) {
    await db.transaction().execute(async (tx) => {
      if (database.kind === 'postgres') await sql`SELECT pg_advisory_xact_lock(${MIGRATION_LOCK_KEY})`.execute(tx);
      const done = await sql<{ name: string }>`SELECT name FROM schema_migration WHERE name = ${migration.name}`.execute(tx);
      if (done.rows.length > 0) return;
      await sql.raw(migration.sql).execute(tx);
      await sql`INSERT INTO schema_migration (name) VALUES (${migration.name})`.execute(tx);
      applied.push(migration.name);
    });
  }
  return applied;
}
