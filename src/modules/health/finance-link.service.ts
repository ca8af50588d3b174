import { actorScope, assertRole, type Context } from '../../context.ts';
import { businessDate } from '../../core/clock.ts';
import { addMonths } from '../../core/dates.ts';
import { AppError, notFound } from '../../core/errors.ts';
import { regionInScope, regionLikePatterns } from '../../core/scope.ts';
import type { Queryable } from '../../db/database.ts';
import { exportStream } from '../../export/table-export.ts';
import { financingHistoryBetween, monthFactsByPerson, refreshRepaymentFacts, runningFinancingsOfPersons } from '../financing/index.ts';
import { getGroup, groupsOfFacilitator } from '../groups/index.ts';
import { officesWithRegions, resolveOfficeForActor } from '../organisation/index.ts';
import { findRegionsByCodes } from '../regions/index.ts';
import { personsByIds } from '../registry/index.ts';
import { comparisonHeader, comparisonPdf, comparisonRows } from './finance-link.pdf.ts';
import {
  aggregateMonth,
  byUrgency,
  CARE_MONTHS,
  type Comparison,
  compareRepayment,
  comparisonOf,
  financingRisk,
  type MonthAggregate,
  monthEnd,
  monthsOf,
  PAR_DAYS,
  statusWindowStart,
  tallyMonth,
} from './finance-link.rules.ts';
import type { AtRiskView, ComparisonView } from './finance-link.schema.ts';
import {
  findCareMonths,
  findCareStamps,
  findComparisonMonths,
  findPersonsWithCare,
  findRecentEpisodes,
  findRecentEpisodesOf,
  saveComparisonMonth,
} from './finance-link.store.ts';
import { AGGREGATE_READERS, AT_RISK_READERS, STATUS_READERS } from './health.roles.ts';
import { type IllnessStatus, illnessStatus } from './illness.rules.ts';

/** Status queries stay under the database's parameter limit, whatever the number of members. */
const CHUNK = 5000;
const chunks = <T>(list: T[]) => Array.from({ length: Math.ceil(list.length / CHUNK) }, (_, i) => list.slice(i * CHUNK, (i + 1) * CHUNK));

function statusesFrom(rows: { person_id: string; from_on: string; to_on: string | null }[], today: string) {
  const episodes = new Map<string, { fromOn: string; toOn: string | null }[]>();
  for (const r of rows) {
    const list = episodes.get(r.person_id);
    const episode = { fromOn: r.from_on, toOn: r.to_on };
    if (list) list.push(episode);
    else episodes.set(r.person_id, [episode]);
  }
  const statuses = new Map<string, IllnessStatus>();
  for (const [personId, list] of episodes) {
    const status = illnessStatus(list, today);
    if (status) statuses.set(personId, status);
  }
  return statuses;
}

/**
 * Whether each member is ill or recovering on `today` (members neither are left out), never
 * why: for screens and the field bundle beside a financing. No scope check: the caller has
 * already chosen members it may show. One query per 5,000 members.
 */
export async function illnessStatusOf(db: Queryable, personIds: string[], today: string): Promise<Map<string, IllnessStatus>> {
  const rows = [];
  for (const ids of chunks([...new Set(personIds)])) rows.push(...(await findRecentEpisodesOf(db, ids, statusWindowStart(today))));
  return statusesFrom(rows, today);
}

/** GET /health/status: members in the actor's scope who are ill or recovering; unknown and out-of-scope ids are simply absent. */
export async function healthStatus(ctx: Context, personIds: string[]) {
  assertRole(ctx, STATUS_READERS);
  const scope = actorScope(ctx);
  const persons = await personsByIds(ctx.db, personIds);
  const visible = personIds.filter((id) => {
    const person = persons.get(id);
    return person !== undefined && regionInScope(scope, person.villageCode);
  });
  const statuses = await illnessStatusOf(ctx.db, visible, businessDate(ctx.clock));
  return {
    items: visible.flatMap((personId) => (statuses.has(personId) ? [{ personId, ...(statuses.get(personId) as IllnessStatus) }] : [])),
  };
}

/** An office code the actor may see, or 404 (unknown and out of scope answer alike). */
async function officeOf(ctx: Context, code: string) {
  try {
    const id = await resolveOfficeForActor(ctx, ctx.db, code, 'office');
    const [office] = await officesWithRegions(ctx.db, [id]);
    return office as NonNullable<typeof office>;
  } catch (error) {
    if (error instanceof AppError && error.kind === 'invalid') throw notFound('office', code);
    throw error;
  }
}

/**
 * Members at risk: ill now or within the last 30 days, with a running financing that has an
 * instalment overdue or due within 14 days; most urgent first. An office limits the list to
 * that office's financings and villages; a facilitator sees only the financings of the groups
 * they facilitate (as on their collection sheets), the other roles everything in their scope.
 */
