import type { Selectable } from 'kysely';
import { actorScope, assertRole, type Context, inTransaction } from '../../context.ts';
import { businessDate } from '../../core/clock.ts';
import { addMonths } from '../../core/dates.ts';
import { invalid, notFound } from '../../core/errors.ts';
import { regionInScope, regionLikePatterns } from '../../core/scope.ts';
import type { Queryable } from '../../db/database.ts';
import { recordAudit } from '../audit/index.ts';
import { jknParticipantsOf } from '../cadres/index.ts';
import { officesWithRegions, resolveOfficeForActor } from '../organisation/index.ts';
import { findRegionsByCodes } from '../regions/index.ts';
import { type FamilyWithMembers, familiesOfVillage, familiesWithMembers, householdById } from '../registry/index.ts';
import { RELATION_WORDS } from '../registry/registry.schema.ts';
import { AGGREGATE_READERS, CLINICAL_READERS } from './health.roles.ts';
import type { HealthConditionTable, HealthProfileTable } from './health.tables.ts';
import { computeIks, type IksFamily, type IksMember, type IksResult, iksCategory, iksValue, meanIks, shareOf } from './iks.rules.ts';
import type { IksAggregateQuery, IksAggregateView, IksQuoteInput, IksView } from './iks.schema.ts';
import { countLatestSnapshots, countSnapshotsByMonth, findAnswers, type SnapshotFilter, upsertSnapshots } from './iks.store.ts';
import { findConditions, findHouseholdHealth, findProfiles } from './profile.store.ts';

const CHUNK = 5000;
async function chunked<T>(ids: string[], read: (part: string[]) => Promise<T[]>): Promise<T[]> {
  const out: T[] = [];
  for (let i = 0; i < ids.length; i += CHUNK) out.push(...(await read(ids.slice(i, i + CHUNK))));
  return out;
}

export type JknStatus = {
  member: boolean;
  source: 'participant' | 'household_kis' | null;
  segment: string | null;
  jknClass: string | null;
};
/**
 * JKN membership as the records say it, never typed in the health profile: an active participant
 * record (cadres module) is a member, an inactive one is not; with no record, the family's KIS card
 * in the registry makes every member one; with neither, nothing is known (`known` false).
 */
export async function jknStatusOf(
  db: Queryable,
  persons: { id: string; hasKis: boolean }[],
): Promise<Map<string, JknStatus & { known: boolean }>> {
  const participants = new Map(
    (
      await chunked(
        persons.map((p) => p.id),
        (part) => jknParticipantsOf(db, part),
      )
    ).map((p) => [p.person_id, p]),
  );
  return new Map(
    persons.map((p): [string, JknStatus & { known: boolean }] => {
      const record = participants.get(p.id);
      if (record)
        return [
          p.id,
          { member: record.status === 'active', source: 'participant', segment: record.segment, jknClass: record.jkn_class, known: true },
        ];
      if (p.hasKis) return [p.id, { member: true, source: 'household_kis', segment: null, jknClass: null, known: true }];
      return [p.id, { member: false, source: null, segment: null, jknClass: null, known: false }];
    }),
  );
}

export type FamilyRecords = {
  family: FamilyWithMembers;
  input: IksFamily;
  profiles: Map<string, Selectable<HealthProfileTable>>;
  conditions: Map<string, HealthConditionTable[]>;
  jkn: Map<string, JknStatus & { known: boolean }>;
  cleanWater: boolean | null;
  healthyLatrine: boolean | null;
  answers: Record<string, boolean>;
  householdUpdatedAt: Date | null;
};

