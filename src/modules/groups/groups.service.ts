import type { z } from 'zod';
import { actorScope, assertRegionInScope, assertRole, type Context, inTransaction } from '../../context.ts';
import { decodeCursor, encodeCursor } from '../../core/cursor.ts';
import { AppError, notFound } from '../../core/errors.ts';
import { firstTime } from '../../core/idempotency.ts';
import { uuidv7 } from '../../core/ids.ts';
import { maskName } from '../../core/mask.ts';
import { ROLES_SEEING_IDENTIFIERS } from '../../core/roles.ts';
import { officeInScope, regionInScope, regionLikePatterns } from '../../core/scope.ts';
import type { Queryable, Tx } from '../../db/database.ts';
import { type ExportFormat, exportStream } from '../../export/table-export.ts';
import { recordAudit } from '../audit/index.ts';
import { once } from '../idempotency/index.ts';
import { activeUsersWithRole, staffById } from '../identity/index.ts';
import { officesWithRegions, resolveOfficeCodes, resolveOfficeForActor } from '../organisation/index.ts';
import { findRegionsByCodes, unknownRegionCodes } from '../regions/index.ts';
import { findPersonForActor, personsByIds } from '../registry/index.ts';
import { renderBeritaAcara } from './berita-acara.ts';
import { MANAGERS, READERS } from './groups.roles.ts';
import type {
  addMemberInputSchema,
  assetInputSchema,
  CreateGroupInput,
  FacilitatorItem,
  GroupView,
  MeetingInput,
  officersInputSchema,
} from './groups.schema.ts';
import { OFFICER_ROLES } from './groups.schema.ts';
import {
  countActive,
  findActiveMember,
  findActiveMemberOfHousehold,
  findActiveMembershipOfKind,
  findAssets,
  findAttendance,
  findGroup,
  findGroupIdsOfFacilitator,
  findGroupIdsOfKind,
  findGroupKind,
  findGroupMembers,
  findGroupsByIds,
  findGroupVillages,
  findMeeting,
  findMeetings,
  findMeetingsByIds,
  findMembershipsOfPerson,
  findOfficers,
  insertAsset,
  insertGroup,
  insertMeeting,
  insertMember,
  listGroupKinds,
  listGroupRows,
  lockGroup,
  lockMeetingOn,
  markMemberLeft,
  removeOfficer,
  replaceAttendance,
  searchGroupRowsByName,
  setOfficer,
  sumAssets,
} from './groups.store.ts';
import type { BusinessGroupRow } from './groups.tables.ts';

const invalid = (field: string, code: string, params: Record<string, unknown> = {}) =>
  new AppError('common.validation_failed', 'invalid', { errors: [{ field, code, params }] });

function inScope(ctx: Context, villages: string[]) {
  const scope = actorScope(ctx);
  return villages.some((v) => regionInScope(scope, v));
}

async function groupInScope(db: Queryable, ctx: Context, id: string, lock = false) {
  const group = lock ? await lockGroup(db, id) : await findGroup(db, id);
  if (!group) throw notFound('group', id);
  const villages = await findGroupVillages(db, id);
  if (!inScope(ctx, villages)) throw notFound('group', id);
  return { group, villages };
}

/** Whether a group exists and lies in the actor's scope: for a group named in another module's body (unknown and out of scope alike). */
export async function groupVisibleTo(ctx: Context, db: Queryable, id: string): Promise<boolean> {
  const group = await findGroup(db, id);
  return group !== undefined && inScope(ctx, await findGroupVillages(db, id));
}

/** The persons' names and their place in name order, from one registry query for the whole list. */
async function personNames(db: Queryable, ids: string[]) {
  return personsByIds(db, ids);
}
type PersonNames = Awaited<ReturnType<typeof personNames>>;
const byName = (names: PersonNames) => (a: { person_id: string }, b: { person_id: string }) =>
  (names.get(a.person_id)?.rank ?? 0) - (names.get(b.person_id)?.rank ?? 0);