export async function membersAtRisk(ctx: Context, query: { office?: string }): Promise<AtRiskView> {
  assertRole(ctx, AT_RISK_READERS);
  const today = businessDate(ctx.clock);
  const scope = actorScope(ctx);
  const office = query.office ? await officeOf(ctx, query.office) : null;
  const villagePatterns = office ? office.regionCodes.flatMap((code) => [code, `${code}.%`]) : regionLikePatterns(scope);
  const statuses = statusesFrom(await findRecentEpisodes(ctx.db, statusWindowStart(today), villagePatterns), today);
  const facilitated =
    ctx.actor.kind === 'user' && ctx.actor.role === 'facilitator' ? new Set(await groupsOfFacilitator(ctx.db, ctx.actor.id)) : null;
  const financings = [];
  for (const ids of chunks([...statuses.keys()])) financings.push(...(await runningFinancingsOfPersons(ctx.db, ids)));
  const atRisk = financings.flatMap((f) => {
    if (office && f.officeId !== office.id) return [];
    if (scope.kind !== 'all' && !scope.officeIds.includes(f.officeId)) return [];
    if (!regionInScope(scope, f.regionCode)) return [];
    if (facilitated && (f.groupId === null || !facilitated.has(f.groupId))) return [];
    const risk = financingRisk(f.instalments, today);
    return risk ? [{ f, risk, status: statuses.get(f.personId) as IllnessStatus }] : [];
  });
  const persons = await personsByIds(
    ctx.db,
    atRisk.map((r) => r.f.personId),
  );
  const villages = new Map(
    (await findRegionsByCodes(ctx.db, [...new Set([...persons.values()].map((p) => p.villageCode))])).map((r) => [r.code, r.name]),
  );
  const groupNames = new Map<string, string | null>();
  for (const id of new Set(atRisk.flatMap((r) => (r.f.groupId ? [r.f.groupId] : [])))) {
    try {
      groupNames.set(id, (await getGroup(ctx, id)).name);
    } catch (error) {
      if (!(error instanceof AppError && error.kind === 'not_found')) throw error;
      groupNames.set(id, null);
    }
  }
  const rows = atRisk
    .filter((r) => persons.has(r.f.personId))
    .map((r) => {
      const person = persons.get(r.f.personId) as NonNullable<ReturnType<typeof persons.get>>;
      return {
        personId: r.f.personId,
        name: person.fullName,
        villageCode: person.villageCode,
        villageName: villages.get(person.villageCode) ?? null,
        groupId: r.f.groupId,
        groupName: r.f.groupId ? (groupNames.get(r.f.groupId) ?? null) : null,
        financingId: r.f.id,
        financingNumber: r.f.number,
        status: r.status.status,
        unableFrom: r.status.unableFrom,
        unableUntil: r.status.unableUntil,
        nextDueOn: r.risk.nextDue?.dueDate ?? null,
        nextDueAmount: (r.risk.nextDue?.amount ?? 0n).toString(),
        overdue: r.risk.overdue,
        daysPastDue: r.risk.daysPastDue,
      };
    })
    .sort((a, b) => byUrgency({ ...a, nextDueOn: a.nextDueOn }, { ...b, nextDueOn: b.nextDueOn }));
  return {
    asOf: today,
    office: office?.code ?? null,
    totals: {
      members: new Set(rows.map((r) => r.personId)).size,
      financings: rows.length,
      overdueAmount: rows.reduce((s, r) => s + r.overdue, 0n).toString(),
      dueWithin14Days: rows.reduce((s, r) => s + BigInt(r.nextDueAmount), 0n).toString(),
    },
    items: rows.map(({ overdue, ...r }) => ({ ...r, overdueAmount: overdue.toString() })),
  };
}

/**
 * Each begun month's aggregate (`YYYY-MM` → counts by office, care and closed month): kept in
 * repayment_comparison_month while the month's financing facts and care events stand, built
 * again from the financing facts and the members under care when either moved (a repayment,
 * a reversal, a backdated entry, an encounter or attendance in the month's 12-month window) or
 * when the business date moved within the month not yet over.
 */
