import type { z } from 'zod';
import { actorScope, assertRole, type Context, inTransaction } from '../../context.ts';
import { businessDate } from '../../core/clock.ts';
import { decodeCursor, encodeCursor } from '../../core/cursor.ts';
import { AppError, conflict, invalid, notFound } from '../../core/errors.ts';
import { firstTime, type Idempotent } from '../../core/idempotency.ts';
import { uuidv7 } from '../../core/ids.ts';
import { regionInScope, regionLikePatterns } from '../../core/scope.ts';
import type { Queryable, Tx } from '../../db/database.ts';
import { recordAudit } from '../audit/index.ts';
import { once } from '../idempotency/index.ts';
import { findPersonForActor, householdById, lockHousehold, personNamesOf } from '../registry/index.ts';
import { AID_READERS, ENROLLERS } from './aid.roles.ts';
import type { AidChannel, AidEnrolmentRow } from './aid.tables.ts';
import { wordsOf } from './eligibility.rules.ts';
import { evaluateUnit, type MemberFacts } from './eligibility.service.ts';
import { changeStatus, checkAccount, defaultRecipient, maskAccount } from './enrolment.rules.ts';
import type {
  bulkEnrolmentInputSchema,
  bulkEnrolmentResultSchema,
  EnrolmentInput,
  EnrolmentView,
  enrolmentAccountInputSchema,
  enrolmentListQuerySchema,
  enrolmentListSchema,
  enrolmentStatusInputSchema,
} from './enrolment.schema.ts';
import {
  findCurrentEnrolmentsOfUnits,
  findEnrolmentById,
  findSharedAccountPairs,
  insertEnrolments,
  listEnrolmentRows,
  lockEnrolment,
  updateEnrolment,
} from './enrolment.store.ts';
import { memberFactsOf } from './member-facts.service.ts';
import { type LoadedProgramme, loadProgramme } from './programme.service.ts';

type HouseholdRow = NonNullable<Awaited<ReturnType<typeof householdById>>>;

const channelOf = (channel: AidChannel | 'emoney'): AidChannel => (channel === 'emoney' ? 'lkd' : channel);

export const enrolmentView = (row: AidEnrolmentRow): EnrolmentView => ({
  id: row.id,
  programmeId: row.programme_id,
  householdId: row.household_id,
  personId: row.person_id,
  unitHouseholdId: row.unit_household_id,
  recipientPersonId: row.recipient_id,
  channel: row.channel,
  account: maskAccount(row.account),
  status: row.status,
  enrolledOn: row.enrolled_on,
  endedOn: row.ended_on,
  reason: row.reason,
});

async function programmeOr404(db: Queryable, idOrCode: string): Promise<LoadedProgramme> {
  const programme = await loadProgramme(db, idOrCode);
  if (!programme) throw notFound('programme', idOrCode);
  return programme;
}

/** A family's living, unmerged members with what the rules read (school, pregnancy, disability), in one query for many families. */
const livingMembersOf = (db: Queryable, householdIds: string[], today: string): Promise<Map<string, MemberFacts[]>> =>
  memberFactsOf(db, householdIds, today);

function notEligible(field: string, rules: { rule: string; message: string }[]) {
  return new AppError('common.validation_failed', 'invalid', {
    errors: rules.map((r) => ({ field, code: 'aid.not_eligible', params: { rule: r.rule, reason: r.message } })),
  });
}

/**
 * Enrols one household or person in a programme with its recipient and channel account. The
 * unit must be eligible today (422 naming every failed rule), the recipient a living member of
 * the unit's family, the account in the channel's format; one current enrolment per unit and
 * programme (409). Unknown and out-of-scope units and recipients answer alike (404). Audited,
 * the account masked.
 */
