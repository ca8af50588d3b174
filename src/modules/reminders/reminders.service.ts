import type { Insertable } from 'kysely';
import { actorScope, assertRole, type Context, inTransaction } from '../../context.ts';
import { businessDate } from '../../core/clock.ts';
import { decodeCursor, encodeCursor } from '../../core/cursor.ts';
import { addDays } from '../../core/dates.ts';
import { conflict, invalid, notFound } from '../../core/errors.ts';
import { uuidv7 } from '../../core/ids.ts';
import { maskName } from '../../core/mask.ts';
import { regionInScope, regionLikePatterns } from '../../core/scope.ts';
import { recordAudit } from '../audit/index.ts';
import { staffById } from '../identity/index.ts';
import { findPersonForActor } from '../registry/index.ts';
import { type Senders, sendersFor } from './channels.ts';
import {
  type DueRow,
  findAgreementsEnding,
  findBooksRoots,
  findInstalmentsDue,
  findJknDue,
  findRecallsDue,
  findUsepGroupsCovered,
} from './due.store.ts';
import { CONTACT_EDITORS, REMINDER_READERS } from './reminders.roles.ts';
import {
  BOOKS_ROOT_DAYS,
  CATCH_UP_DAYS,
  channelsFor,
  groupReportDueOn,
  groupReportStage,
  inQuietHours,
  instalmentDueWindow,
  instalmentOverdueWindow,
  JKN_DUE_DAY,
  jknMonthToRemind,
  MOU_NOTICE_DAYS,
  quietHoursEnd,
  RECALL_NOTICE_DAYS,
  type ReminderKind,
  type ReminderSettings,
  renderReminder,
  retryDelayMs,
} from './reminders.rules.ts';
import type { ContactInput, ContactView, RemindersQuery, ReminderView, RunSummary } from './reminders.schema.ts';
import {
  claimReminders,
  countByStatus,
  failAbandoned,
  findContact,
  findReminder,
  findReminderPage,
  insertReminders,
  isOptedOut,
  lockContact,
  markOutcome,
  markSent,
  type ReminderRow,
  requeueFailed,
  upsertContact,
} from './reminders.store.ts';
import type { RecipientKind, ReminderTable } from './reminders.tables.ts';

const CLAIM_BATCH = 100;

/** Everything due today, by kind (the selection each kind's rule makes). */
export async function dueItems(ctx: Context, today: string): Promise<{ kind: ReminderKind; rows: DueRow[] }[]> {
  const db = ctx.db;
  const due = instalmentDueWindow(today);
  const overdue = instalmentOverdueWindow(today);
  const jknMonth = jknMonthToRemind(today);
  const groups = (await findUsepGroupsCovered(db)).flatMap((g) => {
    const dueOn = groupReportDueOn(g.covered_until);
    const stage = groupReportStage(dueOn, today);
    if (!stage || (stage === 'late' && dueOn < addDays(today, -CATCH_UP_DAYS))) return [];
    const { group_id, group_name, covered_until: _, ...recipient } = g;
    return [{ ...recipient, item_key: `${group_id}:${dueOn}:${stage}`, due_on: dueOn, params: { group: group_name, stage, dueOn } }];
  });
  return [
    { kind: 'instalment_due', rows: await findInstalmentsDue(db, due.from, due.to, false) },
    { kind: 'instalment_overdue', rows: await findInstalmentsDue(db, overdue.from, overdue.to, true) },
    { kind: 'jkn_due', rows: jknMonth ? await findJknDue(db, jknMonth, `${jknMonth}-${String(JKN_DUE_DAY).padStart(2, '0')}`) : [] },
    { kind: 'screening_recall', rows: await findRecallsDue(db, addDays(today, -CATCH_UP_DAYS), addDays(today, RECALL_NOTICE_DAYS)) },
    { kind: 'mou_expiry', rows: await findAgreementsEnding(db, today, addDays(today, MOU_NOTICE_DAYS)) },
    { kind: 'group_report_due', rows: groups },
    { kind: 'books_root', rows: await findBooksRoots(db, addDays(today, -BOOKS_ROOT_DAYS), today) },
  ];
}

