import { type Insertable, sql } from 'kysely';
import type { StoreDb } from '../../db/store.ts';
import type { BusinessGroupTable, GroupAssetTable, GroupMeetingTable, GroupOfficerTable, GroupTables } from './groups.tables.ts';

type Queryable = StoreDb<GroupTables>;

export const findGroupKind = (db: Queryable, code: string) =>
  db.selectFrom('group_kind').selectAll().where('code', '=', code).executeTakeFirst();
export const listGroupKinds = (db: Queryable) => db.selectFrom('group_kind').selectAll().orderBy('code').execute();

export const findGroup = (db: Queryable, id: string) => db.selectFrom('business_group').selectAll().where('id', '=', id).executeTakeFirst();
/** The groups a user facilitates, by name. */
export const findGroupIdsOfFacilitator = async (db: Queryable, userId: string) =>
  (await db.selectFrom('business_group').select('id').where('facilitator_id', '=', userId).orderBy('name').orderBy('id').execute()).map(
    (r) => r.id,
  );
export const lockGroup = (db: Queryable, id: string) =>
  db.selectFrom('business_group').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();

export async function insertGroup(db: Queryable, row: Insertable<BusinessGroupTable>, villageCodes: string[]) {
  await db.insertInto('business_group').values(row).execute();
  await db
    .insertInto('group_village')
    .values(villageCodes.map((village_code) => ({ group_id: row.id, village_code })))
    .execute();
}

export const findGroupVillages = async (db: Queryable, groupId: string) =>
  (await db.selectFrom('group_village').select('village_code').where('group_id', '=', groupId).orderBy('village_code').execute()).map(
    (r) => r.village_code,
  );

export async function countActive(db: Queryable, groupId: string) {
  const row = await db
    .selectFrom('group_member')
    .select([(eb) => eb.fn.countAll<string>().as('members'), sql<string>`count(DISTINCT household_id)`.as('households')])
    .where('group_id', '=', groupId)
    .where('left_on', 'is', null)
    .executeTakeFirstOrThrow();
  return { members: Number(row.members), households: Number(row.households) };
}

/** A group's members, unordered: the service orders them by name (registry's personsByIds). */
export const findGroupMembers = (db: Queryable, groupId: string) =>
  db.selectFrom('group_member').select(['person_id', 'household_id', 'joined_on', 'left_on']).where('group_id', '=', groupId).execute();

/** Whether a household is a current member family of a group. */
export const findActiveMemberOfHousehold = (db: Queryable, groupId: string, householdId: string) =>
  db
    .selectFrom('group_member')
    .select('person_id')
    .where('group_id', '=', groupId)
    .where('household_id', '=', householdId)
    .where('left_on', 'is', null)
    .executeTakeFirst();
/** Whether a person is a current member of a group. */
export const findActiveMember = (db: Queryable, groupId: string, personId: string) =>
  db
    .selectFrom('group_member')
    .select('person_id')
    .where('group_id', '=', groupId)
    .where('person_id', '=', personId)
    .where('left_on', 'is', null)
    .executeTakeFirst();
export const findActiveMembershipOfKind = (db: Queryable, personId: string, kind: string) =>
  db
    .selectFrom('group_member')
    .selectAll()
    .where('person_id', '=', personId)
    .where('kind', '=', kind)
    .where('left_on', 'is', null)
    .executeTakeFirst();