export async function enrol(
  ctx: Context,
  programmeIdOrCode: string,
  input: EnrolmentInput,
  idempotencyKey?: string,
): Promise<Idempotent<EnrolmentView>> {
  assertRole(ctx, ENROLLERS);
  const programme = await programmeOr404(ctx.db, programmeIdOrCode);
  const target = programme.row.target_unit;
  if ((input.householdId === undefined) === (input.personId === undefined)) throw invalid('aid.subject_required', 'householdId');
  if (target === 'person' && input.personId === undefined) throw invalid('aid.unit_mismatch', 'householdId');
  if (target === 'household' && input.householdId === undefined) throw invalid('aid.unit_needs_household', 'personId');
  const channel = channelOf(input.channel);
  const account = checkAccount(channel, input.account);
  if (!account.ok) throw invalid(account.code, 'account', { channel });
  const today = businessDate(ctx.clock);
  const id = uuidv7(ctx.clock.now().getTime());

  const work = async (tx: Tx) => {
    let household: HouseholdRow | undefined;
    let unitPersonId: string | undefined;
    if (input.personId !== undefined) {
      const person = await findPersonForActor(ctx, tx, input.personId);
      if (!person || person.merged_into) throw notFound('person', input.personId);
      household = await householdById(tx, person.household_id);
      unitPersonId = person.id;
    } else {
      household = await householdById(tx, input.householdId as string);
      if (!household || !regionInScope(actorScope(ctx), household.village_code)) throw notFound('household', input.householdId as string);
    }
    if (!household) throw notFound('household', input.householdId ?? '');
    await lockHousehold(tx, household.id);

    const recipient = await findPersonForActor(ctx, tx, input.recipientPersonId);
    if (!recipient) throw notFound('person', input.recipientPersonId);
    const members = (await livingMembersOf(tx, [household.id], today)).get(household.id) ?? [];
    if (recipient.household_id !== household.id || recipient.merged_into) throw invalid('aid.recipient_not_member', 'recipientPersonId');
    if (!members.some((m) => m.id === recipient.id)) throw invalid('aid.recipient_not_living', 'recipientPersonId');
    const unitPerson = unitPersonId === undefined ? undefined : members.find((m) => m.id === unitPersonId);
    if (unitPersonId !== undefined && !unitPerson) throw invalid('aid.person_not_living', 'personId');

    const unitId = unitPerson?.id ?? household.id;
    if ((await findCurrentEnrolmentsOfUnits(tx, programme.row.id, target, [unitId])).length > 0)
      throw conflict('aid.already_enrolled', target === 'person' ? 'personId' : 'householdId', { programme: programme.row.code });
    const eligibility = await evaluateUnit(tx, programme, household, unitPerson ? [unitPerson] : members, target, today);
    if (!eligibility.eligible)
      throw notEligible(
        target === 'person' ? 'personId' : 'householdId',
        eligibility.rules.filter((r) => !r.passed).map((r) => ({ rule: r.rule, message: wordsOf(r.message, ctx.locale) })),
      );

    const row: AidEnrolmentRow = {
      id,
      programme_id: programme.row.id,
      household_id: unitPerson ? null : household.id,
      person_id: unitPerson?.id ?? null,
      unit_household_id: household.id,
      village_code: household.village_code,
      recipient_id: recipient.id,
      channel,
      account: account.account,
      status: 'enrolled',
      enrolled_on: today,
      ended_on: null,
      reason: null,
      created_at: ctx.clock.now(),
      updated_at: ctx.clock.now(),
    };
    await insertEnrolments(tx, [row]);
    const view = enrolmentView(row);
    await recordAudit(tx, ctx, {
      action: 'aid.enrolment_create',
      entityType: 'aid_enrolment',
      entityId: id,
      regionCode: household.village_code,
      after: { ...view, programme: programme.row.code },
    });
    return view;
  };
  if (!idempotencyKey) return firstTime(await inTransaction(ctx, work));
  return inTransaction(ctx, (tx) =>
    once(tx, ctx, { key: idempotencyKey, operation: `aid.enrol:${programme.row.id}`, body: input }, () => work(tx)),
  );
}

/**
 * Enrols a selection of families (at most 500) at once: each eligible family not enrolled yet,
 * with the rule-chosen recipient (the wife, else the head) and the programme's channel, status
 * `pending_account` until the account is given. Answers each family's outcome; unknown and
 * out-of-scope families alike are `not_found`. One audit record per enrolment.
 */
