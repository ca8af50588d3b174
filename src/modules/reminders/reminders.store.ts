import { type Insertable, sql } from 'kysely';
import type { StoreDb } from '../../db/store.ts';
import type { Channel, ReminderKind, ReminderStatus } from './reminders.rules.ts';
import type { RecipientKind, ReminderContactTable, ReminderTable, ReminderTables } from './reminders.tables.ts';

type Queryable = StoreDb<ReminderTables>;

/** Queues reminders; one already queued for the same item, channel and recipient is left as it is. Returns how many were new. */
export async function insertReminders(db: Queryable, rows: Insertable<ReminderTable>[]): Promise<number> {
  let inserted = 0;
  for (let i = 0; i < rows.length; i += 500) {
    const result = await db
      .insertInto('reminder')
      .values(rows.slice(i, i + 500))
      .onConflict((oc) => oc.columns(['kind', 'item_key', 'channel', 'recipient_kind', 'recipient_id']).doNothing())
      .returning('id')
      .execute();
    inserted += result.length;
  }
  return inserted;
}

/**
 * Claims up to `limit` reminders to send now: waiting ones whose time has come, and ones claimed
 * before `staleBefore` whose outcome was never recorded (the process died between claim and
 * record). The claim counts as an attempt. SKIP LOCKED: two runners never claim the same row.
 */
export async function claimReminders(
  db: Queryable,
  options: { now: Date; staleBefore: Date; channels: Channel[]; limit: number },
): Promise<ReminderRow[]> {
  if (options.channels.length === 0) return [];
  return (
    await sql<ReminderRow>`
      UPDATE reminder SET status = 'sending', attempts = attempts + 1, claimed_at = ${options.now}, updated_at = ${options.now}
      WHERE id IN (
        SELECT id FROM reminder
        WHERE ((status = 'waiting' AND next_attempt_at <= ${options.now}) OR (status = 'sending' AND claimed_at <= ${options.staleBefore}))
          AND attempts < max_attempts
          AND channel IN (${sql.join(options.channels)})
        ORDER BY next_attempt_at, id
        LIMIT ${options.limit}
        FOR UPDATE SKIP LOCKED)
      RETURNING id, kind, item_key, channel, recipient_kind, recipient_id, recipient_name, address, due_on::text AS due_on,
                language, params, attempts, max_attempts`.execute(db)
  ).rows;
}

export type ReminderRow = {
  id: string;
  kind: ReminderKind;
  item_key: string;
  channel: Channel;
  recipient_kind: RecipientKind;
  recipient_id: string;
  recipient_name: string;
  address: string | null;
  due_on: string;
  language: 'id' | 'en';
  params: Record<string, string | number>;
  attempts: number;
  max_attempts: number;
};

/** Claimed long ago, out of attempts, and no outcome recorded: failed (never sent a further time). */
export const failAbandoned = (db: Queryable, now: Date, staleBefore: Date) =>
  db
    .updateTable('reminder')
    .set({ status: 'failed', last_error: 'no outcome recorded after the last attempt', updated_at: now })
    .where('status', '=', 'sending')
    .where('claimed_at', '<=', staleBefore)
    .where(sql<boolean>`attempts >= max_attempts`)
    .execute();

export const markSent = (db: Queryable, id: string, now: Date, providerId: string | null) =>
  db
    .updateTable('reminder')
    .set({ status: 'sent', sent_at: now, provider_id: providerId, last_error: null, updated_at: now })
    .where('id', '=', id)
    .where('status', '=', 'sending')
    .execute();

export const markOutcome = (
  db: Queryable,
  id: string,
  now: Date,
  outcome: { status: Extract<ReminderStatus, 'waiting' | 'failed' | 'cancelled'>; error: string; nextAttemptAt?: Date },
) =>
  db
    .updateTable('reminder')
    .set({
      status: outcome.status,
      last_error: outcome.error,
      updated_at: now,
      ...(outcome.nextAttemptAt ? { next_attempt_at: outcome.nextAttemptAt } : {}),
    })
    .where('id', '=', id)
    .where('status', '=', 'sending')
    .execute();

/** Held back by quiet hours: claimed rows go back to waiting until the quiet hours end (the attempt is given back). */
export const deferReminder = (db: Queryable, id: string, until: Date, now: Date) =>
  db
    .updateTable('reminder')
    .set({ status: 'waiting', next_attempt_at: until, attempts: sql<number>`attempts - 1`, updated_at: now })
    .where('id', '=', id)
    .where('status', '=', 'sending')
    .execute();