async function comparisonAggregates(db: Context['db'], months: readonly string[], today: string): Promise<Map<string, MonthAggregate>> {
  const begun = months
    .filter((m) => `${m}-01` <= today)
    .map((month) => ({ month, end: monthEnd(month) < today ? monthEnd(month) : today }));
  const aggregates = new Map<string, MonthAggregate>();
  if (begun.length === 0) return aggregates;
  // Stamps before facts: what is built below is never older than the stamps it is saved with.
  const financingStamps = await refreshRepaymentFacts(db, begun);
  const careStamps = new Map(
    (await findCareStamps(db, addMonths(begun[0]?.month as string, -(CARE_MONTHS - 1)), begun.at(-1)?.month as string)).map((r) => [
      r.month,
      BigInt(r.stamp),
    ]),
  );
  const careStampOf = (month: string) => {
    let stamp = 0n;
    for (let k = 0; k < CARE_MONTHS; k++) {
      const s = careStamps.get(addMonths(month, -k)) ?? 0n;
      if (s > stamp) stamp = s;
    }
    return stamp.toString();
  };
  const cached = new Map(
    (
      await findComparisonMonths(
        db,
        begun.map((m) => m.month),
      )
    ).map((r) => [r.month, r]),
  );
  for (const { month, end } of begun) {
    const financingStamp = financingStamps.get(month) as string;
    const careStamp = careStampOf(month);
    const hit = cached.get(month);
    if (hit && hit.end_day === end && hit.financing_stamp === financingStamp && hit.care_stamp === careStamp) {
      aggregates.set(month, hit.figures as MonthAggregate);
      continue;
    }
    const [facts, care] = await Promise.all([
      monthFactsByPerson(db, month, PAR_DAYS),
      findPersonsWithCare(db, `${addMonths(month, -(CARE_MONTHS - 1))}-01`, end),
    ]);
    const underCare = new Set(care);
    const aggregate = aggregateMonth(facts, (id) => underCare.has(id));
    await saveComparisonMonth(db, { month, endDay: end, financingStamp, careStamp, figures: aggregate });
    aggregates.set(month, aggregate);
  }
  return aggregates;
}

/**
 * Repayment of members under care (an encounter or counselling attendance in the 12 months up
 * to a month's end) against the other members, by month, over the actor's offices. Only
 * aggregates leave: no person, no diagnosis. Read from monthly aggregates of per-financing
 * facts (comparisonAggregates); `repaymentComparisonRebuilt` is the same answer rebuilt from
 * every financing's history, the reference the fast path is tested against.
 */
export async function repaymentComparison(ctx: Context, query: { from: string; to: string }): Promise<ComparisonView> {
  assertRole(ctx, AGGREGATE_READERS);
  const today = businessDate(ctx.clock);
  const scope = actorScope(ctx);
  const months = monthsOf(query.from, query.to);
  const aggregates = await comparisonAggregates(ctx.db, months, today);
  const offices = scope.kind === 'all' ? null : new Set(scope.officeIds);
  const empty = { groups: [], members: [] };
  const comparison = comparisonOf(months.map((month) => ({ month, ...tallyMonth(aggregates.get(month) ?? empty, query.from, offices) })));
  return { from: query.from, to: query.to, asOf: today, ...comparison };
}

/** The comparison rebuilt from every financing's history (slow: the reference for tests). */
export async function repaymentComparisonRebuilt(ctx: Context, query: { from: string; to: string }): Promise<ComparisonView> {
  assertRole(ctx, AGGREGATE_READERS);
  const today = businessDate(ctx.clock);
  const scope = actorScope(ctx);
  const periodStart = `${query.from}-01`;
  const periodEnd = monthEnd(query.to) < today ? monthEnd(query.to) : today;
  // A period wholly in the future has nothing yet: its months answer empty.
  const history =
    periodStart > today ? [] : await financingHistoryBetween(ctx.db, scope.kind === 'all' ? null : scope.officeIds, periodStart, periodEnd);
  const careRows = history.length === 0 ? [] : await findCareMonths(ctx.db, `${addMonths(query.from, -(CARE_MONTHS - 1))}-01`, periodEnd);
  const careMonths = new Map<string, string[]>();
  for (const r of careRows) {
    const list = careMonths.get(r.person_id);
    if (list) list.push(r.month);
    else careMonths.set(r.person_id, [r.month]);
  }
  const comparison: Comparison = compareRepayment(history, (id) => careMonths.get(id) ?? [], monthsOf(query.from, query.to), today);
  return { from: query.from, to: query.to, asOf: today, ...comparison };
}

/** The comparison as a PDF report (chart and figures), in the actor's language. */
export async function repaymentComparisonPdf(ctx: Context, query: { from: string; to: string }): Promise<Buffer> {
  return comparisonPdf(await repaymentComparison(ctx, query), ctx.locale);
}

/** The comparison as an Excel sheet: one row per month and group, then the whole period. */
export async function repaymentComparisonXlsx(ctx: Context, query: { from: string; to: string }) {
  const view = await repaymentComparison(ctx, query);
  async function* pages() {
    yield comparisonRows(view, ctx.locale);
  }
  return exportStream('xlsx', 'perbandingan', comparisonHeader(ctx.locale), pages());
}
