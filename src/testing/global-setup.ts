import { mkdirSync, writeFileSync } from 'node:fs';
import pg from 'pg';
import { openPglite, openPostgres } from '../db/database.ts';
import { migrate } from '../db/migrate.ts';
import { ensureRegionsLoaded } from '../modules/regions/index.ts';
import { PGLITE_TEMPLATE_FILE, POSTGRES_TEMPLATE_DB, TMP_DIR, withDatabaseName } from './paths.ts';

/**
 * Builds one migrated database with all regions, once per run; every test file then
 * starts from a copy (a PGlite tarball, or CREATE DATABASE … TEMPLATE on PostgreSQL).
 */
export default async function setup() {
  mkdirSync(TMP_DIR, { recursive: true });
  const template = await openPglite();
  await migrate(template);
  await ensureRegionsLoaded(template);
  const dump = await template.pglite?.dumpDataDir('none');
  if (!dump) throw new Error('PGlite dump failed');
  writeFileSync(PGLITE_TEMPLATE_FILE, Buffer.from(await dump.arrayBuffer()));
  await template.close();

  const url = process.env.TEST_DATABASE_URL;
  if (url) {
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${POSTGRES_TEMPLATE_DB} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${POSTGRES_TEMPLATE_DB}`);
    const database = await openPostgres(withDatabaseName(url, POSTGRES_TEMPLATE_DB), 2);
    await migrate(database);
    await ensureRegionsLoaded(database);
    await database.close();
    await admin.end();
  }
}
