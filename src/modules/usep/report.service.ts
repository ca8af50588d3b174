import type { z } from 'zod';
import { actorName, actorScope, assertRole, type Context, inTransaction } from '../../context.ts';
import { businessDate } from '../../core/clock.ts';
import { AppError, conflict, invalid, notFound } from '../../core/errors.ts';
import { uuidv7 } from '../../core/ids.ts';
import { formatMinor, ratio, roundRatio } from '../../core/money.ts';
import type { Queryable } from '../../db/database.ts';
import { recordAudit } from '../audit/index.ts';
import { groupIdsOfKind, groupSummary, groupsForActor, groupVisibleTo, listAssets, listMeetings } from '../groups/index.ts';
import { getOrganisation } from '../organisation/index.ts';
import { findRegionsByCodes } from '../regions/index.ts';
import { businessesOfPersons, personsByIds } from '../registry/index.ts';
import { type LetterContext, renderReportLetter, renderReportXlsx } from './report.letter.ts';
import {
  areaLevel,
  type CompiledReport,
  compileReport,
  isLate,
  letterNumber,
  officialSees,
  REPORT_STEPS,
  type ReportAction,
  type ReportStatus,
  stepRefusal,
} from './report.rules.ts';
import type { ReportInput, ReportView, reportEditSchema, reportsQuerySchema } from './report.schema.ts';
import {
  countReportsOfGroup,
  findBusinessMonths,
  findReport,
  findReportGroupIds,
  findReportsOfGroups,
  findSteps,
  insertReport,
  insertStep,
  lockReport,
  updateReport,
} from './report.store.ts';
import { chainFigures } from './stimulus.service.ts';
import { CHAIN_READERS, PASSERS } from './usep.roles.ts';

/** Who reads reports: the chain's readers and the officials (each only what their area is shown). */
export const REPORT_READERS = [...CHAIN_READERS, 'official'] as const;

type ReportRow = NonNullable<Awaited<ReturnType<typeof findReport>>>;

const levelOf = (ctx: Context) => {
  const scope = actorScope(ctx);
  return areaLevel(scope.kind === 'all' ? [] : scope.regionCodes);
};
const isOfficial = (ctx: Context) => ctx.actor.kind === 'user' && ctx.actor.role === 'official';

/** A report whose group lies in the actor's scope and that the actor may see (unknown and out of sight answer alike). */
async function reportFor(ctx: Context, db: Queryable, id: string, lock = false) {
  const row = lock ? await lockReport(db, id) : await findReport(db, id);
  if (!row || !(await groupVisibleTo(ctx, db, row.group_id))) throw notFound('report', id);
  if (isOfficial(ctx) && !officialSees(levelOf(ctx), row.status)) throw notFound('report', id);
  return row;
}

/** The group's records for the period, compiled (what a draft shows, and what submission freezes). */
async function compileFor(ctx: Context, groupId: string, periodStart: string, periodEnd: string): Promise<CompiledReport> {
  const group = await groupSummary(ctx.db, groupId);
  if (!group) throw notFound('group', groupId);
  const personIds = group.members.map((m) => m.person_id);
  const [names, businesses, chain, meetings, assets] = await Promise.all([
    personsByIds(ctx.db, personIds),
    businessesOfPersons(ctx.db, personIds),
    chainFigures(ctx.db, groupId),
    listMeetings(ctx, groupId),
    listAssets(ctx, groupId),
  ]);
  const months = await findBusinessMonths(
    ctx.db,
    businesses.map((b) => b.id),
  );
  return compileReport({
    periodStart,
    periodEnd,
    members: group.members
      .map((m) => ({ name: names.get(m.person_id)?.fullName ?? '', joinedOn: m.joined_on, leftOn: m.left_on }))
      .sort((a, b) => a.name.localeCompare(b.name, 'id')),
    businesses: businesses.map((b) => ({
      owner: names.get(b.person_id)?.fullName ?? '',
      name: b.name,
      active: b.active,
      capital: BigInt(b.capital_rupiah),
      revenue: BigInt(b.monthly_revenue_rupiah),
      costs: BigInt(b.monthly_costs_rupiah),
      months: months
        .filter((m) => m.business_id === b.id)
        .map((m) => ({
          month: m.month,
          capital: BigInt(m.capital_rupiah),
          revenue: BigInt(m.revenue_rupiah),
          costs: BigInt(m.costs_rupiah),
        })),
    })),
    stimulus: {
      stimulusRupiah: chain.stimulusRupiah,
      revolvedRupiah: chain.revolvedRupiah,
      families: chain.families,
      rounds: chain.rounds,
      multiplier: chain.multiplier,
    },
    arrears: { overdueRupiah: chain.overdueRupiah, recipientsInArrears: chain.recipientsInArrears },
    meetings: meetings.items.map((m) => ({
      heldOn: m.heldOn,
      agenda: m.agenda,
      present: m.attendance.filter((a) => a.present).length,
      total: m.attendance.length,
    })),
    assets: assets.items.map((a) => ({ item: a.item, valueRupiah: a.valueRupiah, receivedOn: a.receivedOn })),
  });
}

