import type { z } from 'zod';
import { actorName, assertRegionInScope, assertRole, type Context, inTransaction } from '../../context.ts';
import { businessDate } from '../../core/clock.ts';
import { AppError, invalid, notFound } from '../../core/errors.ts';
import { uuidv7 } from '../../core/ids.ts';
import type { Queryable } from '../../db/database.ts';
import { recordAudit } from '../audit/index.ts';
import { groupSummary, groupVisibleTo, meetingOfGroup } from '../groups/index.ts';
import { businessesOfPersons, businessForActor, findPersonForActor, personsByIds } from '../registry/index.ts';
import type {
  coachingInputSchema,
  coachingViewSchema,
  developmentViewSchema,
  mergedViewSchema,
  mergeInputSchema,
  monthFiguresSchema,
} from './development.schema.ts';
import {
  findCoachingAttendance,
  findCoachingById,
  findCoachingOfGroup,
  findCoachingOfPerson,
  findMerged,
  findMergedMembers,
  findMergedMonths,
  findMergedOfGroup,
  findMonthsOfBusiness,
  insertCoaching,
  insertMerged,
  upsertBusinessMonth,
  upsertMergedMonth,
} from './development.store.ts';
import { CHAIN_READERS, PASSERS } from './usep.roles.ts';

type MonthRow = { month: string; capital_rupiah: string; revenue_rupiah: string; costs_rupiah: string };
const monthView = (m: MonthRow) => ({
  month: m.month.slice(0, 7),
  capitalRupiah: m.capital_rupiah,
  revenueRupiah: m.revenue_rupiah,
  costsRupiah: m.costs_rupiah,
  profitRupiah: (BigInt(m.revenue_rupiah) - BigInt(m.costs_rupiah)).toString(),
});

function refuseFutureMonth(ctx: Context, month: string) {
  if (month > businessDate(ctx.clock).slice(0, 7)) throw invalid('usep.month_in_future', 'month', { month });
}

/** A business's capital, revenue and costs of one month (a second entry for the month corrects the first). */
export async function recordBusinessMonth(ctx: Context, businessId: string, month: string, input: z.infer<typeof monthFiguresSchema>) {
  assertRole(ctx, PASSERS);
  refuseFutureMonth(ctx, month);
  const business = await businessForActor(ctx, ctx.db, businessId);
  if (!business) throw notFound('business', businessId);
  await inTransaction(ctx, async (tx) => {
    await upsertBusinessMonth(tx, {
      business_id: businessId,
      month: `${month}-01`,
      capital_rupiah: input.capitalRupiah,
      revenue_rupiah: input.revenueRupiah,
      costs_rupiah: input.costsRupiah,
      recorded_by: actorName(ctx.actor),
    });
    await recordAudit(tx, ctx, {
      action: 'business.month',
      entityType: 'business',
      entityId: businessId,
      regionCode: business.village_code,
      after: { month, ...input },
    });
  });
  return businessDevelopment(ctx, businessId);
}

/** A business's development: its figures month by month and the coaching its owner attended. */
export async function businessDevelopment(ctx: Context, businessId: string): Promise<z.infer<typeof developmentViewSchema>> {
  assertRole(ctx, CHAIN_READERS);
  const business = await businessForActor(ctx, ctx.db, businessId);
  if (!business) throw notFound('business', businessId);
  const [months, coaching] = await Promise.all([
    findMonthsOfBusiness(ctx.db, businessId),
    findCoachingOfPerson(ctx.db, business.person_id),
  ]);
  return {
    businessId,
    months: months.map(monthView),
    coaching: coaching.map((c) => ({
      sessionId: c.id,
      heldOn: c.held_on,
      topic: c.topic,
      title: c.title,
      present: c.present,
      followUp: c.follow_up,
    })),
  };
}