/** What the IKS rules need of many families, read in a handful of queries (not one per person). */
export async function familyRecords(db: Queryable, families: FamilyWithMembers[]): Promise<FamilyRecords[]> {
  const personIds = families.flatMap((f) => f.members.map((m) => m.id));
  const householdIds = families.map((f) => f.id);
  const profiles = new Map((await chunked(personIds, (part) => findProfiles(db, part))).map((p) => [p.person_id, p]));
  const conditions = new Map<string, HealthConditionTable[]>();
  for (const c of await chunked(personIds, (part) => findConditions(db, part)))
    conditions.set(c.person_id, [...(conditions.get(c.person_id) ?? []), c]);
  const sanitation = new Map((await chunked(householdIds, (part) => findHouseholdHealth(db, part))).map((h) => [h.household_id, h]));
  const answers = new Map<string, Record<string, boolean>>();
  for (const a of await chunked(householdIds, (part) => findAnswers(db, part)))
    answers.set(a.household_id, { ...(answers.get(a.household_id) ?? {}), [a.indicator]: a.met });
  const jkn = await jknStatusOf(
    db,
    families.flatMap((f) => f.members.map((m) => ({ id: m.id, hasKis: f.hasKis }))),
  );
  return families.map((family) => {
    const house = sanitation.get(family.id);
    const familyAnswers = answers.get(family.id) ?? {};
    const members = family.members.map((m): IksMember => {
      const profile = profiles.get(m.id);
      const status = jkn.get(m.id);
      return {
        birthDate: m.birthDate,
        sex: m.sex,
        relation: m.relation,
        conditions: (conditions.get(m.id) ?? []).map((c) => ({ code: c.code, treatedRegularly: c.treated_regularly })),
        smoker: profile?.smoker ?? null,
        kbMethod: profile?.kb_method ?? null,
        jknMember: status?.known ? status.member : null,
      };
    });
    return {
      family,
      input: { members, cleanWater: house?.clean_water ?? null, healthyLatrine: house?.healthy_latrine ?? null, answers: familyAnswers },
      profiles,
      conditions,
      jkn,
      cleanWater: house?.clean_water ?? null,
      healthyLatrine: house?.healthy_latrine ?? null,
      answers: familyAnswers,
      householdUpdatedAt: house?.updated_at ?? null,
    };
  });
}

const contract = (result: IksResult): IksView => ({ iks: result.iks, category: result.category, indicators: result.indicators });
const monthStart = (today: string) => `${today.slice(0, 7)}-01`;

/** A household the actor may see, or 404 alike for unknown and out of scope. */
export async function householdForActor(ctx: Context, db: Queryable, id: string) {
  const household = await householdById(db, id);
  if (!household || !regionInScope(actorScope(ctx), household.village_code)) throw notFound('household', id);
  return household;
}

/** GET /households/{id}/iks: the family's IKS today; the month's snapshot is kept for the trend; the read is audited. */
export async function householdIks(ctx: Context, householdId: string): Promise<IksView> {
  assertRole(ctx, CLINICAL_READERS);
  const household = await householdForActor(ctx, ctx.db, householdId);
  const today = businessDate(ctx.clock);
  return inTransaction(ctx, async (tx) => {
    const [records] = await familyRecords(tx, await familiesWithMembers(tx, [householdId]));
    if (!records) throw notFound('household', householdId);
    const result = computeIks(records.input, today);
    await upsertSnapshots(tx, [
      {
        household_id: householdId,
        month: monthStart(today),
        village_code: household.village_code,
        applicable: result.applicable,
        met: result.met,
      },
    ]);
    await recordAudit(tx, ctx, { action: 'health.read', entityType: 'iks', entityId: householdId, regionCode: household.village_code });
    return contract(result);
  });
}

/** POST /health/iks-quote: the rules engine over a family described in the body; stores nothing. */
export function quoteIks(ctx: Context, input: IksQuoteInput): IksView {
  assertRole(ctx, ['admin', 'manager', 'cashier', 'facilitator', 'cadre', 'health_worker', 'supervisor', 'auditor']);
  const members = input.members.map(
    (m): IksMember => ({
      birthDate: m.birthDate,
      sex: m.sex,
      relation: RELATION_WORDS[m.relation] ?? 'other',
      conditions: m.conditions.map((code) => ({ code, treatedRegularly: null })),
    }),
  );
  return contract(computeIks({ members, answers: input.answers }, input.asOf));
}

/** POST /health/iks/recompute?village=: every family of a village, in batched reads and one write per 1,000 families. */
export async function recomputeVillageIks(ctx: Context, villageCode: string) {
  assertRole(ctx, CLINICAL_READERS);
  if (!regionInScope(actorScope(ctx), villageCode)) throw notFound('village', villageCode);
  const [village] = await findRegionsByCodes(ctx.db, [villageCode]);
  if (village?.level !== 4) throw notFound('village', villageCode);
  const today = businessDate(ctx.clock);
  const month = monthStart(today);
  return inTransaction(ctx, async (tx) => {
    const records = await familyRecords(tx, await familiesOfVillage(tx, villageCode));
    const rows = records.map((r) => {
      const result = computeIks(r.input, today);
      return { household_id: r.family.id, month, village_code: villageCode, applicable: result.applicable, met: result.met };
    });
    for (let i = 0; i < rows.length; i += 1000) await upsertSnapshots(tx, rows.slice(i, i + 1000));
    const counts = countsOf(rows.map((r) => ({ ...r, n: 1 })));
    await recordAudit(tx, ctx, {
      action: 'health.iks_recompute',
      entityType: 'village',
      entityId: villageCode,
      regionCode: villageCode,
      after: { families: rows.length, month: today.slice(0, 7) },
    });
    return {
      village: villageCode,
      month: today.slice(0, 7),
      families: counts.families,
      meanIks: counts.meanIks,
      sehat: counts.sehat,
      praSehat: counts.praSehat,
      tidakSehat: counts.tidakSehat,
    };
  });
}

