import { actorScope, assertRole, type Context, inTransaction } from '../../context.ts';
import { decodeCursor, encodeCursor } from '../../core/cursor.ts';
import { AppError, conflict, invalid, notFound } from '../../core/errors.ts';
import { firstTime, type Idempotent } from '../../core/idempotency.ts';
import { uuidv7 } from '../../core/ids.ts';
import { regionInScope, regionLikePatterns } from '../../core/scope.ts';
import type { Queryable, Tx } from '../../db/database.ts';
import { recordAudit } from '../audit/index.ts';
import { getGroup, groupVisibleTo } from '../groups/index.ts';
import { once } from '../idempotency/index.ts';
import { staffByIds } from '../identity/index.ts';
import { unknownRegionCodes } from '../regions/index.ts';
import { findPersonForActor, personsByIds } from '../registry/index.ts';
import { SESSION_READERS, SESSION_WRITERS } from './health.roles.ts';
import { workerAndOffice } from './screening.service.ts';
import { attendanceRate, memberOn } from './sessions.rules.ts';
import type { PersonAttendance, SessionAttendanceInput, SessionInput, SessionsQuery, SessionView } from './sessions.schema.ts';
import {
  addAttendees,
  countAttendees,
  countInvitees,
  findAttendeeIds,
  findSession,
  findSessionsOfPerson,
  insertSession,
  listSessionRows,
  lockSession,
  removeAttendeesExcept,
} from './sessions.store.ts';

type SessionRow = NonNullable<Awaited<ReturnType<typeof findSession>>>;
type GroupOnDay = { id: string; name: string; memberIds: Set<string> } | null;

/**
 * The group named in a body and its members on the day (read before the transaction: the groups
 * module reads through ctx.db). Unknown and out of scope alike: 422 on groupId.
 */
async function groupOnDay(ctx: Context, groupId: string | undefined, heldOn: string): Promise<GroupOnDay> {
  if (!groupId) return null;
  if (!(await groupVisibleTo(ctx, ctx.db, groupId))) throw invalid('health.session_group_unknown', 'groupId');
  const group = await getGroup(ctx, groupId);
  return { id: group.id, name: group.name, memberIds: new Set(group.members.filter((m) => memberOn(m, heldOn)).map((m) => m.personId)) };
}

/**
 * Attendees are the group's members on the day or anyone in the registry in the caller's regions;
 * each other id is refused on its index, unknown and out of scope alike.
 */
async function checkAttendees(ctx: Context, db: Queryable, personIds: string[], group: GroupOnDay) {
  const persons = await personsByIds(db, personIds);
  const scope = actorScope(ctx);
  const refused = personIds
    .map((id, i) => ({ id, i }))
    .filter(({ id }) => {
      if (group?.memberIds.has(id)) return false;
      const person = persons.get(id);
      return !person || !regionInScope(scope, person.villageCode);
    });
  if (refused.length > 0)
    throw new AppError('common.validation_failed', 'invalid', {
      errors: refused.map(({ i }) => ({ field: `personIds.${i}`, code: 'health.session_person_unknown' })),
    });
}

async function checkVillage(ctx: Context, db: Queryable, villageCode: string) {
  if (!regionInScope(actorScope(ctx), villageCode) || (await unknownRegionCodes(db, [villageCode])).length > 0)
    throw invalid('registry.village_unknown', 'villageCode', { code: villageCode });
}

async function sessionView(db: Queryable, row: SessionRow, groupName: string | null): Promise<SessionView> {
  const attendeeIds = await findAttendeeIds(db, row.id);
  const names = await personsByIds(db, attendeeIds);
  const workers = await staffByIds(db, [row.worker_id]);
  const attendees = attendeeIds
    .map((id) => ({
      personId: id,
      fullName: names.get(id)?.fullName ?? '',
      villageCode: names.get(id)?.villageCode ?? '',
      rank: names.get(id)?.rank ?? 0,
    }))
    .sort((a, b) => a.rank - b.rank)
    .map(({ rank: _rank, ...a }) => a);
  return {
    id: row.id,
    topic: row.topic,
    topicNote: row.topic_note,
    heldOn: row.held_on,
    place: row.place,
    villageCode: row.village_code,
    groupId: row.group_id,
    groupName,
    worker: { id: row.worker_id, fullName: workers.get(row.worker_id)?.fullName ?? '' },
    attendeeCount: attendees.length,
    invitedCount: await countInvitees(db, row.id),
    attendees,
  };
}

/** Creates the session when `id` is new (with the group's members on the day as invited), then adds attendees. */
async function writeSession(ctx: Context, tx: Tx, id: string, input: SessionInput, group: GroupOnDay): Promise<SessionView> {
  await checkVillage(ctx, tx, input.villageCode);
  await checkAttendees(ctx, tx, input.personIds, group);
  const existing = await lockSession(tx, id);
  if (existing) {
    if (!regionInScope(actorScope(ctx), existing.village_code)) throw notFound('session', id);
    const same =
      existing.topic === input.topic &&
      existing.topic_note === input.topicNote &&
      existing.held_on === input.heldOn &&
      existing.place === input.place &&
      existing.village_code === input.villageCode &&
      existing.group_id === (input.groupId ?? null);
    if (!same) throw conflict('health.session_changed', 'sessionId');
  } else {
    const { workerId, officeId } = workerAndOffice(ctx, input.villageCode);
    await insertSession(
      tx,
      {
        id,
        office_id: officeId,
        village_code: input.villageCode,
        topic: input.topic,
        topic_note: input.topicNote,
        held_on: input.heldOn,
        place: input.place,
        group_id: input.groupId ?? null,
        worker_id: workerId,
      },
      group ? [...group.memberIds] : [],
    );
  }
  await addAttendees(tx, id, [...new Set(input.personIds)]);
  await recordAudit(tx, ctx, {
    action: existing ? 'health.session.attendance' : 'health.session.record',
    entityType: 'counselling_session',
    entityId: id,
    regionCode: input.villageCode,
    after: input,
  });
  return sessionView(tx, (await findSession(tx, id)) as SessionRow, group?.name ?? null);
}