async function toGroupView(db: Queryable, group: BusinessGroupRow, villages: string[]): Promise<GroupView> {
  const kind = await findGroupKind(db, group.kind);
  const members = await findGroupMembers(db, group.id);
  const officers = await findOfficers(db, group.id);
  const names = await personNames(
    db,
    [...members, ...officers].map((row) => row.person_id),
  );
  members.sort(byName(names));
  const facilitator = group.facilitator_id ? await staffById(db, group.facilitator_id) : undefined;
  return {
    id: group.id,
    kind: {
      code: group.kind,
      name: kind?.name ?? group.kind,
      counts: kind?.counts ?? 'members',
      minSize: kind?.min_size ?? null,
      maxSize: kind?.max_size ?? null,
    },
    name: group.name,
    officeId: group.office_id,
    villageCodes: villages,
    facilitator: facilitator ?? null,
    accountNumber: group.account_number,
    formedOn: group.formed_on,
    size: await countActive(db, group.id),
    members: members.map((m) => ({
      personId: m.person_id,
      fullName: names.get(m.person_id)?.fullName ?? '',
      householdId: m.household_id,
      joinedOn: m.joined_on,
      leftOn: m.left_on,
    })),
    officers: officers.map((o) => ({ role: o.role, personId: o.person_id, fullName: names.get(o.person_id)?.fullName ?? '' })),
    assetsTotalRupiah: await sumAssets(db, group.id),
  };
}

export async function formGroup(ctx: Context, input: CreateGroupInput): Promise<GroupView> {
  assertRole(ctx, MANAGERS);
  for (const village of input.villageCodes) assertRegionInScope(ctx, village);
  return inTransaction(ctx, async (tx) => {
    const kind = await findGroupKind(tx, input.kind);
    if (!kind) throw invalid('kind', 'groups.unknown_kind', { kind: input.kind });
    const unknown = await unknownRegionCodes(tx, input.villageCodes);
    if (unknown.length > 0) throw invalid('villageCodes', 'registry.village_unknown', { code: unknown.join(', ') });
    const officeId = await resolveOfficeForActor(ctx, tx, input.officeCode, 'officeCode');
    let facilitatorId: string | null = null;
    if (input.facilitatorUsername) {
      // Only one the caller could pick from listFacilitators; any other answers as an unknown name.
      const facilitator = (await facilitatorsForActor(ctx, tx)).find(({ user }) => user.username === input.facilitatorUsername);
      if (!facilitator) throw invalid('facilitatorUsername', 'groups.not_a_facilitator');
      facilitatorId = facilitator.user.id;
    }
    const id = uuidv7(ctx.clock.now().getTime());
    const villages = [...new Set(input.villageCodes)].sort();
    await insertGroup(
      tx,
      {
        id,
        kind: kind.code,
        name: input.name,
        office_id: officeId as string,
        region_code: villages[0] as string,
        facilitator_id: facilitatorId,
        account_number: input.accountNumber ?? null,
        formed_on: input.formedOn,
      },
      villages,
    );
    await recordAudit(tx, ctx, {
      action: 'group.create',
      entityType: 'group',
      entityId: id,
      officeId,
      regionCode: villages[0],
      after: input,
    });
    return toGroupView(tx, (await findGroup(tx, id)) as BusinessGroupRow, villages);
  });
}

/** Active facilitators the caller may give a group, each with the offices of theirs the caller may see. */
async function facilitatorsForActor(ctx: Context, db: Queryable) {
  const scope = actorScope(ctx);
  const users = await activeUsersWithRole(db, 'facilitator');
  const offices = await officesWithRegions(db, [...new Set(users.flatMap((user) => user.officeIds))]);
  const visible = offices.filter(
    (o) => o.active && (officeInScope(scope, o.id) || o.regionCodes.some((code) => regionInScope(scope, code))),
  );
  return users
    .map((user) => ({ user, offices: visible.filter((office) => user.officeIds.includes(office.id)) }))
    .filter(({ offices }) => scope.kind === 'all' || offices.length > 0);
}

