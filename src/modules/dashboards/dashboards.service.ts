import { actorScope, assertRole, type Context } from '../../context.ts';
import { businessDate } from '../../core/clock.ts';
import { addMonths } from '../../core/dates.ts';
import { AppError, notFound } from '../../core/errors.ts';
import { regionInScope } from '../../core/scope.ts';
import type { Queryable } from '../../db/database.ts';
import { officeRegionsForActor } from '../organisation/index.ts';
import { DASHBOARD_READERS } from './dashboards.roles.ts';
import {
  DASHBOARD_METRICS,
  DASHBOARD_RATIOS,
  DASHBOARD_SUBJECTS,
  type DashboardSubject,
  monthsFrom,
  outermostCodes,
  percentText,
} from './dashboards.rules.ts';
import type { DashboardQuery, DashboardView } from './dashboards.schema.ts';
import { findDashboardRows, findRefreshedFor, findRefreshedMonths } from './dashboards.store.ts';
import { markMonthRefreshed, refreshSubjectMonth } from './dashboards-refresh.store.ts';

/** How far back the first close of day fills the months' flows (states are known only from then on). */
const BACKFILL_MONTHS = 12;

const monthBounds = (month: string) => ({ month, start: `${month}-01`, end: `${addMonths(month, 1)}-01` });

/**
 * Close of day's dashboards step: the figures of the month of `day` (its flows to date and the
 * states as they stand at this close), and the flows of the earlier months not filled yet. Safe to
 * run again: each run replaces what it writes.
 */
export async function refreshDashboards(db: Queryable, day: string) {
  const month = day.slice(0, 7);
  const earlier = Array.from({ length: BACKFILL_MONTHS }, (_, i) => addMonths(month, i - BACKFILL_MONTHS));
  const filled = new Set(await findRefreshedMonths(db, earlier));
  for (const past of earlier.filter((m) => !filled.has(m))) {
    for (const subject of DASHBOARD_SUBJECTS) {
      const flows = DASHBOARD_METRICS[subject].filter((m) => m.kind === 'flow').map((m) => m.key);
      await refreshSubjectMonth(db, subject, monthBounds(past), flows);
    }
    await markMonthRefreshed(db, past, `${addMonths(past, 1)}-01` > day ? day : lastDayOf(past));
  }
  for (const subject of DASHBOARD_SUBJECTS)
    await refreshSubjectMonth(
      db,
      subject,
      monthBounds(month),
      DASHBOARD_METRICS[subject].map((m) => m.key),
    );
  await markMonthRefreshed(db, month, day);
}

function lastDayOf(month: string) {
  const next = new Date(`${addMonths(month, 1)}-01T00:00:00Z`);
  return new Date(next.getTime() - 86_400_000).toISOString().slice(0, 10);
}

/** The region codes a dashboard reads for the actor and the filter: exact rows, none beneath another. */
async function regionCodesFor(ctx: Context, query: DashboardQuery): Promise<string[]> {
  const scope = actorScope(ctx);
  if (query.region) {
    // An unknown region and one outside the actor's regions answer alike.
    if (!regionInScope(scope, query.region)) throw notFound('region', query.region);
    return [query.region];
  }
  if (query.office) {
    // One statement for the office and its regions: an office's dashboard costs one round trip more than the scope's, not three.
    const office = await officeRegionsForActor(ctx, ctx.db, query.office, 'office');
    const codes = office.regionCodes.filter((code) => regionInScope(scope, code));
    return outermostCodes(codes);
  }
  return scope.kind === 'all' ? [''] : outermostCodes(scope.regionCodes);
}

/** One dashboard, by month over a period, for an office, a region or the actor's whole scope. */
export async function getDashboard(ctx: Context, subject: DashboardSubject, query: DashboardQuery): Promise<DashboardView> {
  assertRole(ctx, DASHBOARD_READERS);
  const today = businessDate(ctx.clock);
  const to = query.to ?? today.slice(0, 7);
  const from = query.from ?? addMonths(to, -11);
  if (from > to)
    throw new AppError('common.validation_failed', 'invalid', { errors: [{ field: 'from', code: 'dashboards.period_reversed' }] });
  const months = monthsFrom(from, to);
  if (months.length > 60)
    throw new AppError('common.validation_failed', 'invalid', { errors: [{ field: 'from', code: 'dashboards.period_too_long' }] });
  const regionCodes = await regionCodesFor(ctx, query);
  const [rows, asOf] = await Promise.all([
    findDashboardRows(ctx.db, { subject, regionCodes, from, to }),
    findRefreshedFor(ctx.db, from, to),
  ]);
  const sumOf = new Map(rows.map((r) => [`${r.month}|${r.metric}`, BigInt(r.value)]));
  const series = (key: string) => months.map((m) => sumOf.get(`${m}|${key}`) ?? 0n);
  const metrics = DASHBOARD_METRICS[subject].map((definition) => {
    const values = series(definition.key);
    const total = definition.kind === 'flow' ? values.reduce((s, v) => s + v, 0n) : (values.at(-1) ?? 0n);
    return { ...definition, values: values.map(String), total: total.toString() };
  });
  const ratios = DASHBOARD_RATIOS[subject].map((ratio) => {
    const part = series(ratio.part);
    const whole = series(ratio.whole);
    const values = months.map((_, i) => percentText(part[i] ?? 0n, whole[i] ?? 0n));
    return { key: ratio.key, values, total: values.at(-1) ?? '0.00' };
  });
  return { subject, from, to, office: query.office ?? null, region: query.region ?? null, asOf, months, metrics, ratios };
}
