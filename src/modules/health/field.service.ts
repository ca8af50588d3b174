import { actorScope, assertRole, type Context, inTransaction } from '../../context.ts';
import { businessDate } from '../../core/clock.ts';
import { addDays } from '../../core/dates.ts';
import { notFound } from '../../core/errors.ts';
import { regionInScope, regionLikePatterns } from '../../core/scope.ts';
import { recordAudit } from '../audit/index.ts';
import { getGroup, listGroups } from '../groups/index.ts';
import { householdsWithPersons, personsByIds, womenBornBetween } from '../registry/index.ts';
import { birthRangeForAges, familyUrgency, RECALL_DUE_DAYS, recallStatus } from './field.rules.ts';
import type { FieldFamily, FieldGroup, FieldMember, FieldSession, HealthBundle, HealthBundleQuery } from './field.schema.ts';
import {
  findAttendanceOfSessions,
  findConditions,
  findPregnancies,
  findRecallsDueBy,
  findRecentIllness,
  findScreenedAmong,
  findScreeningTargets,
  findSessionsOfWorker,
} from './field.store.ts';
import { CLINICIANS } from './health.roles.ts';
import { ICD10 } from './icd10.data.ts';
import { illnessStatus, RECOVERING_DAYS } from './illness.rules.ts';

/** Families a phone takes at most; the most urgent first, the rest by village (?village=). */
export const FIELD_FAMILIES_MAX = 1000;
/** Women of screening age read at most per download (a whole city has tens of thousands). */
const INVITED_MAX = 10_000;
/** Counselling sessions of the last 90 days: the worker may add attendance to a recent one. */
const SESSION_DAYS = 90;
const SESSIONS_MAX = 50;
const GROUP_PAGES_MAX = 20;
/** Ids per query when looking up many persons. */
const CHUNK = 5_000;

type Flags = Omit<FieldMember, 'personId' | 'name' | 'sex' | 'birthDate' | 'relation'>;

const chunks = <T>(items: T[]) =>
  Array.from({ length: Math.ceil(items.length / CHUNK) }, (_, i) => items.slice(i * CHUNK, (i + 1) * CHUNK));

/**
 * A health worker's offline caseload: the families of their villages (those of their offices,
 * or the one asked for) with an open recall, a pregnancy, a chronic condition or a member
 * unable to work now or in the last 30 days; their counselling sessions of the last 90 days;
 * the groups of those villages with their members. A clinical read: audited once, with the
 * persons read.
 */