/**
 * Facilitators a group can be given: active users of role facilitator with an office in the
 * caller's scope (an office of the caller, or one covering a region the caller covers). Managers
 * may not list users, so this is their list; it names only the in-scope offices.
 */
export async function listFacilitators(ctx: Context, query: { office?: string }): Promise<{ items: FacilitatorItem[] }> {
  assertRole(ctx, MANAGERS);
  const [officeId] = query.office ? await resolveOfficeCodes(ctx.db, [query.office], 'office') : [];
  const items = (await facilitatorsForActor(ctx, ctx.db))
    .filter(({ offices }) => !officeId || offices.some((office) => office.id === officeId))
    .map(({ user, offices }) => ({
      username: user.username,
      displayName: user.fullName,
      officeCodes: offices.map((office) => office.code).sort(),
    }));
  items.sort((a, b) => a.displayName.localeCompare(b.displayName, 'id') || a.username.localeCompare(b.username));
  return { items };
}

export async function getGroup(ctx: Context, id: string) {
  assertRole(ctx, READERS);
  const { group, villages } = await groupInScope(ctx.db, ctx, id);
  return toGroupView(ctx.db, group, villages);
}

export async function listGroups(ctx: Context, query: { kind?: string; village?: string; cursor?: string; limit: number }) {
  assertRole(ctx, READERS);
  const after = query.cursor ? decodeCursor(query.cursor, ['uuid'])[0] : undefined;
  const rows = await listGroupRows(ctx.db, {
    kind: query.kind,
    village: query.village,
    regionPatterns: regionLikePatterns(actorScope(ctx)),
    afterId: after,
    limit: query.limit + 1,
  });
  const page = rows.slice(0, query.limit);
  const items = [];
  for (const row of page) {
    const view = await toGroupView(ctx.db, row, await findGroupVillages(ctx.db, row.id));
    items.push({
      id: view.id,
      name: view.name,
      kind: view.kind,
      villageCodes: view.villageCodes,
      formedOn: view.formedOn,
      size: view.size,
    });
  }
  const last = page.at(-1);
  return { items, nextCursor: rows.length > query.limit && last ? encodeCursor(['uuid'], [last.id]) : null };
}

/** A KUBE counts families (8–10), a USEP KM group counts members (30): limits are data of the kind. */
export async function addGroupMember(ctx: Context, groupId: string, input: z.infer<typeof addMemberInputSchema>) {
  assertRole(ctx, MANAGERS);
  return inTransaction(ctx, async (tx) => {
    const { group, villages } = await groupInScope(tx, ctx, groupId, true);
    const person = await findPersonForActor(ctx, tx, input.personId);
    if (!person || person.merged_into) throw invalid('personId', 'groups.person_unknown');
    if (person.died_on !== null) throw invalid('personId', 'registry.person_deceased');
    const kind = await findGroupKind(tx, group.kind);
    const existing = await findActiveMembershipOfKind(tx, person.id, group.kind);
    if (existing?.group_id === group.id)
      throw new AppError('groups.already_member', 'conflict', { errors: [{ field: 'personId', code: 'groups.already_member' }] });
    if (existing)
      throw new AppError('groups.already_in_kind', 'conflict', {
        params: { kind: kind?.name ?? group.kind },
        errors: [{ field: 'personId', code: 'groups.already_in_kind', params: { kind: kind?.name ?? group.kind } }],
      });
    const size = await countActive(tx, group.id);
    const members = await findGroupMembers(tx, group.id);
    const newHousehold = !members.some((m) => m.left_on === null && m.household_id === person.household_id);
    const after = kind?.counts === 'households' ? size.households + (newHousehold ? 1 : 0) : size.members + 1;
    if (kind?.max_size != null && after > kind.max_size)
      throw new AppError('groups.size_limit', 'conflict', {
        params: {
          max: kind.max_size,
          counts: kind.counts,
          kind: kind.name,
        },
        errors: [
          {
            field: 'personId',
            code: 'groups.size_limit',
            params: {
              max: kind.max_size,
              counts: kind.counts,
              kind: kind.name,
            },
          },
        ],
      });
    await insertMember(tx, {
      group_id: group.id,
      person_id: person.id,
      household_id: person.household_id,
      kind: group.kind,
      joined_on: input.joinedOn,
    });
    await recordAudit(tx, ctx, {
      action: 'group.add_member',
      entityType: 'group',
      entityId: group.id,
      regionCode: villages[0],
      after: { personId: person.id, joinedOn: input.joinedOn },
    });
    return toGroupView(tx, group, villages);
  });
}