async function reportView(ctx: Context, db: Queryable, row: ReportRow): Promise<ReportView> {
  const group = await groupSummary(db, row.group_id);
  const steps = await findSteps(db, row.id);
  const compiled = (row.compiled as CompiledReport | null) ?? (await compileFor(ctx, row.group_id, row.period_start, row.period_end));
  return {
    id: row.id,
    groupId: row.group_id,
    groupName: group?.name ?? '',
    villageCodes: group?.villages ?? [],
    number: row.number,
    version: row.version,
    previousId: row.previous_id,
    periodStart: row.period_start,
    periodEnd: row.period_end,
    status: row.status,
    narrative: row.narrative,
    problems: row.problems,
    compiled,
    steps: steps.map((s) => ({
      step: s.step,
      byName: s.by_name,
      byRole: s.by_role,
      regionCode: s.region_code,
      note: s.note,
      at: s.at.toISOString(),
    })),
  };
}

/** A draft report of a group for a period; its number is the group's next letter number. */
export async function draftReport(ctx: Context, groupId: string, input: ReportInput): Promise<ReportView> {
  assertRole(ctx, PASSERS);
  if (input.periodEnd < input.periodStart) throw invalid('usep.period_reversed', 'periodEnd');
  if (input.periodEnd > businessDate(ctx.clock)) throw invalid('common.date_in_future', 'periodEnd', { date: input.periodEnd });
  const id = await inTransaction(ctx, async (tx) => {
    const group = (await groupVisibleTo(ctx, tx, groupId)) ? await groupSummary(tx, groupId) : undefined;
    if (!group) throw notFound('group', groupId);
    const id = uuidv7(ctx.clock.now().getTime());
    await insertReport(tx, {
      id,
      group_id: groupId,
      office_id: group.office_id,
      region_code: group.region_code,
      period_start: input.periodStart,
      period_end: input.periodEnd,
      version: 1,
      previous_id: null,
      number: letterNumber((await countReportsOfGroup(tx, groupId)) + 1, group.name, businessDate(ctx.clock)),
      status: 'draft',
      narrative: input.narrative,
      problems: input.problems,
      compiled: null,
      created_by: actorName(ctx.actor),
    });
    await recordAudit(tx, ctx, {
      action: 'usep.report_draft',
      entityType: 'group_report',
      entityId: id,
      regionCode: group.region_code,
      after: input,
    });
    return id;
  });
  return getReport(ctx, id);
}

/** A draft's narrative and problems; a submitted version changes only through a new version. */
export async function editReport(ctx: Context, id: string, input: z.infer<typeof reportEditSchema>): Promise<ReportView> {
  assertRole(ctx, PASSERS);
  await inTransaction(ctx, async (tx) => {
    const row = await reportFor(ctx, tx, id, true);
    if (row.status !== 'draft') throw conflict('usep.report_frozen', 'status', { status: row.status });
    await updateReport(tx, id, { narrative: input.narrative, problems: input.problems, updated_at: ctx.clock.now() });
    await recordAudit(tx, ctx, {
      action: 'usep.report_edit',
      entityType: 'group_report',
      entityId: id,
      regionCode: row.region_code,
      after: input,
    });
  });
  return getReport(ctx, id);
}

/**
 * One step of the chain, signed by the actor with their role and region, timestamped: submit
 * (freezing the compiled records), accept or return (the pembina), acknowledge (the kelurahan),
 * receive (the Dinas, which copies the kecamatan).
 */