/**
 * Queues a reminder for each due item, recipient and channel that can reach them. Already
 * queued ones are left alone (the unique key), so a second run, or a run after a restart,
 * queues nothing new. In quiet hours they wait until the quiet hours end.
 */
export async function queueDueReminders(ctx: Context, settings: ReminderSettings): Promise<number> {
  const now = ctx.clock.now();
  const today = businessDate(ctx.clock);
  const firstAttempt = settings.quietHours && inQuietHours(settings.quietHours, now) ? quietHoursEnd(settings.quietHours, now) : now;
  const rows: Insertable<ReminderTable>[] = [];
  for (const { kind, rows: items } of await dueItems(ctx, today))
    for (const item of items)
      for (const { channel, address } of channelsFor(settings.channels, item))
        rows.push({
          id: uuidv7(now.getTime()),
          kind,
          item_key: item.item_key,
          channel,
          recipient_kind: item.recipient_kind,
          recipient_id: item.recipient_id,
          recipient_name: item.recipient_name,
          address,
          office_id: item.office_id,
          region_code: item.region_code,
          due_on: item.due_on,
          language: item.language,
          params: item.params,
          max_attempts: settings.maxAttempts,
          next_attempt_at: firstAttempt,
        });
  if (rows.length === 0) return 0;
  return inTransaction(ctx, (tx) => insertReminders(tx, rows));
}

/**
 * Sends what is due to go. Claim-then-send: a batch is marked `sending` (an attempt counted) and
 * committed before anything leaves, then each outcome is recorded. A process that dies between
 * the two leaves the row `sending`; after the lease it is claimed again and sent with the same
 * id (the gateway's Idempotency-Key, the e-mail's Message-ID), so it is never lost, and a gateway
 * that honours the key delivers it once (docs/reminders.md).
 */
export async function deliverReminders(ctx: Context, settings: ReminderSettings, senders: Senders): Promise<Omit<RunSummary, 'queued'>> {
  const summary = { sent: 0, retrying: 0, failed: 0, cancelled: 0, deferred: 0 };
  const channels = settings.channels.filter((channel) => senders[channel]);
  for (;;) {
    const now = ctx.clock.now();
    if (settings.quietHours && inQuietHours(settings.quietHours, now)) break;
    const staleBefore = new Date(now.getTime() - settings.leaseSeconds * 1000);
    const claimed = await inTransaction(ctx, async (tx) => {
      await failAbandoned(tx, now, staleBefore);
      return claimReminders(tx, { now, staleBefore, channels, limit: CLAIM_BATCH });
    });
    if (claimed.length === 0) break;
    for (const row of claimed) summary[await deliverOne(ctx, settings, senders, row)] += 1;
    if (claimed.length < CLAIM_BATCH) break;
  }
  return summary;
}

async function deliverOne(
  ctx: Context,
  settings: ReminderSettings,
  senders: Senders,
  row: ReminderRow,
): Promise<'sent' | 'retrying' | 'failed' | 'cancelled'> {
  if (await isOptedOut(ctx.db, row.recipient_kind, row.recipient_id)) {
    await markOutcome(ctx.db, row.id, ctx.clock.now(), { status: 'cancelled', error: 'opted out' });
    return 'cancelled';
  }
  const sender = senders[row.channel];
  if (!sender) throw new Error(`no sender for ${row.channel}`);
  const params = { ...row.params, name: row.recipient_name };
  const result = await sender({
    id: row.id,
    channel: row.channel,
    kind: row.kind,
    address: row.address,
    recipientName: row.recipient_name,
    message: renderReminder(row.kind, row.language, params),
    maskedMessage: renderReminder(row.kind, row.language, { ...params, name: maskName(row.recipient_name) }),
  });
  const now = ctx.clock.now();
  if (result.ok) {
    await markSent(ctx.db, row.id, now, result.providerId);
    return 'sent';
  }
  if (result.retry && row.attempts < row.max_attempts) {
    const next = new Date(now.getTime() + retryDelayMs(row.attempts, settings.backoffSeconds));
    await markOutcome(ctx.db, row.id, now, { status: 'waiting', error: result.error, nextAttemptAt: next });
    ctx.log.warn({ reminder: row.id, channel: row.channel, attempts: row.attempts, next }, 'reminder not sent; will retry');
    return 'retrying';
  }
  await markOutcome(ctx.db, row.id, now, { status: 'failed', error: result.error });
  ctx.log.warn({ reminder: row.id, channel: row.channel, attempts: row.attempts }, 'reminder failed');
  return 'failed';
}