export async function removeGroupMember(ctx: Context, groupId: string, personId: string, leftOn: string) {
  assertRole(ctx, MANAGERS);
  return inTransaction(ctx, async (tx) => {
    const { group, villages } = await groupInScope(tx, ctx, groupId, true);
    if ((await markMemberLeft(tx, groupId, personId, leftOn)) === 0) throw notFound('group member', personId);
    await recordAudit(tx, ctx, {
      action: 'group.remove_member',
      entityType: 'group',
      entityId: groupId,
      regionCode: villages[0],
      after: { personId, leftOn },
    });
    return toGroupView(tx, group, villages);
  });
}

export async function appointOfficers(ctx: Context, groupId: string, input: z.infer<typeof officersInputSchema>) {
  assertRole(ctx, MANAGERS);
  return inTransaction(ctx, async (tx) => {
    const { group, villages } = await groupInScope(tx, ctx, groupId, true);
    const active = new Set((await findGroupMembers(tx, groupId)).filter((m) => m.left_on === null).map((m) => m.person_id));
    const before = await findOfficers(tx, groupId);
    for (const role of OFFICER_ROLES) {
      const personId = input[role];
      if (personId === undefined) continue;
      if (personId === null) await removeOfficer(tx, groupId, role);
      else if (!active.has(personId)) throw invalid(role, 'groups.officer_not_member');
      else await setOfficer(tx, { group_id: groupId, role, person_id: personId });
    }
    await recordAudit(tx, ctx, {
      action: 'group.officers',
      entityType: 'group',
      entityId: groupId,
      regionCode: villages[0],
      before: Object.fromEntries(before.map((o) => [o.role, o.person_id])),
      after: input,
    });
    return toGroupView(tx, group, villages);
  });
}

async function meetingViews(db: Queryable, groupId: string) {
  const meetings = await findMeetings(db, groupId);
  const attendance = await findAttendance(
    db,
    meetings.map((m) => m.id),
  );
  const names = await personNames(
    db,
    attendance.map((a) => a.person_id),
  );
  attendance.sort(byName(names));
  return meetings.map((m) => ({
    id: m.id,
    heldOn: m.held_on,
    place: m.place,
    agenda: m.agenda,
    decisions: m.decisions,
    minutes: m.minutes,
    attendance: attendance
      .filter((a) => a.meeting_id === m.id)
      .map((a) => ({ personId: a.person_id, fullName: names.get(a.person_id)?.fullName ?? '', present: a.present })),
  }));
}

/**
 * A musyawarah: date, agenda, decisions, minutes and who attended. With an idempotency key
 * (attendance recorded offline and synced), a repeat returns the first meeting.
 */
export async function recordMeeting(ctx: Context, groupId: string, input: MeetingInput, idempotencyKey?: string) {
  assertRole(ctx, MANAGERS);
  return inTransaction(ctx, async (tx: Tx) => {
    if (!idempotencyKey) return firstTime(await insertMeetingOf(ctx, tx, groupId, input));
    const request = { key: idempotencyKey, operation: `group.meeting:${groupId}`, body: input };
    return once(tx, ctx, request, () => insertMeetingOf(ctx, tx, groupId, input));
  });
}

