import { existsSync, readFileSync } from 'node:fs';
import pg from 'pg';
import { afterAll, beforeAll, describe } from 'vitest';
import { businessDate, systemClock } from '../core/clock.ts';
import { type Database, type DatabaseKind, openPglite, openPostgres } from '../db/database.ts';
import { fillDemo } from '../modules/demo/index.ts';
import { systemTestContext } from './context.ts';
import {
  DEMO_TEMPLATE_INFO,
  PGLITE_DEMO_FILE,
  PGLITE_TEMPLATE_FILE,
  POSTGRES_DEMO_DB,
  POSTGRES_TEMPLATE_DB,
  withDatabaseName,
} from './paths.ts';

/** PGlite always; PostgreSQL too when TEST_DATABASE_URL is set. */
export function testDatabaseKinds(): DatabaseKind[] {
  return process.env.TEST_DATABASE_URL ? ['pglite', 'postgres'] : ['pglite'];
}

/**
 * The demo template (filled once per run by global-setup) serves only while it is the same
 * business day: the demo's dates (instalments due, today's meetings) are relative to the day
 * it was filled, so after midnight WIB a test fills its own.
 */
function demoTemplateIsCurrent(): boolean {
  if (!existsSync(DEMO_TEMPLATE_INFO)) return false;
  const info = JSON.parse(readFileSync(DEMO_TEMPLATE_INFO, 'utf8')) as { businessDate?: string };
  return info.businessDate === businessDate(systemClock);
}

/**
 * A fresh, migrated database with all regions, private to the caller; with `demo`, also
 * the demo organisation, offices, users, households and groups, exactly as
 * `fillDemo(systemTestContext(database))` leaves them (copied from the run's demo template).
 */
export async function openTestDatabase(kind: DatabaseKind, options: { demo?: boolean } = {}): Promise<Database> {
  const fromDemo = options.demo === true && demoTemplateIsCurrent();
  const database = await openCopy(kind, fromDemo);
  if (options.demo && !fromDemo) await fillDemo(systemTestContext(database));
  return database;
}

async function openCopy(kind: DatabaseKind, demo: boolean): Promise<Database> {
  if (kind === 'pglite') return openPglite({ loadDataDir: new Blob([readFileSync(demo ? PGLITE_DEMO_FILE : PGLITE_TEMPLATE_FILE)]) });
  const url = process.env.TEST_DATABASE_URL;
  if (!url) throw new Error('TEST_DATABASE_URL is not set');
  const name = `jaring_t_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name} TEMPLATE ${demo ? POSTGRES_DEMO_DB : POSTGRES_TEMPLATE_DB}`);
  } finally {
    await admin.end();
  }
  const database = await openPostgres(withDatabaseName(url, name), 5);
  return {
    ...database,
    async close() {
      await database.close();
      const cleanup = new pg.Client({ connectionString: url });
      await cleanup.connect();
      await cleanup.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await cleanup.end();
    },
  };
}

/** Runs the same suite once per database kind, each with its own fresh database. */
export function describeEachDatabase(name: string, suite: (getDatabase: () => Database, kind: DatabaseKind) => void) {
  for (const kind of testDatabaseKinds()) {
    describe(`${name} [${kind}]`, () => {
      let database: Database | undefined;
      beforeAll(async () => {
        database = await openTestDatabase(kind);
      });
      afterAll(async () => {
        await database?.close();
      });
      suite(() => {
        if (!database) throw new Error('database not open yet');
        return database;
      }, kind);
    });
  }
}