/** One run: queue what is due today, then send what may go now. Safe to repeat. */
export async function runReminders(ctx: Context, settings: ReminderSettings, senders?: Senders): Promise<RunSummary> {
  const own = senders ?? sendersFor(settings, ctx.log);
  try {
    const queued = await queueDueReminders(ctx, settings);
    return { queued, ...(await deliverReminders(ctx, settings, own)) };
  } finally {
    if (!senders) own.close();
  }
}

// ---- the screen

function toView(row: Awaited<ReturnType<typeof findReminderPage>>[number], showNames: boolean): ReminderView {
  const name = showNames ? row.recipient_name : maskName(row.recipient_name);
  return {
    id: row.id,
    kind: row.kind,
    channel: row.channel,
    status: row.status,
    recipientKind: row.recipient_kind,
    recipientId: row.recipient_id,
    recipientName: name,
    address: showNames ? row.address : null,
    language: row.language,
    dueOn: row.due_on,
    subject: renderReminder(row.kind, row.language, { ...row.params, name }).subject,
    attempts: row.attempts,
    maxAttempts: row.max_attempts,
    nextAttemptAt: row.status === 'waiting' ? row.next_attempt_at.toISOString() : null,
    sentAt: row.sent_at ? row.sent_at.toISOString() : null,
    lastError: row.last_error,
    createdAt: row.created_at.toISOString(),
  };
}

/**
 * Sends a failed reminder once more: it waits again for one more attempt, at the next run (the
 * same id, so a gateway that saw it does not deliver it twice). Audited. Only a failed one, of
 * the actor's regions (others and unknown ids alike: 404).
 */
export async function retryReminder(ctx: Context, id: string): Promise<ReminderView> {
  assertRole(ctx, REMINDER_READERS);
  return inTransaction(ctx, async (tx) => {
    const row = await findReminder(tx, id);
    if (!row || !regionInScope(actorScope(ctx), row.region_code)) throw notFound('reminder', id);
    if (row.status !== 'failed') throw conflict('reminders.not_failed', 'status', { status: row.status });
    const now = ctx.clock.now();
    await requeueFailed(tx, id, now);
    await recordAudit(tx, ctx, {
      action: 'reminders.retry',
      entityType: 'reminder',
      entityId: id,
      regionCode: row.region_code,
      before: { status: 'failed', attempts: row.attempts, lastError: row.last_error },
      after: { status: 'waiting', maxAttempts: row.attempts + 1 },
    });
    const after = (await findReminder(tx, id)) as NonNullable<typeof row>;
    return toView(after, true);
  });
}