type Counted = { applicable: number; met: number; n: number };
function countsOf(rows: Counted[]) {
  const counts = { families: 0, meanIks: null as string | null, healthyShare: null as string | null, sehat: 0, praSehat: 0, tidakSehat: 0 };
  for (const row of rows) {
    const category = iksCategory(iksValue(row.met, row.applicable));
    if (category === null) continue;
    counts.families += row.n;
    if (category === 'sehat') counts.sehat += row.n;
    else if (category === 'pra_sehat') counts.praSehat += row.n;
    else counts.tidakSehat += row.n;
  }
  counts.meanIks = meanIks(rows.map((r) => ({ met: r.met, applicable: r.applicable, count: r.n })));
  counts.healthyShare = shareOf(counts.sehat, counts.families);
  return counts;
}

const inRegion = (villageCode: string, regionCode: string) => villageCode === regionCode || villageCode.startsWith(`${regionCode}.`);
const MAX_MONTHS = 60;

/** GET /health/iks: families counted, mean IKS and categories per village or office, with the monthly trend, from the snapshots. */
export async function iksAggregates(ctx: Context, query: IksAggregateQuery): Promise<IksAggregateView> {
  assertRole(ctx, AGGREGATE_READERS);
  const today = businessDate(ctx.clock);
  const to = query.to ?? today.slice(0, 7);
  const from = query.from ?? addMonths(to, -11);
  if (from > to) throw invalid('health.month_range', 'from', { from, to });
  if (addMonths(from, MAX_MONTHS - 1) < to) throw invalid('health.month_range_too_long', 'to', { months: MAX_MONTHS });
  const scope = actorScope(ctx);
  if (query.village !== undefined && !regionInScope(scope, query.village)) throw notFound('village', query.village);

  let offices: { code: string; name: string; regionCodes: string[] }[] = [];
  let patterns = regionLikePatterns(scope);
  if (query.office !== undefined) {
    const id = await resolveOfficeForActor(ctx, ctx.db, query.office, 'office');
    offices = await officesWithRegions(ctx.db, [id]);
    const regions = offices.flatMap((o) => o.regionCodes);
    patterns = regions.flatMap((code) => [code, `${code}.%`]);
  } else if (query.by === 'office' && ctx.actor.kind === 'user') {
    offices = await officesWithRegions(
      ctx.db,
      ctx.actor.offices.map((o) => o.id),
    );
  }
  const filter: SnapshotFilter = {
    regionPatterns: patterns,
    villageCode: query.village ?? null,
    fromMonth: `${from}-01`,
    toMonth: `${to}-01`,
  };
  const [monthly, latest] = [await countSnapshotsByMonth(ctx.db, filter), await countLatestSnapshots(ctx.db, filter)];

  const groupsOf = (village: string): string[] =>
    query.by === 'village' ? [village] : offices.filter((o) => o.regionCodes.some((r) => inRegion(village, r))).map((o) => o.code);
  const latestBy = new Map<string, Counted[]>();
  const monthlyBy = new Map<string, Map<string, Counted[]>>();
  for (const row of latest) for (const key of groupsOf(row.village_code)) latestBy.set(key, [...(latestBy.get(key) ?? []), row]);
  for (const row of monthly)
    for (const key of groupsOf(row.village_code)) {
      const months = monthlyBy.get(key) ?? new Map<string, Counted[]>();
      months.set(row.month, [...(months.get(row.month) ?? []), row]);
      monthlyBy.set(key, months);
    }
  const trendOf = (months: Map<string, Counted[]> | undefined) =>
    [...(months ?? new Map<string, Counted[]>())]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([month, rows]) => ({ month, ...countsOf(rows) }));

  const keys = query.by === 'village' ? [...new Set(latest.map((r) => r.village_code))].sort() : offices.map((o) => o.code);
  const names =
    query.by === 'village'
      ? new Map((await findRegionsByCodes(ctx.db, keys)).map((r) => [r.code, r.name]))
      : new Map(offices.map((o) => [o.code, o.name]));
  const allMonths = new Map<string, Counted[]>();
  for (const row of monthly) allMonths.set(row.month, [...(allMonths.get(row.month) ?? []), row]);
  return {
    by: query.by,
    from,
    to,
    total: countsOf(latest),
    rows: keys.map((code) => ({
      code,
      name: names.get(code) ?? null,
      ...countsOf(latestBy.get(code) ?? []),
      trend: trendOf(monthlyBy.get(code)),
    })),
    trend: trendOf(allMonths),
  };
}
