import pino from 'pino';
import type { Context } from '../context.ts';
import { type Clock, systemClock } from '../core/clock.ts';
import type { Database } from '../db/database.ts';

/** A context acting as the system (no user), silent, in Indonesian: for filling test data. */
export function systemTestContext(database: Database, clock: Clock = systemClock): Context {
  return { database, db: database.db, actor: { kind: 'system', name: 'test' }, clock, log: pino({ level: 'silent' }), locale: 'id' };
}
