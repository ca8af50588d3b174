import type { Logger } from 'pino';
import type { Clock } from './core/clock.ts';
import { AppError, forbidden } from './core/errors.ts';
import type { Locale } from './core/locale.ts';
import type { Role } from './core/roles.ts';
import { regionInScope, type Scope } from './core/scope.ts';
import type { Database, Db, Tx } from './db/database.ts';
import { withWritesLater } from './db/write-later.ts';

export type UserActor = {
  kind: 'user';
  id: string;
  username: string;
  fullName: string;
  role: Role;
  offices: { id: string; code: string; name: string; regionCodes: string[] }[];
  scope: Scope;
  via: 'session' | 'token';
};
export type Actor = UserActor | { kind: 'system'; name: string } | { kind: 'anonymous' };

/** Built per request, per CLI run and per test; passed explicitly to every use case. */
export type Context = {
  database: Database;
  /**
   * Where the use case reads and writes: the primary, except on routes marked
   * `reads: 'replica'` (read-only reports), where it is readDb.
   */
  db: Db;
  /**
   * Where reports read (src/db/replica.ts): the streaming replica when DATABASE_REPLICA_URL is
   * set and it has replayed the user's last write, else the primary. Absent means `db`.
   */
  readDb?: Db;
  actor: Actor;
  clock: Clock;
  log: Logger;
  locale: Locale;
  requestId?: string;
};

/**
 * A transaction around `work`; writes it held back (writeLater) go before the commit. Always
 * on the primary, even when ctx.db is a replica (a report route).
 */
export function inTransaction<T>(ctx: Context, work: (tx: Tx) => Promise<T>): Promise<T> {
  const primary = ctx.database.replica && ctx.db === ctx.database.replica.db ? ctx.database.db : ctx.db;
  return primary.transaction().execute((tx) => withWritesLater(tx, () => work(tx)));
}

export function actorName(actor: Actor): string {
  if (actor.kind === 'user') return actor.username;
  if (actor.kind === 'system') return `system:${actor.name}`;
  return 'anonymous';
}

/** Guards for use cases: a system actor (CLI, demo) may do anything. */
export function assertRole(ctx: Context, roles: readonly Role[]): void {
  if (ctx.actor.kind === 'system') return;
  if (ctx.actor.kind !== 'user') throw new AppError('auth.unauthenticated', 'unauthenticated');
  if (!roles.includes(ctx.actor.role)) throw forbidden();
}

export function assertRegionInScope(ctx: Context, regionCode: string): void {
  if (ctx.actor.kind === 'system') return;
  if (ctx.actor.kind !== 'user') throw new AppError('auth.unauthenticated', 'unauthenticated');
  if (!regionInScope(ctx.actor.scope, regionCode)) throw new AppError('auth.out_of_scope', 'forbidden');
}

export function actorScope(ctx: Context): Scope {
  return ctx.actor.kind === 'user' ? ctx.actor.scope : { kind: 'all' };
}