export async function signReport(ctx: Context, id: string, action: ReportAction, note = ''): Promise<ReportView> {
  assertRole(ctx, REPORT_STEPS[action].roles);
  if (action === 'return' && !note) throw invalid('usep.return_needs_note', 'note');
  const current = await reportFor(ctx, ctx.db, id);
  // Compiled before the transaction (the embedded database has one connection): frozen with the submission.
  const compiled = action === 'submit' ? await compileFor(ctx, current.group_id, current.period_start, current.period_end) : null;
  await inTransaction(ctx, async (tx) => {
    const row = await reportFor(ctx, tx, id, true);
    const role = ctx.actor.kind === 'user' ? ctx.actor.role : 'system';
    const refusal = stepRefusal(action, row.status as ReportStatus, { role, level: levelOf(ctx) });
    if (refusal === 'usep.report_wrong_signer') throw new AppError(refusal, 'forbidden', { params: { action } });
    if (refusal) throw conflict(refusal, 'status', { status: row.status, action });
    const step = REPORT_STEPS[action];
    const now = ctx.clock.now();
    await updateReport(tx, id, {
      status: step.to,
      ...(compiled ? { compiled: JSON.stringify(compiled) } : {}),
      updated_at: now,
    });
    const scope = actorScope(ctx);
    const signer = {
      report_id: id,
      by_user_id: ctx.actor.kind === 'user' ? ctx.actor.id : null,
      by_name: ctx.actor.kind === 'user' ? ctx.actor.fullName : actorName(ctx.actor),
      by_role: role,
      region_code: action === 'acknowledge' && scope.kind === 'regions' ? (scope.regionCodes[0] ?? null) : null,
      at: now,
    };
    let stepNote = note;
    if (action === 'submit') {
      const group = await groupSummary(tx, row.group_id);
      const ketua = group?.officers.find((o) => o.role === 'ketua');
      const name = ketua ? (await personsByIds(tx, [ketua.person_id])).get(ketua.person_id)?.fullName : undefined;
      stepNote = [name ? `a.n. Ketua ${name}` : '', note].filter(Boolean).join('; ');
    }
    await insertStep(tx, { ...signer, step: step.to as 'submitted', note: stepNote });
    if (action === 'receive') {
      // Tembusan: the kecamatan of the group's village gets its copy with the Dinas's receipt.
      const district = row.region_code.split('.').slice(0, 3).join('.');
      const [region] = await findRegionsByCodes(tx, [district]);
      await insertStep(tx, {
        report_id: id,
        step: 'copied',
        by_user_id: signer.by_user_id,
        by_name: signer.by_name,
        by_role: role,
        region_code: region ? district : null,
        note: `Tembusan: Camat ${region?.name ?? district}`,
        at: now,
      });
    }
    await recordAudit(tx, ctx, {
      action: `usep.report_${action}`,
      entityType: 'group_report',
      entityId: id,
      regionCode: row.region_code,
      before: { status: row.status },
      after: { status: step.to, note },
    });
  });
  return getReport(ctx, id);
}

/** A returned report corrected: a new version (a draft again) from it; the returned one stays as it was. */
export async function reviseReport(ctx: Context, id: string): Promise<ReportView> {
  assertRole(ctx, PASSERS);
  const newId = await inTransaction(ctx, async (tx) => {
    const row = await reportFor(ctx, tx, id, true);
    if (row.status !== 'returned') throw conflict('usep.report_not_returned', 'status', { status: row.status });
    const newId = uuidv7(ctx.clock.now().getTime());
    await insertReport(tx, {
      id: newId,
      group_id: row.group_id,
      office_id: row.office_id,
      region_code: row.region_code,
      period_start: row.period_start,
      period_end: row.period_end,
      version: row.version + 1,
      previous_id: row.id,
      number: row.number,
      status: 'draft',
      narrative: row.narrative,
      problems: row.problems,
      compiled: null,
      created_by: actorName(ctx.actor),
    });
    await updateReport(tx, id, { status: 'superseded', updated_at: ctx.clock.now() });
    await recordAudit(tx, ctx, {
      action: 'usep.report_revise',
      entityType: 'group_report',
      entityId: newId,
      regionCode: row.region_code,
      after: { previousId: id },
    });
    return newId;
  });
  return getReport(ctx, newId);
}

export async function getReport(ctx: Context, id: string): Promise<ReportView> {
  assertRole(ctx, REPORT_READERS);
  return reportView(ctx, ctx.db, await reportFor(ctx, ctx.db, id));
}

/** Reports in the actor's scope (an official: what their area is shown), newest period first. */
export async function listReports(ctx: Context, query: z.infer<typeof reportsQuerySchema>) {
  assertRole(ctx, REPORT_READERS);
  const groups = await groupsForActor(ctx, ctx.db, query.groupId ? [query.groupId] : await findReportGroupIds(ctx.db));
  const names = new Map(groups.map((g) => [g.id, g.name]));
  const rows = (
    await findReportsOfGroups(
      ctx.db,
      groups.map((g) => g.id),
    )
  ).filter((r) => (!query.status || r.status === query.status) && (!isOfficial(ctx) || officialSees(levelOf(ctx), r.status)));
  return {
    items: rows.map((r) => ({
      id: r.id,
      groupId: r.group_id,
      groupName: names.get(r.group_id) ?? '',
      number: r.number,
      version: r.version,
      periodStart: r.period_start,
      periodEnd: r.period_end,
      status: r.status,
    })),
  };
}

