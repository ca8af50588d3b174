import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { Kysely, PostgresDialect, type Transaction } from 'kysely';
import pg from 'pg';
import { PGliteDialect } from './pglite-dialect.ts';
import type { Tables } from './tables.ts';

export type DatabaseKind = 'pglite' | 'postgres';
export type Db = Kysely<Tables>;
export type Tx = Transaction<Tables>;
/** Store functions take either the database or an open transaction. */
export type Queryable = Db | Tx;

export type Database = {
  kind: DatabaseKind;
  db: Db;
  close(): Promise<void>;
  /** Only for PGlite: a tarball of the data directory (test templates, backups). */
  pglite?: PGlite;
};

// Same value shapes from both drivers: int8 and numeric as exact strings, dates as YYYY-MM-DD.
const INT8 = 20;
const NUMERIC = 1700;
const DATE = 1082;
const asText = (value: string) => value;

export async function openPglite(options: { dataDir?: string; loadDataDir?: Blob } = {}): Promise<Database> {
  const pglite = new PGlite({
    dataDir: options.dataDir,
    loadDataDir: options.loadDataDir,
    parsers: { [INT8]: asText, [NUMERIC]: asText, [DATE]: asText },
    extensions: { pg_trgm },
  });
  await pglite.waitReady;
  const db = new Kysely<Tables>({ dialect: new PGliteDialect(pglite) });
  return {
    kind: 'pglite',
    db,
    pglite,
    async close() {
      await db.destroy();
      await pglite.close();
    },
  };
}

/**
 * Statements with parameters run as named prepared statements once their text has been seen
 * twice: the server then parses and plans them once per connection instead of on every call
 * (the posting path runs the same dozen statements over and over). The names are shared by
 * all connections (a connection prepares a name the first time it runs it); at most
 * MAX_PREPARED texts are named per process, longer ones never, the rest stay unnamed.
 */
const MAX_PREPARED = 400;
const MAX_PREPARED_LENGTH = 4000;
const statementNames = new Map<string, string>();
const seenOnce = new Set<string>();

function statementName(text: string): string | undefined {
  const name = statementNames.get(text);
  if (name !== undefined || statementNames.size >= MAX_PREPARED || text.length > MAX_PREPARED_LENGTH) return name;
  if (!seenOnce.has(text)) {
    if (seenOnce.size >= 10 * MAX_PREPARED) seenOnce.clear();
    seenOnce.add(text);
    return undefined;
  }
  seenOnce.delete(text);
  const named = `jaring_${statementNames.size}`;
  statementNames.set(text, named);
  return named;
}

function prepareRepeatedStatements(client: pg.PoolClient) {
  const query = client.query.bind(client) as (...args: unknown[]) => unknown;
  (client as { query: unknown }).query = (text: unknown, values?: unknown, callback?: unknown) => {
    if (typeof text === 'string' && Array.isArray(values) && values.length > 0 && callback === undefined) {
      const name = statementName(text);
      if (name) return query({ name, text, values });
    }
    return callback === undefined ? query(text, values) : query(text, values, callback);
  };
}

export async function openPostgres(connectionString: string, poolSize = 10): Promise<Database> {
  const pool = new pg.Pool({
    connectionString,
    max: poolSize,
    types: {
      getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
        oid === INT8 || oid === NUMERIC || oid === DATE ? asText : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
    },
  });
  // An idle connection the server drops (restart, DROP DATABASE … FORCE) is reported on the
  // pool; without a listener that would crash the process. The next query reconnects.
  pool.on('error', () => {});
  pool.on('connect', prepareRepeatedStatements);
  const db = new Kysely<Tables>({ dialect: new PostgresDialect({ pool }) });
  await db.selectNoFrom((eb) => eb.val(1).as('one')).execute();
  return {
    kind: 'postgres',
    db,
    async close() {
      await db.destroy();
    },
  };
}

export async function openDatabase(config: { databaseUrl?: string; dataDir: string }): Promise<Database> {
  return config.databaseUrl ? openPostgres(config.databaseUrl) : openPglite({ dataDir: config.dataDir });
}