export async function enrolMany(
  ctx: Context,
  programmeIdOrCode: string,
  input: z.infer<typeof bulkEnrolmentInputSchema>,
): Promise<z.input<typeof bulkEnrolmentResultSchema>> {
  assertRole(ctx, ENROLLERS);
  const programme = await programmeOr404(ctx.db, programmeIdOrCode);
  if (programme.row.target_unit !== 'household') throw invalid('aid.unit_mismatch', 'households');
  const today = businessDate(ctx.clock);
  const ids = [...new Set(input.households)];
  const scope = actorScope(ctx);
  return inTransaction(ctx, async (tx) => {
    const households = new Map<string, HouseholdRow>();
    for (const id of ids) {
      const household = await householdById(tx, id);
      if (household && regionInScope(scope, household.village_code)) households.set(id, household);
    }
    for (const id of [...households.keys()].sort()) await lockHousehold(tx, id);
    const current = new Set(
      (await findCurrentEnrolmentsOfUnits(tx, programme.row.id, 'household', [...households.keys()])).map((e) => e.household_id),
    );
    const members = await livingMembersOf(tx, [...households.keys()], today);
    const items: z.input<typeof bulkEnrolmentResultSchema>['items'] = [];
    const rows: AidEnrolmentRow[] = [];
    for (const householdId of ids) {
      const household = households.get(householdId);
      const answer = { householdId, enrolmentId: null, failedRules: [] as string[] };
      if (!household) {
        items.push({ ...answer, outcome: 'not_found' });
        continue;
      }
      if (current.has(householdId)) {
        items.push({ ...answer, outcome: 'already_enrolled' });
        continue;
      }
      const family = members.get(householdId) ?? [];
      const eligibility = await evaluateUnit(tx, programme, household, family, 'household', today);
      if (!eligibility.eligible) {
        items.push({ ...answer, outcome: 'not_eligible', failedRules: eligibility.rules.filter((r) => !r.passed).map((r) => r.rule) });
        continue;
      }
      const recipient = defaultRecipient({ kind: 'household' }, family, today);
      if (!recipient) {
        items.push({ ...answer, outcome: 'no_recipient' });
        continue;
      }
      const now = ctx.clock.now();
      const row: AidEnrolmentRow = {
        id: uuidv7(now.getTime()),
        programme_id: programme.row.id,
        household_id: householdId,
        person_id: null,
        unit_household_id: householdId,
        village_code: household.village_code,
        recipient_id: recipient,
        channel: programme.row.channel,
        account: null,
        status: 'pending_account',
        enrolled_on: today,
        ended_on: null,
        reason: null,
        created_at: now,
        updated_at: now,
      };
      rows.push(row);
      items.push({ ...answer, outcome: 'enrolled', enrolmentId: row.id });
    }
    await insertEnrolments(tx, rows);
    for (const row of rows)
      await recordAudit(tx, ctx, {
        action: 'aid.enrolment_create',
        entityType: 'aid_enrolment',
        entityId: row.id,
        regionCode: row.village_code,
        after: { ...enrolmentView(row), programme: programme.row.code, bulk: true },
      });
    return { items, enrolled: rows.length };
  });
}

async function enrolmentForWriter(ctx: Context, tx: Tx, id: string) {
  const row = await lockEnrolment(tx, id);
  if (!row || !regionInScope(actorScope(ctx), row.village_code)) throw notFound('enrolment', id);
  return row;
}

