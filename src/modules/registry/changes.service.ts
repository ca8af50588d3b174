import type { z } from 'zod';
import { actorScope, assertRegionInScope, assertRole, type Context, inTransaction } from '../../context.ts';
import { businessDate } from '../../core/clock.ts';
import { AppError, notFound } from '../../core/errors.ts';
import { uuidv7 } from '../../core/ids.ts';
import { regionInScope } from '../../core/scope.ts';
import type { Tx } from '../../db/database.ts';
import { recordAudit } from '../audit/index.ts';
import { findRegionsByCodes } from '../regions/index.ts';
import { decodeNik } from './nik.rules.ts';
import { WRITERS } from './registry.roles.ts';
import type { addMemberInputSchema, HouseholdView, moveInputSchema, newHeadInputSchema, schoolInputSchema } from './registry.schema.ts';
import { decodeNikWithRegions, getHousehold, getPerson } from './registry.service.ts';
import {
  findHouseholdByKk,
  findMembers,
  findPersonById,
  findPersonsByNiks,
  insertHousehold,
  insertPersons,
  lockHousehold,
  touchHousehold,
  updatePerson,
  updatePersonSchool,
} from './registry.store.ts';

const invalid = (field: string, code: string, params: Record<string, unknown> = {}) =>
  new AppError('common.validation_failed', 'invalid', { errors: [{ field, code, params }] });

async function lockHouseholdInScope(tx: Tx, ctx: Context, id: string) {
  const household = await lockHousehold(tx, id);
  if (!household || !regionInScope(actorScope(ctx), household.village_code)) throw notFound('household', id);
  return household;
}

const hasLivingHead = async (tx: Tx, householdId: string) =>
  (await findMembers(tx, householdId)).some((m) => m.relation === 'head' && m.died_on === null);

/** A birth or someone joining the family: a new person on this KK. */
export async function addHouseholdMember(
  ctx: Context,
  householdId: string,
  input: z.infer<typeof addMemberInputSchema>,
): Promise<HouseholdView> {
  assertRole(ctx, WRITERS);
  await inTransaction(ctx, async (tx) => {
    const household = await lockHouseholdInScope(tx, ctx, householdId);
    const { member } = input;
    const today = businessDate(ctx.clock);
    const decoded = await decodeNikWithRegions(tx, member.nik, today, undefined, 'member.nik');
    if (!decoded.ok) throw new AppError('common.validation_failed', 'invalid', { errors: decoded.errors });
    if (decoded.value.sex !== member.sex) throw invalid('member.sex', 'registry.sex_contradicts_nik');
    if (!decodeNik(member.nik, { today, birthDate: member.birthDate }).ok)
      throw invalid('member.birthDate', 'registry.birth_date_contradicts_nik');
    if ((await findPersonsByNiks(tx, [member.nik])).length > 0)
      throw new AppError('registry.nik_taken', 'conflict', { errors: [{ field: 'member.nik', code: 'registry.nik_taken' }] });
    if (member.relation === 'head' && (await hasLivingHead(tx, household.id))) throw invalid('member.relation', 'registry.head_exists');
    const now = ctx.clock.now();
    const id = uuidv7(now.getTime());
    await insertPersons(tx, [
      {
        id,
        nik: member.nik,
        full_name: member.fullName,
        sex: member.sex,
        birth_place: member.birthPlace,
        birth_date: member.birthDate,
        household_id: household.id,
        relation: member.relation,
        village_code: household.village_code,
        died_on: null,
      },
    ]);
    await touchHousehold(tx, household.id, now);
    await recordAudit(tx, ctx, {
      action: `person.${input.event}`,
      entityType: 'person',
      entityId: id,
      regionCode: household.village_code,
      after: member,
    });
  });
  return getHousehold(ctx, householdId);
}

/** A death: the record stays, marked with the date. */
export async function recordDeath(ctx: Context, personId: string, diedOn: string): Promise<HouseholdView> {
  assertRole(ctx, WRITERS);
  const householdId = await inTransaction(ctx, async (tx) => {
    const person = await findPersonById(tx, personId);
    if (!person || !regionInScope(actorScope(ctx), person.village_code)) throw notFound('person', personId);
    await lockHouseholdInScope(tx, ctx, person.household_id);
    if (person.died_on !== null)
      throw new AppError('registry.already_deceased', 'conflict', { errors: [{ field: 'diedOn', code: 'registry.already_deceased' }] });
    if (diedOn < person.birth_date || diedOn > businessDate(ctx.clock)) throw invalid('diedOn', 'registry.death_date_impossible');
    await updatePerson(tx, personId, { died_on: diedOn, updated_at: ctx.clock.now() });
    await recordAudit(tx, ctx, {
      action: 'person.death',
      entityType: 'person',
      entityId: personId,
      regionCode: person.village_code,
      before: { diedOn: null },
      after: { diedOn },
    });
    return person.household_id;
  });
  return getHousehold(ctx, householdId);
}