/** The Dinas's overview of a city: every USEP KM group in scope with its latest report, lateness, returns, multiplier and arrears. */
export async function reportOverview(ctx: Context, regency: string) {
  assertRole(ctx, CHAIN_READERS);
  const [region] = await findRegionsByCodes(ctx.db, [regency]);
  if (!region) throw notFound('region', regency);
  const today = businessDate(ctx.clock);
  const groups = (await groupsForActor(ctx, ctx.db, await groupIdsOfKind(ctx.db, 'usep_km'))).filter((g) =>
    g.villages.some((v) => v.startsWith(`${regency}.`)),
  );
  const reports = await findReportsOfGroups(
    ctx.db,
    groups.map((g) => g.id),
  );
  let stimulus = 0n;
  let revolved = 0n;
  let families = 0;
  let rounds = 0;
  const rows = [];
  for (const g of groups) {
    const mine = reports.filter((r) => r.group_id === g.id);
    const latest = mine.find((r) => r.status !== 'superseded') ?? null;
    const submitted = mine.filter((r) => !['draft', 'returned', 'superseded'].includes(r.status));
    const coveredUntil = submitted.reduce((max, r) => (r.period_end > max ? r.period_end : max), g.formed_on);
    const chain = await chainFigures(ctx.db, g.id);
    stimulus += BigInt(chain.stimulusRupiah);
    revolved += BigInt(chain.revolvedRupiah);
    families += chain.families;
    rounds = Math.max(rounds, chain.rounds);
    rows.push({
      groupId: g.id,
      name: g.name,
      villageCodes: g.villages,
      latest: latest ? { id: latest.id, number: latest.number, periodEnd: latest.period_end, status: latest.status } : null,
      late: isLate(coveredUntil, today),
      // A returned version stays 'returned' until revised, then 'superseded' (only a returned one is).
      returnedCount: mine.filter((r) => r.status === 'returned' || r.status === 'superseded').length,
      multiplier: chain.multiplier,
      overdueRupiah: chain.overdueRupiah,
      recipientsInArrears: chain.recipientsInArrears,
    });
  }
  const hundredths = stimulus === 0n ? '0.00' : formatMinor(roundRatio(ratio(revolved * 100n, stimulus), 'half-up'), 2);
  return {
    regency: { code: region.code, name: region.name },
    counts: {
      groups: groups.length,
      received: rows.filter((r) => r.latest?.status === 'received').length,
      inProgress: rows.filter((r) => r.latest && ['submitted', 'accepted', 'acknowledged'].includes(r.latest.status)).length,
      returned: rows.filter((r) => r.latest?.status === 'returned').length,
      late: rows.filter((r) => r.late).length,
    },
    multiplier: { stimulusRupiah: stimulus.toString(), revolvedRupiah: revolved.toString(), families, rounds, multiplier: hundredths },
    groups: rows,
  };
}

/** The letterhead, places and signers of a report's letter. */
async function letterContext(ctx: Context, report: ReportView): Promise<LetterContext> {
  const group = await groupSummary(ctx.db, report.groupId);
  const village = group?.region_code ?? '';
  const codes = [village, village.split('.').slice(0, 3).join('.'), village.split('.').slice(0, 2).join('.')];
  const names = new Map((await findRegionsByCodes(ctx.db, codes)).map((r) => [r.code, r.name]));
  const ketua = group?.officers.find((o) => o.role === 'ketua');
  const ketuaName = ketua ? ((await personsByIds(ctx.db, [ketua.person_id])).get(ketua.person_id)?.fullName ?? null) : null;
  const signer = (step: string) => report.steps.filter((s) => s.step === step).at(-1)?.byName ?? null;
  const submitted = report.steps.find((s) => s.step === 'submitted');
  return {
    organisation: (await getOrganisation(ctx.db))?.name ?? 'Dinas Sosial',
    groupKind: group?.kindName ?? 'USEP KM',
    village: names.get(codes[0] as string) ?? village,
    district: names.get(codes[1] as string) ?? '',
    city: names.get(codes[2] as string) ?? '',
    ketua: ketuaName,
    pembina: signer('accepted'),
    lurah: signer('acknowledged'),
    letterDate: submitted ? submitted.at.slice(0, 10) : businessDate(ctx.clock),
  };
}

export async function reportLetterPdf(ctx: Context, id: string): Promise<Buffer> {
  const report = await getReport(ctx, id);
  return renderReportLetter(report, await letterContext(ctx, report));
}

export async function reportLetterXlsx(ctx: Context, id: string): Promise<Buffer> {
  return renderReportXlsx(await getReport(ctx, id));
}