/**
 * Who came to the group on a day, taken in the field: the day's meeting when there is one (its
 * attendance replaced, so a second tap or a correction edits it rather than adding a meeting),
 * else a new one. Once per idempotency key.
 */
export async function recordDayAttendance(ctx: Context, groupId: string, input: MeetingInput, idempotencyKey: string) {
  assertRole(ctx, MANAGERS);
  return inTransaction(ctx, (tx: Tx) =>
    once(tx, ctx, { key: idempotencyKey, operation: `group.meeting:${groupId}`, body: input }, async () => {
      const { villages } = await groupInScope(tx, ctx, groupId);
      const meeting = await lockMeetingOn(tx, groupId, input.heldOn);
      if (!meeting) return insertMeetingOf(ctx, tx, groupId, input);
      await refuseStrangers(tx, groupId, input.attendance);
      const before = (await findAttendance(tx, [meeting.id])).map((a) => ({ personId: a.person_id, present: a.present }));
      await replaceAttendance(tx, meeting.id, input.attendance);
      await recordAudit(tx, ctx, {
        action: 'group.meeting_attendance',
        entityType: 'group_meeting',
        entityId: meeting.id,
        regionCode: villages[0],
        before: { attendance: before },
        after: { attendance: input.attendance },
      });
      const views = await meetingViews(tx, groupId);
      return views.find((v) => v.id === meeting.id) as (typeof views)[number];
    }),
  );
}

/** Only members (or members of that day) attend: anyone else is refused, naming them. */
async function refuseStrangers(tx: Tx, groupId: string, attendance: MeetingInput['attendance']) {
  const members = new Set((await findGroupMembers(tx, groupId)).map((m) => m.person_id));
  const strangers = attendance.map((a, i) => ({ ...a, i })).filter((a) => !members.has(a.personId));
  if (strangers.length > 0)
    throw new AppError('common.validation_failed', 'invalid', {
      errors: strangers.map((s) => ({ field: `attendance.${s.i}.personId`, code: 'groups.attendee_not_member' })),
    });
}

async function insertMeetingOf(ctx: Context, tx: Tx, groupId: string, input: MeetingInput) {
  const { villages } = await groupInScope(tx, ctx, groupId);
  await refuseStrangers(tx, groupId, input.attendance);
  const id = uuidv7(ctx.clock.now().getTime());
  await insertMeeting(
    tx,
    {
      id,
      group_id: groupId,
      held_on: input.heldOn,
      place: input.place,
      agenda: input.agenda,
      decisions: input.decisions,
      minutes: input.minutes,
      recorded_by: ctx.actor.kind === 'user' ? ctx.actor.id : null,
    },
    input.attendance,
  );
  await recordAudit(tx, ctx, {
    action: 'group.meeting',
    entityType: 'group_meeting',
    entityId: id,
    regionCode: villages[0],
    after: input,
  });
  const views = await meetingViews(tx, groupId);
  return views.find((v) => v.id === id) as (typeof views)[number];
}

export async function listMeetings(ctx: Context, groupId: string) {
  assertRole(ctx, READERS);
  await groupInScope(ctx.db, ctx, groupId);
  return { items: await meetingViews(ctx.db, groupId) };
}

export async function registerAsset(ctx: Context, groupId: string, input: z.infer<typeof assetInputSchema>) {
  assertRole(ctx, MANAGERS);
  return inTransaction(ctx, async (tx) => {
    const { villages } = await groupInScope(tx, ctx, groupId);
    const id = uuidv7(ctx.clock.now().getTime());
    await insertAsset(tx, {
      id,
      group_id: groupId,
      item: input.item,
      value_rupiah: input.valueRupiah,
      received_on: input.receivedOn,
      source_programme: input.sourceProgramme,
    });
    await recordAudit(tx, ctx, { action: 'group.asset', entityType: 'group', entityId: groupId, regionCode: villages[0], after: input });
    return { id, item: input.item, valueRupiah: input.valueRupiah, receivedOn: input.receivedOn, sourceProgramme: input.sourceProgramme };
  });
}