/** A member moves to another KK (a split when the KK is new: they found a household). */
export async function moveToHousehold(ctx: Context, personId: string, input: z.infer<typeof moveInputSchema>): Promise<HouseholdView> {
  assertRole(ctx, WRITERS);
  const targetId = await inTransaction(ctx, async (tx) => {
    const person = await findPersonById(tx, personId);
    if (!person || !regionInScope(actorScope(ctx), person.village_code)) throw notFound('person', personId);
    if (person.died_on !== null) throw invalid('personId', 'registry.person_deceased');
    const from = await lockHouseholdInScope(tx, ctx, person.household_id);
    if (from.kk_number === input.kkNumber) throw invalid('kkNumber', 'registry.same_household');
    let target = await findHouseholdByKk(tx, input.kkNumber);
    const now = ctx.clock.now();
    if (target) {
      // Named by its KK number: outside the scope, answer with that number, never the household's id.
      if (!regionInScope(actorScope(ctx), target.village_code)) throw notFound('household', input.kkNumber);
      target = await lockHouseholdInScope(tx, ctx, target.id);
      if (input.relation === 'head' && (await hasLivingHead(tx, target.id))) throw invalid('relation', 'registry.head_exists');
    } else {
      const villageCode = input.villageCode ?? from.village_code;
      assertRegionInScope(ctx, villageCode);
      const [village] = await findRegionsByCodes(tx, [villageCode]);
      if (village?.level !== 4) throw invalid('villageCode', 'registry.village_unknown', { code: villageCode });
      if (input.relation !== 'head') throw invalid('relation', 'registry.new_household_needs_head');
      await insertHousehold(tx, {
        id: uuidv7(now.getTime()),
        kk_number: input.kkNumber,
        village_code: villageCode,
        address: input.address ?? from.address,
        rt: null,
        rw: null,
        welfare_decile: from.welfare_decile,
      });
      target = await findHouseholdByKk(tx, input.kkNumber);
    }
    if (!target) throw notFound('household', input.kkNumber);
    await updatePerson(tx, personId, {
      household_id: target.id,
      relation: input.relation,
      village_code: target.village_code,
      updated_at: now,
    });
    await touchHousehold(tx, from.id, now);
    await touchHousehold(tx, target.id, now);
    await recordAudit(tx, ctx, {
      action: 'person.move',
      entityType: 'person',
      entityId: personId,
      regionCode: target.village_code,
      before: { kkNumber: from.kk_number, relation: person.relation },
      after: { kkNumber: target.kk_number, relation: input.relation },
    });
    return target.id;
  });
  return getHousehold(ctx, targetId);
}

/** A new head of household; the previous head (if living) takes another relation. */
export async function changeHead(ctx: Context, householdId: string, input: z.infer<typeof newHeadInputSchema>): Promise<HouseholdView> {
  assertRole(ctx, WRITERS);
  await inTransaction(ctx, async (tx) => {
    const household = await lockHouseholdInScope(tx, ctx, householdId);
    const members = await findMembers(tx, household.id);
    const next = members.find((m) => m.id === input.personId);
    if (!next) throw invalid('personId', 'registry.not_a_member');
    if (next.died_on !== null) throw invalid('personId', 'registry.person_deceased');
    const previous = members.find((m) => m.relation === 'head' && m.died_on === null);
    if (previous?.id === next.id) return;
    const now = ctx.clock.now();
    if (previous) await updatePerson(tx, previous.id, { relation: input.previousHeadRelation, updated_at: now });
    // A deceased head keeps the relation it had; the partial unique index only counts the living.
    await updatePerson(tx, next.id, { relation: 'head', updated_at: now });
    await touchHousehold(tx, household.id, now);
    await recordAudit(tx, ctx, {
      action: 'household.change_head',
      entityType: 'household',
      entityId: household.id,
      regionCode: household.village_code,
      before: { headPersonId: previous?.id ?? null },
      after: { headPersonId: next.id },
    });
  });
  return getHousehold(ctx, householdId);
}

/**
 * What school a person attends now (SD, SMP, SMA: SMA covers SMK and MA) and which year of it
 * (new, middle, final); null clears it (not recorded). Social assistance reads it (PIP, PKH).
 * Audited with before and after.
 */
export async function setSchool(ctx: Context, personId: string, input: z.infer<typeof schoolInputSchema>) {
  assertRole(ctx, WRITERS);
  if (input.level === null && input.year !== null) throw invalid('year', 'registry.school_year_needs_level');
  await inTransaction(ctx, async (tx) => {
    const person = await findPersonById(tx, personId);
    if (!person || !regionInScope(actorScope(ctx), person.village_code)) throw notFound('person', personId);
    if (person.died_on !== null) throw invalid('level', 'registry.person_deceased');
    const before = { level: person.school_level, year: person.school_year };
    const after = { level: input.level, year: input.year };
    if (before.level === after.level && before.year === after.year) return;
    await updatePersonSchool(tx, personId, { school_level: input.level, school_year: input.year, updated_at: ctx.clock.now() });
    await recordAudit(tx, ctx, {
      action: 'person.school',
      entityType: 'person',
      entityId: personId,
      regionCode: person.village_code,
      before,
      after,
    });
  });
  return getPerson(ctx, personId);
}
