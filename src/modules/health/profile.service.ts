import { actorScope, assertRole, type Context, inTransaction } from '../../context.ts';
import { businessDate } from '../../core/clock.ts';
import { addDays, daysBetween } from '../../core/dates.ts';
import { AppError, notFound } from '../../core/errors.ts';
import { regionInScope } from '../../core/scope.ts';
import type { Queryable } from '../../db/database.ts';
import { recordAudit } from '../audit/index.ts';
import { familiesWithMembers, findPersonForActor, householdById, personById } from '../registry/index.ts';
import { CLINICAL_READERS, CLINICIANS } from './health.roles.ts';
import { computeIks, IKS_CODES } from './iks.rules.ts';
import { familyRecords, householdForActor, jknStatusOf } from './iks.service.ts';
import { deleteAnswers, upsertAnswers } from './iks.store.ts';
import { type AidHealthFacts, aidHealthFactsOf, deliveryDateOf, profileErrors } from './profile.rules.ts';
import type { HouseholdHealthInput, HouseholdHealthView, ProfileInput, ProfileView } from './profile.schema.ts';
import {
  findConditions,
  findPregnanciesDue,
  findProfiles,
  replaceConditions,
  upsertHouseholdHealth,
  upsertProfile,
} from './profile.store.ts';

async function personForActor(ctx: Context, db: Queryable, id: string) {
  const person = await findPersonForActor(ctx, db, id);
  if (!person) throw notFound('person', id);
  return person;
}

async function profileView(db: Queryable, person: { id: string; household_id: string }): Promise<ProfileView> {
  const [profile] = await findProfiles(db, [person.id]);
  const conditions = await findConditions(db, [person.id]);
  const household = await householdById(db, person.household_id);
  const jkn = (await jknStatusOf(db, [{ id: person.id, hasKis: household?.has_kis ?? false }])).get(person.id);
  return {
    personId: person.id,
    recorded: profile !== undefined,
    pregnant: profile?.pregnant ?? false,
    lastMenstrualPeriod: profile?.last_menstrual_period ?? null,
    expectedDelivery: profile?.expected_delivery ?? null,
    pregnancies: profile?.pregnancies ?? null,
    disability: profile?.disability ?? 'none',
    smoker: profile?.smoker ?? null,
    kbMethod: profile?.kb_method ?? null,
    conditions: conditions.map((c) => ({ code: c.code, note: c.note, since: c.since, treatedRegularly: c.treated_regularly })),
    jkn: { member: jkn?.member ?? false, source: jkn?.source ?? null, segment: jkn?.segment ?? null, jknClass: jkn?.jknClass ?? null },
    updatedAt: profile ? profile.updated_at.toISOString() : null,
  };
}

/** GET /persons/{id}/health: clinical, so health workers and the admin only; every read audited. */
export async function getPersonHealth(ctx: Context, personId: string): Promise<ProfileView> {
  assertRole(ctx, CLINICAL_READERS);
  const person = await personForActor(ctx, ctx.db, personId);
  return inTransaction(ctx, async (tx) => {
    const view = await profileView(tx, person);
    await recordAudit(tx, ctx, {
      action: 'health.read',
      entityType: 'health_profile',
      entityId: personId,
      regionCode: person.village_code,
    });
    return view;
  });
}

/** Field names whose values differ: the audit trail says what changed, never the clinical values. */
const changedFields = (before: Record<string, unknown>, after: Record<string, unknown>) =>
  Object.keys(after).filter((key) => JSON.stringify(before[key]) !== JSON.stringify(after[key]));

/** PUT /persons/{id}/health by a health worker: the whole profile; EDD by Naegele's rule when not typed. */
export async function recordPersonHealth(ctx: Context, personId: string, input: ProfileInput): Promise<ProfileView> {
  assertRole(ctx, CLINICIANS);
  const person = await personForActor(ctx, ctx.db, personId);
  const today = businessDate(ctx.clock);
  const errors = profileErrors(input, { sex: person.sex, birthDate: person.birth_date }, today);
  if (errors.length > 0) throw new AppError('common.validation_failed', 'invalid', { errors });
  return inTransaction(ctx, async (tx) => {
    const before = await profileView(tx, person);
    const now = ctx.clock.now();
    const updatedBy = ctx.actor.kind === 'user' ? ctx.actor.id : null;
    await upsertProfile(tx, {
      person_id: personId,
      pregnant: input.pregnant,
      last_menstrual_period: input.lastMenstrualPeriod,
      expected_delivery: deliveryDateOf(input),
      pregnancies: input.pregnancies,
      disability: input.disability,
      smoker: input.smoker,
      kb_method: input.kbMethod,
      updated_at: now,
      updated_by: updatedBy,
    });
    await replaceConditions(
      tx,
      personId,
      input.conditions.map((c) => ({
        person_id: personId,
        code: c.code,
        note: c.note,
        since: c.since,
        treated_regularly: c.treatedRegularly,
      })),
    );
    const after = await profileView(tx, person);
    await recordAudit(tx, ctx, {
      action: 'health.profile.update',
      entityType: 'health_profile',
      entityId: personId,
      regionCode: person.village_code,
      after: { changed: changedFields(before, { ...after, updatedAt: before.updatedAt, recorded: before.recorded }) },
    });
    return after;
  });
}

