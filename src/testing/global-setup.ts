import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import pg from 'pg';
import { businessDate, systemClock } from '../core/clock.ts';
import { type Database, openPglite, openPostgres } from '../db/database.ts';
import { migrate } from '../db/migrate.ts';
import { fillDemo } from '../modules/demo/index.ts';
import { ensureRegionsLoaded } from '../modules/regions/index.ts';
import { systemTestContext } from './context.ts';
import {
  DEMO_TEMPLATE_INFO,
  PGLITE_DEMO_FILE,
  PGLITE_TEMPLATE_FILE,
  POSTGRES_DEMO_DB,
  POSTGRES_TEMPLATE_DB,
  TMP_DIR,
  withDatabaseName,
} from './paths.ts';
import { withoutSpareWal } from './pglite-tar.ts';

/**
 * Builds one migrated database with all regions, once per run, and a second with the demo
 * data on top (about a hundred test files start from the demo: filling it once saves each a
 * few seconds); every test file then starts from a copy (a PGlite tarball, or CREATE
 * DATABASE … TEMPLATE on PostgreSQL).
 */
export default async function setup() {
  mkdirSync(TMP_DIR, { recursive: true });
  rmSync(DEMO_TEMPLATE_INFO, { force: true });
  const day = businessDate(systemClock);
  const template = await openPglite();
  await migrate(template);
  await ensureRegionsLoaded(template);
  writeFileSync(PGLITE_TEMPLATE_FILE, await compactDump(template));
  await fillDemo(systemTestContext(template));
  writeFileSync(PGLITE_DEMO_FILE, await compactDump(template));
  await template.close();

  const url = process.env.TEST_DATABASE_URL;
  if (url) {
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${POSTGRES_DEMO_DB} WITH (FORCE)`);
    await admin.query(`DROP DATABASE IF EXISTS ${POSTGRES_TEMPLATE_DB} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${POSTGRES_TEMPLATE_DB}`);
    const database = await openPostgres(withDatabaseName(url, POSTGRES_TEMPLATE_DB), 2);
    await migrate(database);
    await ensureRegionsLoaded(database);
    await database.close();
    await admin.query(`CREATE DATABASE ${POSTGRES_DEMO_DB} TEMPLATE ${POSTGRES_TEMPLATE_DB}`);
    const demo = await openPostgres(withDatabaseName(url, POSTGRES_DEMO_DB), 2);
    await fillDemo(systemTestContext(demo));
    await demo.close();
    await admin.end();
  }
  writeFileSync(DEMO_TEMPLATE_INFO, JSON.stringify({ businessDate: day }));
}

/** The data directory after a checkpoint, without the WAL segments it will never read. */
async function compactDump(database: Database): Promise<Uint8Array> {
  const pglite = database.pglite;
  if (!pglite) throw new Error('not a PGlite database');
  await pglite.exec('CHECKPOINT');
  const { rows } = await pglite.query<{ segment: string }>('SELECT pg_walfile_name(pg_current_wal_lsn()) AS segment');
  const dump = await pglite.dumpDataDir('none');
  const segment = rows[0]?.segment;
  if (!segment) throw new Error('PGlite did not name its current WAL segment');
  return withoutSpareWal(new Uint8Array(await dump.arrayBuffer()), segment);
}