export async function insertMember(
  db: Queryable,
  row: { group_id: string; person_id: string; household_id: string; kind: string; joined_on: string },
) {
  await db
    .insertInto('group_member')
    .values({ ...row, left_on: null })
    .onConflict((oc) => oc.columns(['group_id', 'person_id']).doUpdateSet({ joined_on: row.joined_on, left_on: null }))
    .execute();
}
export async function markMemberLeft(db: Queryable, groupId: string, personId: string, leftOn: string) {
  const result = await db
    .updateTable('group_member')
    .set({ left_on: leftOn })
    .where('group_id', '=', groupId)
    .where('person_id', '=', personId)
    .where('left_on', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

export const findOfficers = (db: Queryable, groupId: string) =>
  db.selectFrom('group_officer').select(['role', 'person_id']).where('group_id', '=', groupId).execute();
export async function setOfficer(db: Queryable, row: GroupOfficerTable) {
  await db
    .insertInto('group_officer')
    .values(row)
    .onConflict((oc) => oc.columns(['group_id', 'role']).doUpdateSet({ person_id: row.person_id }))
    .execute();
}
export async function removeOfficer(db: Queryable, groupId: string, role: GroupOfficerTable['role']) {
  await db.deleteFrom('group_officer').where('group_id', '=', groupId).where('role', '=', role).execute();
}

export async function insertMeeting(
  db: Queryable,
  row: Insertable<GroupMeetingTable>,
  attendance: { personId: string; present: boolean }[],
) {
  await db.insertInto('group_meeting').values(row).execute();
  if (attendance.length > 0)
    await db
      .insertInto('meeting_attendance')
      .values(attendance.map((a) => ({ meeting_id: row.id, person_id: a.personId, present: a.present })))
      .execute();
}
/** The group's meeting on a day (the latest recorded, if several), locked: the field app's attendance edits it. */
export const lockMeetingOn = (db: Queryable, groupId: string, heldOn: string) =>
  db
    .selectFrom('group_meeting')
    .selectAll()
    .where('group_id', '=', groupId)
    .where('held_on', '=', heldOn)
    .orderBy('id', 'desc')
    .limit(1)
    .forUpdate()
    .executeTakeFirst();
/** A meeting's attendance, replaced as a whole. */
export async function replaceAttendance(db: Queryable, meetingId: string, attendance: { personId: string; present: boolean }[]) {
  await db.deleteFrom('meeting_attendance').where('meeting_id', '=', meetingId).execute();
  if (attendance.length > 0)
    await db
      .insertInto('meeting_attendance')
      .values(attendance.map((a) => ({ meeting_id: meetingId, person_id: a.personId, present: a.present })))
      .execute();
}
export const findMeetings = (db: Queryable, groupId: string) =>
  db.selectFrom('group_meeting').selectAll().where('group_id', '=', groupId).orderBy('held_on', 'desc').orderBy('id', 'desc').execute();
export function findAttendance(db: Queryable, meetingIds: string[]) {
  if (meetingIds.length === 0) return Promise.resolve([]);
  return db.selectFrom('meeting_attendance').select(['meeting_id', 'person_id', 'present']).where('meeting_id', 'in', meetingIds).execute();
}

export async function insertAsset(db: Queryable, row: Insertable<GroupAssetTable>) {
  await db.insertInto('group_asset').values(row).execute();
}
export const findAssets = (db: Queryable, groupId: string) =>
  db.selectFrom('group_asset').selectAll().where('group_id', '=', groupId).orderBy('received_on', 'desc').execute();
export async function sumAssets(db: Queryable, groupId: string): Promise<string> {
  const row = await db
    .selectFrom('group_asset')
    .select(sql<string>`coalesce(sum(value_rupiah), 0)::text`.as('total'))
    .where('group_id', '=', groupId)
    .executeTakeFirstOrThrow();
  return row.total;
}

export function listGroupRows(
  db: Queryable,
  filter: { kind?: string; village?: string; regionPatterns: string[] | null; afterId?: string; limit: number },
) {
  let query = db.selectFrom('business_group as g').selectAll('g');
  if (filter.kind) query = query.where('g.kind', '=', filter.kind);
  const village = filter.village;
  if (village)
    query = query.where('g.id', 'in', (eb) => eb.selectFrom('group_village').select('group_id').where('village_code', '=', village));
  const patterns = filter.regionPatterns;
  if (patterns !== null)
    query =
      patterns.length === 0
        ? query.where(sql<boolean>`false`)
        : query.where('g.id', 'in', (eb) =>
            eb
              .selectFrom('group_village')
              .select('group_id')
              .where((w) => w.or(patterns.map((p) => w('village_code', 'like', p)))),
          );
  if (filter.afterId) query = query.where('g.id', '>', filter.afterId);
  return query.orderBy('g.id').limit(filter.limit).execute();
}

export const findMeeting = (db: Queryable, groupId: string, meetingId: string) =>
  db.selectFrom('group_meeting').selectAll().where('group_id', '=', groupId).where('id', '=', meetingId).executeTakeFirst();
export const findGroupsByIds = (db: Queryable, ids: string[]) =>
  ids.length === 0 ? Promise.resolve([]) : db.selectFrom('business_group').selectAll().where('id', 'in', ids).execute();
export const findMeetingsByIds = (db: Queryable, ids: string[]) =>
  ids.length === 0 ? Promise.resolve([]) : db.selectFrom('group_meeting').selectAll().where('id', 'in', ids).execute();
export const findGroupIdsOfKind = async (db: Queryable, kind: string) =>
  (await db.selectFrom('business_group').select('id').where('kind', '=', kind).execute()).map((r) => r.id);

/** Groups whose name contains a fragment (trigram index of migration 0039), in the actor's regions, by name. */
export function searchGroupRowsByName(db: Queryable, fragment: string, regionPatterns: string[] | null, limit: number) {
  const like = `%${fragment.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  let query = db
    .selectFrom('business_group as g')
    .select(['g.id', 'g.name', 'g.kind', 'g.region_code'])
    .where(sql<boolean>`lower(g.name) LIKE ${like}`);
  if (regionPatterns !== null)
    query =
      regionPatterns.length === 0
        ? query.where(sql<boolean>`false`)
        : query.where('g.id', 'in', (eb) =>
            eb
              .selectFrom('group_village')
              .select('group_id')
              .where((w) => w.or(regionPatterns.map((p) => w('village_code', 'like', p)))),
          );
  return query.orderBy('g.name').orderBy('g.id').limit(limit).execute();
}

/** The groups a person is or was in: as a member, or through their household in a group that counts households (KUBE); with the person's officer role. */
export async function findMembershipsOfPerson(db: Queryable, personId: string, householdId: string) {
  const result = await sql<{
    group_id: string;
    name: string;
    kind: string;
    kind_name: string;
    counts: 'households' | 'members';
    joined_on: string;
    left_on: string | null;
    own: boolean;
    officer_role: string | null;
  }>`
    SELECT g.id AS group_id, g.name, g.kind, k.name AS kind_name, k.counts,
           min(m.joined_on)::text AS joined_on,
           CASE WHEN bool_or(m.left_on IS NULL) THEN NULL ELSE max(m.left_on)::text END AS left_on,
           bool_or(m.person_id = ${personId}::uuid) AS own,
           (SELECT o.role FROM group_officer o WHERE o.group_id = g.id AND o.person_id = ${personId}::uuid LIMIT 1) AS officer_role
    FROM group_member m JOIN business_group g ON g.id = m.group_id JOIN group_kind k ON k.code = g.kind
    WHERE m.person_id = ${personId}::uuid OR (m.household_id = ${householdId}::uuid AND k.counts = 'households')
    GROUP BY g.id, g.name, g.kind, k.name, k.counts
    ORDER BY bool_or(m.left_on IS NULL) DESC, min(m.joined_on) DESC, g.id`.execute(db);
  return result.rows;
}