/** `POST /health/sessions`: a counselling session with its attendance; with an Idempotency-Key a repeat answers the first. */
export async function recordSession(ctx: Context, input: SessionInput, idempotencyKey?: string): Promise<Idempotent<SessionView>> {
  assertRole(ctx, SESSION_WRITERS);
  const group = await groupOnDay(ctx, input.groupId, input.heldOn);
  return inTransaction(ctx, async (tx) => {
    const write = () => writeSession(ctx, tx, uuidv7(ctx.clock.now().getTime()), input, group);
    if (!idempotencyKey) return firstTime(await write());
    return once(tx, ctx, { key: idempotencyKey, operation: 'health.session', body: input }, write);
  });
}

/**
 * The field sync's `session_attendance`: the session with this id is created when new, then the
 * attendance added (a person already present is a no-op). Pinned (docs/health.md).
 */
export async function recordSessionAttendance(ctx: Context, input: SessionAttendanceInput): Promise<SessionView> {
  assertRole(ctx, SESSION_WRITERS);
  const { sessionId, ...session } = input;
  const group = await groupOnDay(ctx, session.groupId, session.heldOn);
  return inTransaction(ctx, (tx) => writeSession(ctx, tx, sessionId, session, group));
}

async function sessionInScope(ctx: Context, db: Queryable, id: string) {
  const row = await findSession(db, id);
  if (!row || !regionInScope(actorScope(ctx), row.village_code)) throw notFound('session', id);
  return row;
}

/** `PUT /health/sessions/{id}/attendance`: who attended, replacing the list. */
export async function setSessionAttendance(ctx: Context, id: string, personIds: string[]): Promise<SessionView> {
  assertRole(ctx, SESSION_WRITERS);
  const row = await sessionInScope(ctx, ctx.db, id);
  const group = await groupOnDay(ctx, row.group_id ?? undefined, row.held_on).catch(() => null);
  return inTransaction(ctx, async (tx) => {
    const locked = await lockSession(tx, id);
    if (!locked) throw notFound('session', id);
    await checkAttendees(ctx, tx, personIds, group);
    const before = await findAttendeeIds(tx, id);
    const ids = [...new Set(personIds)];
    await removeAttendeesExcept(tx, id, ids);
    await addAttendees(tx, id, ids);
    await recordAudit(tx, ctx, {
      action: 'health.session.attendance',
      entityType: 'counselling_session',
      entityId: id,
      regionCode: locked.village_code,
      before: { personIds: before },
      after: { personIds: ids },
    });
    return sessionView(tx, locked, group?.name ?? null);
  });
}

export async function getSession(ctx: Context, id: string): Promise<SessionView> {
  assertRole(ctx, SESSION_READERS);
  const row = await sessionInScope(ctx, ctx.db, id);
  const group = row.group_id && (await groupVisibleTo(ctx, ctx.db, row.group_id)) ? await getGroup(ctx, row.group_id) : null;
  return sessionView(ctx.db, row, group?.name ?? null);
}

/** Sessions in the caller's regions, newest first. */
export async function listSessions(ctx: Context, query: SessionsQuery) {
  assertRole(ctx, SESSION_READERS);
  const after = query.cursor ? decodeCursor(query.cursor, ['date', 'uuid']) : undefined;
  const rows = await listSessionRows(ctx.db, {
    village: query.village,
    groupId: query.groupId,
    regionPatterns: regionLikePatterns(actorScope(ctx)),
    after: after ? { heldOn: after[0], id: after[1] } : undefined,
    limit: query.limit + 1,
  });
  const page = rows.slice(0, query.limit);
  const counts = await countAttendees(
    ctx.db,
    page.map((r) => r.id),
  );
  const workers = await staffByIds(
    ctx.db,
    page.map((r) => r.worker_id),
  );
  const last = page.at(-1);
  return {
    items: page.map((row) => ({
      id: row.id,
      topic: row.topic,
      topicNote: row.topic_note,
      heldOn: row.held_on,
      place: row.place,
      villageCode: row.village_code,
      groupId: row.group_id,
      worker: { id: row.worker_id, fullName: workers.get(row.worker_id)?.fullName ?? '' },
      attendeeCount: counts.get(row.id) ?? 0,
    })),
    nextCursor: rows.length > query.limit && last ? encodeCursor(['date', 'uuid'], [last.held_on, last.id]) : null,
  };
}

/** A person's counselling attendance: sessions attended ÷ sessions held for a group of theirs on the day (open sessions attended count on both sides). */
export async function personAttendance(ctx: Context, personId: string): Promise<PersonAttendance> {
  assertRole(ctx, SESSION_READERS);
  const person = await findPersonForActor(ctx, ctx.db, personId);
  if (!person) throw notFound('person', personId);
  const sessions = await findSessionsOfPerson(ctx.db, personId);
  const rate = attendanceRate(new Set(sessions.filter((s) => s.attended).map((s) => s.id)), new Set(sessions.map((s) => s.id)));
  return {
    personId,
    ...rate,
    sessions: sessions.slice(0, 50).map((s) => ({ id: s.id, topic: s.topic, heldOn: s.held_on, place: s.place, attended: s.attended })),
  };
}
