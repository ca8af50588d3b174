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
  /** Only for PostgreSQL with DATABASE_REPLICA_URL: the streaming replica reports read from (src/db/replica.ts). */
  replica?: Replica;
};

// Same value shapes from both drivers: int8 and numeric as exact strings, dates as YYYY-MM-DD.
const INT8 = 20;
const NUMERIC = 1700;
const DATE = 1082;
const asText = (value: string) => value;

export type ReadFrom = 'replica' | 'primary';

/**
 * A PostgreSQL streaming replica (DATABASE_REPLICA_URL) that reports, dashboards, exports and
 * the sync bundle read from (routes marked `reads: 'replica'`); every write, and every read of
 * a write, stays on the primary.
 *
 * Read-your-writes: after a user's write succeeds, `wrote(user)` remembers the primary's WAL
 * position (pg_current_wal_lsn). That user's next replica read (`readerFor(user)`) waits until
 * the replica has replayed it (pg_last_wal_replay_lsn), polling, but never longer than
 * READ_YOUR_WRITES_WAIT_MS after the write; past that the request reads from the primary.
 * The positions are kept in this process's memory, one per user, and forgotten once the
 * replica has replayed them: with several server processes behind a load balancer a user must
 * stick to one process (or the positions move to a shared store).
 */
export type Replica = {
  db: Db;
  wrote(user: string): Promise<void>;
  readerFor(user: string | undefined): Promise<{ db: Db; from: ReadFrom }>;
  /** Users whose last write the replica may not have replayed yet (for tests and metrics). */
  pending(): number;
  close(): Promise<void>;
};

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

/** Marks the last statement of a transaction's work: see tuneConnection. */
export const BEFORE_COMMIT = '/* before commit */ ';

type QueryFn = (config: unknown, values?: unknown, callback?: unknown) => Promise<pg.QueryResult>;
const answered = (command: string): pg.QueryResult => ({ command, rowCount: null, rows: [], fields: [], oid: 0 });

/**
 * Our pooled connections run in pg's pipeline mode, where a query is written without waiting
 * for the answer to the one before; Kysely still waits for each answer, except in two places
 * where that would only cost a round trip:
 * - `begin` is held back and written together with the transaction's first statement, whose
 *   answer then waits for both (a transaction that ran nothing sends neither begin nor its end);
 * - a statement marked BEFORE_COMMIT (the writes a transaction held back, sent last) is
 *   answered at once and written together with the statement after it, the commit, which
 *   then fails with its error if it had one (PostgreSQL ends a failed transaction on commit
 *   with a rollback).
 * Parameterised statements are also named: see statementName.
 */
function tuneConnection(client: pg.PoolClient) {
  const query = client.query.bind(client) as QueryFn;
  const send = (text: string, values: unknown[] | undefined) => {
    const name = values && values.length > 0 ? statementName(text) : undefined;
    return name ? query({ name, text, values }) : values === undefined ? query(text) : query(text, values);
  };
  let held: { text: string; values: unknown[] | undefined }[] = [];
  (client as unknown as { query: QueryFn }).query = (text, values, callback) => {
    if (typeof text !== 'string' || callback !== undefined || (values !== undefined && !Array.isArray(values)))
      return query(text, values, callback);
    const params = values as unknown[] | undefined;
    if (text === 'begin' && held.length === 0) {
      held.push({ text, values: params });
      return Promise.resolve(answered('BEGIN'));
    }
    if (text.startsWith(BEFORE_COMMIT)) {
      held.push({ text, values: params });
      return Promise.resolve(answered('SELECT'));
    }
    if (held.length === 0) return send(text, params);
    const before = held;
    held = [];
    if (before.length === 1 && before[0]?.text === 'begin' && (text === 'commit' || text === 'rollback'))
      return Promise.resolve(answered(text.toUpperCase()));
    // One write on the socket for all of them.
    const stream = (client as unknown as { connection?: { stream?: { cork?(): void; uncork?(): void } } }).connection?.stream;
    stream?.cork?.();
    try {
      const answers = [...before.map((h) => send(h.text, h.values)), send(text, params)];
      return Promise.all(answers).then((results) => results[results.length - 1] as pg.QueryResult);
    } finally {
      stream?.uncork?.();
    }
  };
}

export async function openPostgres(connectionString: string, poolSize = 10): Promise<Database> {
  const pool = new pg.Pool({
    connectionString,
    max: poolSize,
    pipeline: true,
    types: {
      getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
        oid === INT8 || oid === NUMERIC || oid === DATE ? asText : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
    },
  });
  // An idle connection the server drops (restart, DROP DATABASE … FORCE) is reported on the
  // pool; without a listener that would crash the process. The next query reconnects.
  pool.on('error', () => {});
  pool.on('connect', tuneConnection);
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
