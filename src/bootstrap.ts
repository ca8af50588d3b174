import type { Logger } from 'pino';
import type { Config } from './config.ts';
import type { Context } from './context.ts';
import { systemClock } from './core/clock.ts';
import { acquireDataDirLock, type DataDirLock } from './db/data-dir-lock.ts';
import { type Database, openDatabase } from './db/database.ts';
import { migrate } from './db/migrate.ts';
import { withReplica } from './db/replica.ts';
import { ensureRegionsLoaded } from './modules/regions/index.ts';

export type Opened = { database: Database; close(): Promise<void> };

/**
 * Opens the configured database (locking PGlite's data directory), migrated and with regions;
 * for `serve`, with the streaming replica of DATABASE_REPLICA_URL (src/db/replica.ts). CLI
 * commands read and write the primary only.
 */
export async function openConfiguredDatabase(
  config: Config,
  command: string,
  onProgress?: (step: string, done?: number, total?: number) => void,
): Promise<Opened> {
  let lock: DataDirLock | null = null;
  if (!config.databaseUrl) lock = acquireDataDirLock(config.dataDir, command);
  let database: Database;
  try {
    database = await openDatabase(config);
  } catch (error) {
    lock?.release();
    throw error;
  }
  try {
    onProgress?.('migrate');
    await migrate(database);
    await ensureRegionsLoaded(database, (done, total) => onProgress?.('regions', done, total));
    if (config.databaseReplicaUrl && command === 'serve') database = await withReplica(database, config.databaseReplicaUrl);
  } catch (error) {
    await database.close();
    lock?.release();
    throw error;
  }
  let closed = false;
  return {
    database,
    async close() {
      if (closed) return;
      closed = true;
      await database.close();
      lock?.release();
    },
  };
}

export function systemContext(database: Database, log: Logger, name: string): Context {
  return { database, db: database.db, actor: { kind: 'system', name }, clock: systemClock, log, locale: 'id' };
}