/** Suspends, ends or resumes an enrolment, with a reason; audited with before and after. */
export async function setEnrolmentStatus(
  ctx: Context,
  id: string,
  input: z.infer<typeof enrolmentStatusInputSchema>,
): Promise<EnrolmentView> {
  assertRole(ctx, ENROLLERS);
  return inTransaction(ctx, async (tx) => {
    const before = await enrolmentForWriter(ctx, tx, id);
    const change = changeStatus(before.status, input.status, before.account !== null);
    if (!change.ok) throw conflict(change.code, 'status', { status: before.status });
    const today = businessDate(ctx.clock);
    const after: AidEnrolmentRow = {
      ...before,
      status: change.status,
      reason: input.reason,
      ended_on: change.status === 'ended' ? today : null,
      updated_at: ctx.clock.now(),
    };
    await updateEnrolment(tx, id, { status: after.status, reason: after.reason, ended_on: after.ended_on, updated_at: after.updated_at });
    await recordAudit(tx, ctx, {
      action: `aid.enrolment_${input.status === 'enrolled' ? 'resume' : input.status === 'suspended' ? 'suspend' : 'end'}`,
      entityType: 'aid_enrolment',
      entityId: id,
      regionCode: before.village_code,
      before: enrolmentView(before),
      after: enrolmentView(after),
    });
    return enrolmentView(after);
  });
}

/** Gives (or replaces) an enrolment's channel account; a pending_account enrolment becomes enrolled. */
export async function setEnrolmentAccount(
  ctx: Context,
  id: string,
  input: z.infer<typeof enrolmentAccountInputSchema>,
): Promise<EnrolmentView> {
  assertRole(ctx, ENROLLERS);
  const channel = channelOf(input.channel);
  const account = checkAccount(channel, input.account);
  if (!account.ok) throw invalid(account.code, 'account', { channel });
  return inTransaction(ctx, async (tx) => {
    const before = await enrolmentForWriter(ctx, tx, id);
    if (before.status === 'ended') throw conflict('aid.enrolment_ended', 'status', { status: before.status });
    const after: AidEnrolmentRow = {
      ...before,
      channel,
      account: account.account,
      status: before.status === 'pending_account' ? 'enrolled' : before.status,
      updated_at: ctx.clock.now(),
    };
    await updateEnrolment(tx, id, { channel, account: after.account, status: after.status, updated_at: after.updated_at });
    await recordAudit(tx, ctx, {
      action: 'aid.enrolment_account',
      entityType: 'aid_enrolment',
      entityId: id,
      regionCode: before.village_code,
      before: enrolmentView(before),
      after: enrolmentView(after),
    });
    return enrolmentView(after);
  });
}

/** A programme's enrolments within the caller's regions, in id order, a page at a time. */
export async function listEnrolments(
  ctx: Context,
  programmeIdOrCode: string,
  query: z.infer<typeof enrolmentListQuerySchema>,
): Promise<z.input<typeof enrolmentListSchema>> {
  assertRole(ctx, AID_READERS);
  const programme = await programmeOr404(ctx.db, programmeIdOrCode);
  const afterId = query.cursor ? decodeCursor(query.cursor, ['uuid'])[0] : undefined;
  const rows = await listEnrolmentRows(ctx.db, {
    programmeId: programme.row.id,
    status: query.status,
    regionPatterns: regionLikePatterns(actorScope(ctx)),
    afterId,
    limit: query.limit + 1,
  });
  const page = rows.slice(0, query.limit);
  const last = page[page.length - 1];
  const names = new Map(
    (
      await personNamesOf(
        ctx.db,
        page.map((row) => row.recipient_id),
      )
    ).map((p) => [p.id, p.full_name]),
  );
  return {
    items: page.map((row) => ({ ...enrolmentView(row), recipientName: names.get(row.recipient_id) ?? '', villageCode: row.village_code })),
    nextCursor: rows.length > query.limit && last ? encodeCursor(['uuid'], [last.id]) : null,
  };
}

/** One enrolment, for readers in scope. */
export async function getEnrolment(ctx: Context, id: string): Promise<EnrolmentView> {
  assertRole(ctx, AID_READERS);
  const row = await findEnrolmentById(ctx.db, id);
  if (!row || !regionInScope(actorScope(ctx), row.village_code)) throw notFound('enrolment', id);
  return enrolmentView(row);
}

/** For the registry's duplicate review: recipients of two households that share one channel account. */
export const sharedAccountPairs = (db: Queryable) => findSharedAccountPairs(db);