export async function listAssets(ctx: Context, groupId: string) {
  assertRole(ctx, READERS);
  await groupInScope(ctx.db, ctx, groupId);
  const rows = await findAssets(ctx.db, groupId);
  return {
    items: rows.map((r) => ({
      id: r.id,
      item: r.item,
      valueRupiah: r.value_rupiah,
      receivedOn: r.received_on,
      sourceProgramme: r.source_programme,
    })),
  };
}

export async function meetingMinutesPdf(ctx: Context, groupId: string, meetingId: string): Promise<Buffer> {
  assertRole(ctx, READERS);
  const { group, villages } = await groupInScope(ctx.db, ctx, groupId);
  const view = await toGroupView(ctx.db, group, villages);
  const meeting = (await meetingViews(ctx.db, groupId)).find((m) => m.id === meetingId);
  if (!meeting) throw notFound('meeting', meetingId);
  const names = new Map((await findRegionsByCodes(ctx.db, villages)).map((r) => [r.code, r.name]));
  return renderBeritaAcara({
    group: { name: view.name, kindName: view.kind.name, villages: villages.map((v) => `Desa/Kel. ${names.get(v) ?? v}`) },
    meeting,
    attendance: meeting.attendance,
    officers: {
      ketua: view.officers.find((o) => o.role === 'ketua')?.fullName,
      sekretaris: view.officers.find((o) => o.role === 'sekretaris')?.fullName,
    },
    facilitator: view.facilitator?.fullName,
  });
}

export const GROUP_EXPORT_HEADER = ['jenis', 'nama', 'kode_desa', 'dibentuk', 'anggota', 'keluarga', 'ketua', 'pendamping', 'aset_rupiah'];

/** Groups in scope, one row each; the chair's name masked for roles that may not see names. */
export function exportGroups(ctx: Context, format: ExportFormat, village?: string) {
  assertRole(ctx, READERS);
  const visible = ctx.actor.kind !== 'user' || ROLES_SEEING_IDENTIFIERS.includes(ctx.actor.role);
  async function* pages(): AsyncGenerator<string[][]> {
    let afterId: string | undefined;
    for (;;) {
      const rows = await listGroupRows(ctx.db, { village, regionPatterns: regionLikePatterns(actorScope(ctx)), afterId, limit: 500 });
      if (rows.length === 0) return;
      const page: string[][] = [];
      for (const row of rows) {
        const view = await toGroupView(ctx.db, row, await findGroupVillages(ctx.db, row.id));
        const chair = view.officers.find((o) => o.role === 'ketua')?.fullName ?? '';
        page.push([
          view.kind.code,
          view.name,
          view.villageCodes.join(' '),
          view.formedOn,
          String(view.size.members),
          String(view.size.households),
          visible ? chair : maskName(chair),
          view.facilitator?.fullName ?? '',
          view.assetsTotalRupiah,
        ]);
      }
      yield page;
      afterId = rows.at(-1)?.id;
    }
  }
  return exportStream(format, 'kelompok', GROUP_EXPORT_HEADER, pages());
}

export async function listKinds(ctx: Context) {
  assertRole(ctx, READERS);
  const kinds = await listGroupKinds(ctx.db);
  return { items: kinds.map((k) => ({ code: k.code, name: k.name, counts: k.counts, minSize: k.min_size, maxSize: k.max_size })) };
}

/** Whether a household is a current member family of a group. */
export const householdIsActiveMember = async (db: Queryable, groupId: string, householdId: string) =>
  (await findActiveMemberOfHousehold(db, groupId, householdId)) !== undefined;

/**
 * Whether a person belongs to a group now: the person themself in a group that counts members
 * (USEP KM, JKM), their family in one that counts households (KUBE: the family is the member).
 */