/** Coaching (pembinaan): topic, attendance and follow-up actions, for a group or a village. */
export async function recordCoaching(
  ctx: Context,
  input: z.infer<typeof coachingInputSchema>,
): Promise<z.infer<typeof coachingViewSchema>> {
  assertRole(ctx, PASSERS);
  assertRegionInScope(ctx, input.villageCode);
  if (input.heldOn > businessDate(ctx.clock)) throw invalid('common.date_in_future', 'heldOn', { date: input.heldOn });
  const id = await inTransaction(ctx, async (tx) => {
    if (input.groupId && !(await groupVisibleTo(ctx, tx, input.groupId))) throw invalid('usep.group_unknown', 'groupId');
    const strangers = [];
    for (const [i, a] of input.attendance.entries())
      if (!(await findPersonForActor(ctx, tx, a.personId)))
        strangers.push({ field: `attendance.${i}.personId`, code: 'usep.attendee_unknown' });
    if (strangers.length > 0) throw new AppError('common.validation_failed', 'invalid', { errors: strangers });
    const id = uuidv7(ctx.clock.now().getTime());
    await insertCoaching(
      tx,
      {
        id,
        group_id: input.groupId ?? null,
        region_code: input.villageCode,
        held_on: input.heldOn,
        topic: input.topic,
        title: input.title,
        notes: input.notes,
        follow_up: input.followUp,
        coach_name: input.coachName,
        recorded_by: actorName(ctx.actor),
      },
      input.attendance.map((a) => ({ session_id: id, person_id: a.personId, present: a.present, follow_up: a.followUp })),
    );
    await recordAudit(tx, ctx, {
      action: 'usep.coaching',
      entityType: 'coaching_session',
      entityId: id,
      regionCode: input.villageCode,
      after: input,
    });
    return id;
  });
  const sessions = await coachingViews(ctx.db, input.groupId);
  return sessions.find((s) => s.id === id) ?? (await coachingViewsById(ctx.db, id));
}

async function coachingViews(db: Queryable, groupId: string | undefined) {
  if (!groupId) return [];
  return toCoachingViews(db, await findCoachingOfGroup(db, groupId));
}
async function coachingViewsById(db: Queryable, id: string) {
  const rows = await findCoachingById(db, id);
  return (await toCoachingViews(db, rows))[0] as z.infer<typeof coachingViewSchema>;
}
async function toCoachingViews(db: Queryable, rows: Awaited<ReturnType<typeof findCoachingOfGroup>>) {
  const attendance = await findCoachingAttendance(
    db,
    rows.map((r) => r.id),
  );
  const names = await personsByIds(
    db,
    attendance.map((a) => a.person_id),
  );
  return rows.map((r) => ({
    id: r.id,
    groupId: r.group_id,
    villageCode: r.region_code,
    heldOn: r.held_on,
    topic: r.topic,
    title: r.title,
    notes: r.notes,
    followUp: r.follow_up,
    coachName: r.coach_name,
    attendance: attendance
      .filter((a) => a.session_id === r.id)
      .map((a) => ({ personId: a.person_id, fullName: names.get(a.person_id)?.fullName ?? '', present: a.present, followUp: a.follow_up })),
  }));
}

export async function listCoaching(ctx: Context, groupId: string) {
  assertRole(ctx, CHAIN_READERS);
  if (!(await groupVisibleTo(ctx, ctx.db, groupId))) throw notFound('group', groupId);
  return { items: await coachingViews(ctx.db, groupId) };
}

/**
 * Penggabungan usaha sejenis: members' businesses of the same sector joined into one, as a
 * musyawarah of the group agreed, with each member's share (basis points adding up to 100%).
 */