/** Whether a recipient has opted out now (checked again just before sending). */
export async function isOptedOut(db: Queryable, kind: RecipientKind, id: string): Promise<boolean> {
  const row = await db
    .selectFrom('reminder_contact')
    .select('opted_out')
    .where('recipient_kind', '=', kind)
    .where('recipient_id', '=', id)
    .executeTakeFirst();
  return row?.opted_out ?? false;
}

export const findContact = (db: Queryable, kind: RecipientKind, id: string) =>
  db.selectFrom('reminder_contact').selectAll().where('recipient_kind', '=', kind).where('recipient_id', '=', id).executeTakeFirst();

export const lockContact = (db: Queryable, kind: RecipientKind, id: string) =>
  db
    .selectFrom('reminder_contact')
    .selectAll()
    .where('recipient_kind', '=', kind)
    .where('recipient_id', '=', id)
    .forUpdate()
    .executeTakeFirst();

export const upsertContact = (db: Queryable, row: Insertable<ReminderContactTable>) =>
  db
    .insertInto('reminder_contact')
    .values(row)
    .onConflict((oc) =>
      oc.columns(['recipient_kind', 'recipient_id']).doUpdateSet({
        language: row.language,
        phone: row.phone,
        email: row.email,
        opted_out: row.opted_out,
        opted_out_at: row.opted_out_at,
        updated_at: row.updated_at,
      }),
    )
    .execute();

export type ReminderFilter = {
  regionPatterns: string[] | null;
  kind?: ReminderKind;
  status?: ReminderStatus;
  channel?: Channel;
  /** Due on or after / on or before these days. */
  dueFrom?: string;
  dueTo?: string;
  cursor?: { createdAt: Date; id: string };
  limit: number;
};

const inRegions = (patterns: string[] | null) =>
  patterns === null
    ? sql<boolean>`true`
    : patterns.length === 0
      ? sql<boolean>`false`
      : sql<boolean>`(${sql.join(
          patterns.map((p) => sql`region_code LIKE ${p}`),
          sql` OR `,
        )})`;

export function findReminderPage(db: Queryable, filter: ReminderFilter) {
  let query = db.selectFrom('reminder').selectAll().where(inRegions(filter.regionPatterns));
  if (filter.kind) query = query.where('kind', '=', filter.kind);
  if (filter.status) query = query.where('status', '=', filter.status);
  if (filter.channel) query = query.where('channel', '=', filter.channel);
  if (filter.dueFrom) query = query.where('due_on', '>=', filter.dueFrom);
  if (filter.dueTo) query = query.where('due_on', '<=', filter.dueTo);
  if (filter.cursor) {
    const { createdAt, id } = filter.cursor;
    query = query.where((eb) => eb.or([eb('created_at', '<', createdAt), eb.and([eb('created_at', '=', createdAt), eb('id', '<', id)])]));
  }
  return query.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(filter.limit).execute();
}

/** How many reminders of the scope are in each status (the screen's counts), with the same kind and channel filters. */
export async function countByStatus(db: Queryable, filter: Omit<ReminderFilter, 'cursor' | 'limit' | 'status'>) {
  let query = db
    .selectFrom('reminder')
    .select(['status', sql<string>`count(*)`.as('n')])
    .where(inRegions(filter.regionPatterns));
  if (filter.kind) query = query.where('kind', '=', filter.kind);
  if (filter.channel) query = query.where('channel', '=', filter.channel);
  if (filter.dueFrom) query = query.where('due_on', '>=', filter.dueFrom);
  if (filter.dueTo) query = query.where('due_on', '<=', filter.dueTo);
  return query.groupBy('status').execute();
}

export const findReminder = (db: Queryable, id: string) =>
  db.selectFrom('reminder').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();

/** A failed reminder waits again for one more attempt, now (its attempts and last error kept). */
export const requeueFailed = (db: Queryable, id: string, now: Date) =>
  db
    .updateTable('reminder')
    .set({ status: 'waiting', max_attempts: sql<number>`attempts + 1`, next_attempt_at: now, updated_at: now })
    .where('id', '=', id)
    .where('status', '=', 'failed')
    .execute();