async function householdView(db: Queryable, householdId: string, villageCode: string, today: string): Promise<HouseholdHealthView> {
  const [records] = await familyRecords(db, await familiesWithMembers(db, [householdId]));
  if (!records) throw notFound('household', householdId);
  const result = computeIks(records.input, today);
  return {
    householdId,
    villageCode,
    cleanWater: records.cleanWater,
    healthyLatrine: records.healthyLatrine,
    answers: records.answers,
    toAsk: result.asked,
    members: records.family.members.map((m) => ({
      personId: m.id,
      fullName: m.fullName,
      relation: m.relation,
      conditions: (records.conditions.get(m.id) ?? []).map((c) => c.code),
      pregnant: records.profiles.get(m.id)?.pregnant ?? false,
      jknMember: records.jkn.get(m.id)?.member ?? false,
    })),
    updatedAt: records.householdUpdatedAt?.toISOString() ?? null,
  };
}

/** GET /households/{id}/health: sanitation, the family's answers and the questions still to ask; audited. */
export async function getHouseholdHealth(ctx: Context, householdId: string): Promise<HouseholdHealthView> {
  assertRole(ctx, CLINICAL_READERS);
  const household = await householdForActor(ctx, ctx.db, householdId);
  return inTransaction(ctx, async (tx) => {
    const view = await householdView(tx, householdId, household.village_code, businessDate(ctx.clock));
    await recordAudit(tx, ctx, {
      action: 'health.read',
      entityType: 'household_health',
      entityId: householdId,
      regionCode: household.village_code,
    });
    return view;
  });
}

/** PUT /households/{id}/health by a health worker: clean water, healthy latrine and answers (null clears one). */
export async function recordHouseholdHealth(ctx: Context, householdId: string, input: HouseholdHealthInput): Promise<HouseholdHealthView> {
  assertRole(ctx, CLINICIANS);
  const household = await householdForActor(ctx, ctx.db, householdId);
  const today = businessDate(ctx.clock);
  const by = ctx.actor.kind === 'user' ? ctx.actor.id : null;
  return inTransaction(ctx, async (tx) => {
    await upsertHouseholdHealth(tx, {
      household_id: householdId,
      clean_water: input.cleanWater,
      healthy_latrine: input.healthyLatrine,
      updated_at: ctx.clock.now(),
      updated_by: by,
    });
    const given = IKS_CODES.flatMap((code) => (input.answers[code] === undefined ? [] : [[code, input.answers[code]] as const]));
    await upsertAnswers(
      tx,
      given.flatMap(([indicator, met]) =>
        met == null ? [] : [{ household_id: householdId, indicator, met, answered_on: today, answered_by: by }],
      ),
    );
    await deleteAnswers(
      tx,
      householdId,
      given.flatMap(([indicator, met]) => (met == null ? [indicator] : [])),
    );
    await recordAudit(tx, ctx, {
      action: 'health.household.update',
      entityType: 'household_health',
      entityId: householdId,
      regionCode: household.village_code,
      after: { changed: ['cleanWater', 'healthyLatrine', ...given.map(([code]) => `answers.${code}`)] },
    });
    return householdView(tx, householdId, household.village_code, today);
  });
}

/**
 * Pregnancy and severe disability of many persons on a day, for social assistance's eligibility
 * and entitlements (`aidHealthFactsOf`): one query per 5,000 persons; a person without a profile
 * is left out (not recorded). No clinical detail leaves the module: a yes/no and "severe".
 */
export async function pregnancyAndDisabilityOf(db: Queryable, personIds: string[], asOf: string): Promise<Map<string, AidHealthFacts>> {
  const ids = [...new Set(personIds)];
  const facts = new Map<string, AidHealthFacts>();
  for (let i = 0; i < ids.length; i += 5_000)
    for (const profile of await findProfiles(db, ids.slice(i, i + 5_000))) facts.set(profile.person_id, aidHealthFactsOf(profile, asOf));
  return facts;
}

/** How far ahead a delivery counts as near term (the health worker's home count uses the same). */
export const NEAR_TERM_DAYS = 30;

/**
 * Living women of the actor's regions whose expected delivery falls within the next 30 days,
 * nearest first, with their household to visit. A clinical list: the read is audited.
 */
export async function pregnanciesNearTerm(ctx: Context) {
  assertRole(ctx, CLINICAL_READERS);
  const today = businessDate(ctx.clock);
  const rows = await findPregnanciesDue(ctx.db, today, addDays(today, NEAR_TERM_DAYS));
  const scope = actorScope(ctx);
  const items: {
    personId: string;
    fullName: string;
    householdId: string;
    villageCode: string;
    expectedDelivery: string;
    daysToGo: number;
    pregnancies: number | null;
  }[] = [];
  for (const row of rows) {
    const person = await personById(ctx.db, row.person_id);
    if (!person || person.died_on !== null || !regionInScope(scope, person.village_code)) continue;
    const expected = row.expected_delivery as string;
    items.push({
      personId: person.id,
      fullName: person.full_name,
      householdId: person.household_id,
      villageCode: person.village_code,
      expectedDelivery: expected,
      daysToGo: daysBetween(today, expected),
      pregnancies: row.pregnancies,
    });
  }
  await inTransaction(ctx, (tx) =>
    recordAudit(tx, ctx, { action: 'health.read', entityType: 'pregnancy_list', after: { ids: items.map((i) => i.personId) } }),
  );
  return { asOf: today, items };
}