export async function mergeBusinesses(ctx: Context, groupId: string, input: z.infer<typeof mergeInputSchema>) {
  assertRole(ctx, PASSERS);
  const id = await inTransaction(ctx, async (tx) => {
    if (!(await groupVisibleTo(ctx, tx, groupId))) throw notFound('group', groupId);
    if (!(await meetingOfGroup(tx, groupId, input.meetingId))) throw invalid('usep.meeting_not_of_group', 'meetingId');
    if (input.members.length < 2) throw invalid('usep.merge_needs_two', 'members');
    const total = input.members.reduce((s, m) => s + m.shareBp, 0);
    if (total !== 10_000) throw invalid('usep.shares_not_whole', 'members', { total });
    const group = await groupSummary(tx, groupId);
    const active = new Set(group?.members.filter((m) => m.left_on === null).map((m) => m.person_id));
    const businesses = await businessesOfPersons(tx, [...active]);
    const errors = [];
    const chosen: typeof businesses = [];
    for (const [i, m] of input.members.entries()) {
      const business = businesses.find((b) => b.id === m.businessId && b.active);
      if (!business) errors.push({ field: `members.${i}.businessId`, code: 'usep.merge_not_member' });
      else chosen.push(business);
    }
    if (errors.length > 0) throw new AppError('common.validation_failed', 'invalid', { errors });
    if (new Set(chosen.map((b) => b.sector)).size > 1) throw invalid('usep.merge_not_alike', 'members');
    const id = uuidv7(ctx.clock.now().getTime());
    await insertMerged(
      tx,
      {
        id,
        group_id: groupId,
        meeting_id: input.meetingId,
        name: input.name,
        business_type: input.businessType,
        merged_on: input.mergedOn,
      },
      input.members.map((m) => ({
        merged_id: id,
        business_id: m.businessId,
        person_id: chosen.find((b) => b.id === m.businessId)?.person_id as string,
        share_bp: m.shareBp,
      })),
    );
    await recordAudit(tx, ctx, {
      action: 'usep.merge',
      entityType: 'merged_business',
      entityId: id,
      regionCode: group?.region_code,
      after: input,
    });
    return id;
  });
  return (await mergedViews(ctx.db, groupId)).find((m) => m.id === id) as z.infer<typeof mergedViewSchema>;
}

async function mergedViews(db: Queryable, groupId: string): Promise<z.infer<typeof mergedViewSchema>[]> {
  const rows = await findMergedOfGroup(db, groupId);
  const ids = rows.map((r) => r.id);
  const [members, months] = await Promise.all([findMergedMembers(db, ids), findMergedMonths(db, ids)]);
  const [names, businesses] = await Promise.all([
    personsByIds(
      db,
      members.map((m) => m.person_id),
    ),
    businessesOfPersons(
      db,
      members.map((m) => m.person_id),
    ),
  ]);
  return rows.map((r) => ({
    id: r.id,
    groupId: r.group_id,
    meetingId: r.meeting_id,
    name: r.name,
    businessType: r.business_type,
    mergedOn: r.merged_on,
    members: members
      .filter((m) => m.merged_id === r.id)
      .map((m) => ({
        businessId: m.business_id,
        businessName: businesses.find((b) => b.id === m.business_id)?.name ?? '',
        personId: m.person_id,
        fullName: names.get(m.person_id)?.fullName ?? '',
        shareBp: m.share_bp,
      })),
    months: months.filter((m) => m.merged_id === r.id).map(monthView),
  }));
}

export async function listMerged(ctx: Context, groupId: string) {
  assertRole(ctx, CHAIN_READERS);
  if (!(await groupVisibleTo(ctx, ctx.db, groupId))) throw notFound('group', groupId);
  return { items: await mergedViews(ctx.db, groupId) };
}

/** A merged business's own capital, revenue and costs of a month. */
export async function recordMergedMonth(ctx: Context, mergedId: string, month: string, input: z.infer<typeof monthFiguresSchema>) {
  assertRole(ctx, PASSERS);
  refuseFutureMonth(ctx, month);
  const merged = await findMerged(ctx.db, mergedId);
  if (!merged || !(await groupVisibleTo(ctx, ctx.db, merged.group_id))) throw notFound('merged_business', mergedId);
  await inTransaction(ctx, async (tx) => {
    await upsertMergedMonth(tx, {
      merged_id: mergedId,
      month: `${month}-01`,
      capital_rupiah: input.capitalRupiah,
      revenue_rupiah: input.revenueRupiah,
      costs_rupiah: input.costsRupiah,
      recorded_by: actorName(ctx.actor),
    });
    await recordAudit(tx, ctx, {
      action: 'usep.merged_month',
      entityType: 'merged_business',
      entityId: mergedId,
      after: { month, ...input },
    });
  });
  return (await mergedViews(ctx.db, merged.group_id)).find((m) => m.id === mergedId) as z.infer<typeof mergedViewSchema>;
}