/** Reminders of the actor's regions, newest first, by kind, status and channel, with counts per status. */
export async function listReminders(ctx: Context, query: RemindersQuery) {
  assertRole(ctx, REMINDER_READERS);
  const regionPatterns = regionLikePatterns(actorScope(ctx));
  const cursor = query.cursor ? decodeCursor(query.cursor, ['timestamp', 'uuid']) : undefined;
  if (query.from && query.to && query.from > query.to)
    throw invalid('reminders.period_reversed', 'from', { from: query.from, to: query.to });
  const period = { dueFrom: query.from, dueTo: query.to };
  const rows = await findReminderPage(ctx.db, {
    regionPatterns,
    kind: query.kind,
    status: query.status,
    channel: query.channel,
    ...period,
    cursor: cursor ? { createdAt: new Date(cursor[0]), id: cursor[1] } : undefined,
    limit: query.limit + 1,
  });
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  const counts = { waiting: 0, sending: 0, sent: 0, failed: 0, cancelled: 0 };
  for (const c of await countByStatus(ctx.db, { regionPatterns, kind: query.kind, channel: query.channel, ...period }))
    counts[c.status] = Number(c.n);
  return {
    items: page.map((row) => toView(row, true)),
    nextCursor: rows.length > query.limit && last ? encodeCursor(['timestamp', 'uuid'], [last.created_at.toISOString(), last.id]) : null,
    counts,
  };
}

// ---- contacts and opt-out

/** The recipient, checked against the actor: a person in their regions, or a user (admins, or the user themselves). */
async function recipientFor(ctx: Context, kind: RecipientKind, id: string): Promise<{ regionCode: string | null }> {
  if (kind === 'person') {
    assertRole(ctx, CONTACT_EDITORS);
    const person = await findPersonForActor(ctx, ctx.db, id);
    if (!person) throw notFound('person', id);
    return { regionCode: person.village_code };
  }
  const self = ctx.actor.kind === 'user' && ctx.actor.id === id;
  if (!self) assertRole(ctx, ['admin']);
  if (!(await staffById(ctx.db, id))) throw notFound('user', id);
  return { regionCode: null };
}

function contactView(kind: RecipientKind, id: string, row: Awaited<ReturnType<typeof findContact>>): ContactView {
  return {
    recipientKind: kind,
    recipientId: id,
    language: row?.language ?? 'id',
    phone: row?.phone ?? null,
    email: row?.email ?? null,
    optedOut: row?.opted_out ?? false,
    optedOutAt: row?.opted_out_at ? row.opted_out_at.toISOString() : null,
  };
}

export async function getContact(ctx: Context, params: { kind: RecipientKind; id: string }): Promise<ContactView> {
  await recipientFor(ctx, params.kind, params.id);
  return contactView(params.kind, params.id, await findContact(ctx.db, params.kind, params.id));
}

/** Sets how a recipient is reached and whether they take reminders; audited with before and after. */
export async function setContact(ctx: Context, params: { kind: RecipientKind; id: string }, input: ContactInput): Promise<ContactView> {
  const { regionCode } = await recipientFor(ctx, params.kind, params.id);
  return inTransaction(ctx, async (tx) => {
    const before = await lockContact(tx, params.kind, params.id);
    const now = ctx.clock.now();
    const optedOutAt = input.optedOut ? (before?.opted_out ? before.opted_out_at : now) : null;
    await upsertContact(tx, {
      recipient_kind: params.kind,
      recipient_id: params.id,
      language: input.language,
      phone: input.phone,
      email: input.email,
      opted_out: input.optedOut,
      opted_out_at: optedOutAt,
      created_at: now,
      updated_at: now,
    });
    const after = await findContact(tx, params.kind, params.id);
    const beforeView = before ? contactView(params.kind, params.id, before) : null;
    const afterView = contactView(params.kind, params.id, after);
    const action =
      (before?.opted_out ?? false) !== input.optedOut ? (input.optedOut ? 'reminders.opt_out' : 'reminders.opt_in') : 'reminders.contact';
    await recordAudit(tx, ctx, {
      action,
      entityType: params.kind,
      entityId: params.id,
      regionCode,
      before: beforeView,
      after: afterView,
    });
    return afterView;
  });
}

/** Opt out (or back in) keeping the rest of the contact as it is. */
export async function setOptOut(ctx: Context, params: { kind: RecipientKind; id: string }, optedOut: boolean): Promise<ContactView> {
  const current = await getContact(ctx, params);
  return setContact(ctx, params, { language: current.language, phone: current.phone, email: current.email, optedOut });
}