export async function personIsActiveMember(db: Queryable, groupId: string, person: { id: string; household_id: string }) {
  const group = await findGroup(db, groupId);
  if (!group) return false;
  const kind = await findGroupKind(db, group.kind);
  if (kind?.counts === 'households') return householdIsActiveMember(db, groupId, person.household_id);
  return (await findActiveMember(db, groupId, person.id)) !== undefined;
}

/** The ids of the groups a user facilitates, by name: the field app takes their sheets offline. */
export const groupsOfFacilitator = (db: Queryable, userId: string) => findGroupIdsOfFacilitator(db, userId);
/** Each group's facilitator (user id, or null), for another module's lists (a financing's responsible officer). */
export async function facilitatorsOfGroups(db: Queryable, ids: string[]): Promise<Map<string, string | null>> {
  const rows = await findGroupsByIds(db, [...new Set(ids)]);
  return new Map(rows.map((row) => [row.id, row.facilitator_id]));
}

/** A meeting of a group (undefined when the meeting is another group's or unknown); the caller checks the group's scope. */
export const meetingOfGroup = (db: Queryable, groupId: string, meetingId: string) => findMeeting(db, groupId, meetingId);
/** Meetings by id (date and agenda), for another module's lists. */
export const meetingsByIds = (db: Queryable, ids: string[]) => findMeetingsByIds(db, [...new Set(ids)]);

/** Groups by id with their villages, those in the actor's scope only: for another module's lists and reports. */
export async function groupsForActor(ctx: Context, db: Queryable, ids: string[]) {
  const rows = await findGroupsByIds(db, [...new Set(ids)]);
  const result = [];
  for (const row of rows) {
    const villages = await findGroupVillages(db, row.id);
    if (inScope(ctx, villages)) result.push({ ...row, villages });
  }
  return result.sort((a, b) => a.name.localeCompare(b.name, 'id') || a.id.localeCompare(b.id));
}

/** A group's summary for another module's views: name, kind, villages, officers and active members (with households). */
export async function groupSummary(db: Queryable, id: string) {
  const group = await findGroup(db, id);
  if (!group) return undefined;
  const [villages, members, officers, kind] = await Promise.all([
    findGroupVillages(db, id),
    findGroupMembers(db, id),
    findOfficers(db, id),
    findGroupKind(db, group.kind),
  ]);
  return { ...group, kindName: kind?.name ?? group.kind, villages, members, officers };
}
/** The ids of every group of a kind (USEP KM for the Dinas overview); the caller keeps those in scope (groupsForActor). */
export const groupIdsOfKind = (db: Queryable, kind: string) => findGroupIdsOfKind(db, kind);

/** Groups named like a fragment (at least 3 characters), in the actor's regions, for the search box. */
export async function searchGroups(ctx: Context, fragment: string, limit: number) {
  assertRole(ctx, READERS);
  const rows = await searchGroupRowsByName(ctx.db, fragment, regionLikePatterns(actorScope(ctx)), limit);
  return rows.map((g) => ({ id: g.id, name: g.name, kind: g.kind, regionCode: g.region_code }));
}

/**
 * The groups a person is or was in (their own membership, or their household's in a group that
 * counts households), with their officer role; only groups in the actor's regions. An unknown or
 * out-of-scope person: 404.
 */
export async function personGroups(ctx: Context, personId: string) {
  assertRole(ctx, READERS);
  const person = await findPersonForActor(ctx, ctx.db, personId);
  if (!person) throw notFound('person', personId);
  const rows = await findMembershipsOfPerson(ctx.db, person.id, person.household_id);
  const items = [];
  for (const row of rows) {
    if (!inScope(ctx, await findGroupVillages(ctx.db, row.group_id))) continue;
    items.push({
      groupId: row.group_id,
      name: row.name,
      kind: row.kind,
      kindName: row.kind_name,
      through: row.own ? ('self' as const) : ('household' as const),
      joinedOn: row.joined_on,
      leftOn: row.left_on,
      officerRole: (row.officer_role ?? null) as (typeof OFFICER_ROLES)[number] | null,
    });
  }
  return { items };
}