export async function healthFieldBundle(ctx: Context, query: HealthBundleQuery): Promise<HealthBundle> {
  assertRole(ctx, CLINICIANS);
  const today = businessDate(ctx.clock);
  const scope = actorScope(ctx);
  if (query.village && !regionInScope(scope, query.village)) throw notFound('village', query.village);
  const patterns = query.village ? [query.village] : regionLikePatterns(scope);
  const inScope = (village: string) => regionInScope(scope, village) && (!query.village || village === query.village);

  const flags = new Map<string, Flags>();
  const flag = (personId: string) => {
    const current = flags.get(personId) ?? {};
    flags.set(personId, current);
    return current;
  };

  // Recalls: the latest screening's date, and women of the target ages never screened.
  const recalls = await findRecallsDueBy(ctx.db, patterns, addDays(today, RECALL_DUE_DAYS));
  for (const r of recalls) {
    const status = recallStatus(r.next_due_on, today);
    if (status) flag(r.person_id).recall = { status, method: r.method, lastScreenedOn: r.screened_on, nextDueOn: r.next_due_on };
  }
  let truncated = false;
  for (const target of await findScreeningTargets(ctx.db, today)) {
    const method = target.method;
    if ((method !== 'iva' && method !== 'pap_smear') || target.sex !== 'F') continue;
    const { bornAfter, bornUntil } = birthRangeForAges(today, target.min_age, target.max_age);
    const invited = await womenBornBetween(ctx.db, { regionPatterns: patterns, bornAfter, bornOnOrBefore: bornUntil, limit: INVITED_MAX });
    if (invited.length === INVITED_MAX) truncated = true;
    const screened = new Set<string>();
    for (const ids of chunks(invited.map((p) => p.id))) for (const id of await findScreenedAmong(ctx.db, ids)) screened.add(id);
    for (const p of invited) {
      if (screened.has(p.id) || flags.get(p.id)?.recall) continue;
      // Never screened: due today, by the first method in force (IVA before pap smear).
      flag(p.id).recall = { status: 'due', method, lastScreenedOn: null, nextDueOn: today };
    }
  }
  for (const p of await findPregnancies(ctx.db)) flag(p.person_id).pregnancy = { expectedDelivery: p.expected_delivery };
  const conditions = await findConditions(ctx.db);
  for (const c of conditions) {
    const f = flag(c.person_id);
    f.conditions = [...(f.conditions ?? []), c.code].sort();
  }
  const episodes = new Map<string, { fromOn: string; toOn: string | null }[]>();
  for (const e of await findRecentIllness(ctx.db, patterns, addDays(today, -RECOVERING_DAYS), today))
    episodes.set(e.person_id, [...(episodes.get(e.person_id) ?? []), { fromOn: e.from_on, toOn: e.to_on }]);
  for (const [personId, list] of episodes) {
    // The same status as beside the member's financing (finance-link.rules.ts).
    const illness = illnessStatus(list, today);
    if (illness) flag(personId).illness = illness;
  }

  // Profiles and conditions carry no village: keep the persons of the worker's villages.
  const households = new Set<string>();
  for (const ids of chunks([...flags.keys()]))
    for (const [id, person] of await personsByIds(ctx.db, ids))
      if (inScope(person.villageCode)) households.add(person.householdId);
      else flags.delete(id);

  const families: FieldFamily[] = [];
  for (const ids of chunks([...households]))
    for (const household of await householdsWithPersons(ctx.db, ids)) {
      if (!inScope(household.villageCode)) continue;
      const members: FieldMember[] = household.persons
        .filter((p) => p.diedOn === null && !p.merged)
        .map((p) => ({ personId: p.id, name: p.fullName, sex: p.sex, birthDate: p.birthDate, relation: p.relation, ...flags.get(p.id) }));
      const head = household.persons.find((p) => p.relation === 'head');
      families.push({
        householdId: household.id,
        kkNumber: household.kkNumber,
        villageCode: household.villageCode,
        address: household.address,
        headName: head?.fullName ?? null,
        urgency: familyUrgency(members, today),
        members,
      });
    }
  families.sort((a, b) => b.urgency - a.urgency || a.villageCode.localeCompare(b.villageCode) || a.kkNumber.localeCompare(b.kkNumber));
  if (families.length > FIELD_FAMILIES_MAX) truncated = true;
  const kept = families.slice(0, FIELD_FAMILIES_MAX);
  const villageCodes = [...new Set(kept.map((f) => f.villageCode))].sort();

  const sessions = await workerSessions(ctx, today);
  const groups = await villageGroups(ctx, new Set(villageCodes));
  const personIds = kept.flatMap((f) => f.members.filter((m) => flags.has(m.personId)).map((m) => m.personId));
  await inTransaction(ctx, (tx) =>
    recordAudit(tx, ctx, { action: 'health.read', entityType: 'field_bundle', regionCode: query.village, after: { ids: personIds } }),
  );
  return { icd10: [...ICD10], villageCodes, families: kept, truncated, sessions, groups };
}

async function workerSessions(ctx: Context, today: string): Promise<FieldSession[]> {
  if (ctx.actor.kind !== 'user') return [];
  const rows = await findSessionsOfWorker(ctx.db, ctx.actor.id, addDays(today, -SESSION_DAYS), SESSIONS_MAX);
  const attendance = await findAttendanceOfSessions(
    ctx.db,
    rows.map((r) => r.id),
  );
  return rows.map((r) => ({
    sessionId: r.id,
    topic: r.topic,
    topicNote: r.topic_note,
    heldOn: r.held_on,
    place: r.place,
    villageCode: r.village_code,
    groupId: r.group_id,
    personIds: attendance.filter((a) => a.session_id === r.id).map((a) => a.person_id),
  }));
}

/** The groups in scope meeting in these villages, with their current members. */
async function villageGroups(ctx: Context, villages: Set<string>): Promise<FieldGroup[]> {
  if (villages.size === 0) return [];
  const ids: string[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < GROUP_PAGES_MAX; page++) {
    const listed = await listGroups(ctx, { cursor, limit: 100 });
    for (const g of listed.items) if (g.villageCodes.some((v) => villages.has(v))) ids.push(g.id);
    if (!listed.nextCursor) break;
    cursor = listed.nextCursor;
  }
  const groups: FieldGroup[] = [];
  for (const id of ids) {
    const group = await getGroup(ctx, id);
    groups.push({
      groupId: group.id,
      name: group.name,
      villageCodes: group.villageCodes,
      members: group.members.filter((m) => m.leftOn === null).map((m) => ({ personId: m.personId, name: m.fullName })),
    });
  }
  return groups.sort((a, b) => a.name.localeCompare(b.name, 'id'));
}
