import { actorScope, assertRole, type Context, inTransaction } from '../../context.ts';
import { businessDate } from '../../core/clock.ts';
import { isIsoDate, nextDay } from '../../core/dates.ts';
import { AppError, conflict, invalid } from '../../core/errors.ts';
import type { Tx } from '../../db/database.ts';
import { recordAudit } from '../audit/index.ts';
import { refreshDashboards } from '../dashboards/index.ts';
import { creditBalancesOf, fundById, postEntry, sealBooks, snapshotLedgerBalances } from '../ledger/index.ts';
import { officesWithRegions } from '../organisation/index.ts';
import { ensureComingPartitions } from '../partitions/index.ts';
import { planCloseDay } from './close-day.rules.ts';
import {
  accruePenalties,
  closingState,
  countActive,
  finishRun,
  lastFinishedRun,
  lockRun,
  markStep,
  portfolioBy,
  portfolioLabels,
  qualityRuleSetting,
  requiredProvisions,
  saveQualityRuleSetting,
  snapshotFinancings,
  startRun,
  updateArrears,
  writeSnapshot,
} from './close-day.store.ts';
import { DAY_CLOSERS, PAR_READERS, SETTINGS_KEEPERS } from './financing.roles.ts';
import { ALLOWANCE_ACCOUNT, provisionTrueUp } from './provisions.rules.ts';
import { DEFAULT_QUALITY_RULE, PROVISION_PER_MILLE, type QualityRuleName, ruleInForceFrom, ruleOn } from './quality.rules.ts';
import { prepareRepaymentFacts } from './repayment-facts.service.ts';

export const CLOSE_DAY_STEPS = ['penalties', 'arrears', 'snapshot', 'provisions', 'balances', 'books', 'partitions'] as const;
type Step = (typeof CLOSE_DAY_STEPS)[number];

/** The quality-class thresholds of the dated rule as one SQL CASE over days past due (a.dpd). */
function qualitySql(rule: QualityRuleName, date: string) {
  const dated = ruleOn(rule, date);
  const frequencyCase = (['weekly', 'fortnightly', 'monthly'] as const)
    .map((frequency) => {
      const steps = dated.thresholds(frequency);
      const whens = steps
        .filter((t) => Number.isFinite(t.maxDays))
        .map((t) => `WHEN a.dpd <= ${t.maxDays} THEN ${t.quality}`)
        .join(' ');
      return `WHEN '${frequency}' THEN CASE ${whens} ELSE ${steps.at(-1)?.quality ?? 5} END`;
    })
    .join(' ');
  return `CASE p.frequency ${frequencyCase} END`;
}

/** Posts, per office, what brings the allowance in 1.2.09 to what the day's snapshot requires. */
async function bookProvisions(tx: Tx, ctx: Context, date: string) {
  const [required, booked] = await Promise.all([requiredProvisions(tx, date), creditBalancesOf(tx, ALLOWANCE_ACCOUNT, date)]);
  const lines = provisionTrueUp(
    required.map((r) => ({ officeId: r.office_id, fundId: r.fund_id, amount: BigInt(r.provision) })),
    booked.map((b) => ({ officeId: b.office_id, fundId: b.fund_id, amount: BigInt(b.balance) })),
  );
  for (const [officeId, officeLines] of lines)
    await postEntry(tx, ctx, {
      officeId,
      entryDate: date,
      memo: `Penyesuaian PPAP ${date}`,
      source: { type: 'close_day.provision', id: null },
      lines: officeLines,
    });
}

export type CloseDayResult = { date: string; alreadyClosed: boolean; daysClosed: string[]; stepsRun: Step[]; financings: number };
type CloseDayOptions = { onStep?: (step: Step, day: string) => void | Promise<void> };

/**
 * Close of day for a business date: late charges, days past due and quality classes, the
 * portfolio snapshot, the allowance for losses (PPAP) it requires booked, and the ledger's
 * balances through the date. Days close in order (close-day.rules): every unclosed day since
 * the last closed one is closed first, a day before the last closed one is refused, and a
 * closed day is left alone.
 */
export async function closeDay(ctx: Context, date: string, options: CloseDayOptions = {}): Promise<CloseDayResult> {
  assertRole(ctx, DAY_CLOSERS);
  if (!isIsoDate(date)) throw invalid('close_day.date_invalid', 'date');
  // Late charges and days past due of a day that has not ended would be guesses.
  if (date > businessDate(ctx.clock)) throw invalid('close_day.date_in_future', 'date', { date });
  const plan = planCloseDay(date, await closingState(ctx.db, date));
  if (plan.kind === 'already_closed')
    return { date, alreadyClosed: true, daysClosed: [], stepsRun: [], financings: await snapshotFinancings(ctx.db, date) };
  if (plan.kind === 'before_last_closed') throw conflict('close_day.before_last_closed', 'date', { date, lastClosed: plan.lastClosed });
  const rule = await qualityRuleSetting(ctx.db);
  const firstDay = plan.days[0] as string;
  const validFrom = ruleInForceFrom(rule);
  if (firstDay < validFrom) throw invalid('close_day.before_quality_rule', 'date', { date: firstDay, rule, validFrom });
  let last = { stepsRun: [] as Step[], financings: 0 };
  for (const day of plan.days) last = await closeOneDay(ctx, day, rule, options);
  // The repayment comparison's facts for the next business date, so its first request need not build them.
  if (date === businessDate(ctx.clock)) await prepareRepaymentFacts(ctx.db, nextDay(date));
  return { date, alreadyClosed: false, daysClosed: plan.days, ...last };
}

/**
 * One day's close. Every step is a function of the date (running it again writes the same
 * values) and is marked done when it commits, under the run's lock, so a killed run resumes
 * where it stopped and two runs of one date do not book a step twice.
 */
async function closeOneDay(ctx: Context, date: string, rule: QualityRuleName, options: CloseDayOptions) {
  await startRun(ctx.db, date);
  const financings = await countActive(ctx.db);
  const stepsRun: Step[] = [];
  for (const step of CLOSE_DAY_STEPS) {
    const ran = await inTransaction(ctx, async (tx) => {
      if ((await lockRun(tx, date)).steps_done.includes(step)) return false;
      if (step === 'penalties') await accruePenalties(tx, date);
      else if (step === 'arrears') await updateArrears(tx, date, qualitySql(rule, date));
      else if (step === 'snapshot') await writeSnapshot(tx, date, PROVISION_PER_MILLE);
      else if (step === 'provisions') await bookProvisions(tx, ctx, date);
      else if (step === 'balances') await snapshotLedgerBalances(tx, date);
      else if (step === 'books') await sealBooks(tx, ctx, date);
      else await ensureComingPartitions(tx, date);
      await markStep(tx, date, step);
      return true;
    });
    if (!ran) continue;
    await options.onStep?.(step, date);
    stepsRun.push(step);
  }
  await inTransaction(ctx, async (tx) => {
    if ((await lockRun(tx, date)).finished_at) return;
    // The dashboards' month (docs/dashboards.md): a recompute, so a resumed run just writes it again.
    await refreshDashboards(tx, date);
    await finishRun(tx, date);
    await recordAudit(tx, ctx, { action: 'financing.close_day', entityType: 'close_day', after: { date, steps: stepsRun, rule } });
  });
  return { stepsRun, financings };
}

export async function setQualityRule(ctx: Context, rule: QualityRuleName) {
  assertRole(ctx, SETTINGS_KEEPERS);
  await inTransaction(ctx, async (tx) => {
    await saveQualityRuleSetting(tx, rule);
    await recordAudit(tx, ctx, { action: 'setting.quality_rule', entityType: 'setting', after: { rule } });
  });
  return { rule };
}

/** Portfolio at risk of the latest closed day (or a given one), by office, fund, group or facilitator. */
export async function portfolioAtRisk(ctx: Context, query: { date?: string; by: 'office' | 'fund' | 'group' | 'facilitator' }) {
  assertRole(ctx, PAR_READERS);
  const date = query.date ?? (await lastFinishedRun(ctx.db))?.business_date;
  if (!date) throw new AppError('close_day.none_yet', 'not_found');
  const scope = actorScope(ctx);
  const rows = await portfolioBy(ctx.db, date, query.by, scope.kind === 'all' ? null : scope.officeIds);
  // Percent with two decimals, rounded half-up in integers.
  const ratio = (part: string, whole: string) => {
    if (BigInt(whole) === 0n) return '0.00';
    const basis = (BigInt(part) * 20000n + BigInt(whole)) / (2n * BigInt(whole));
    return `${basis / 100n}.${(basis % 100n).toString().padStart(2, '0')}`;
  };
  const labels = new Map<string, string>();
  if (query.by === 'office')
    for (const o of await officesWithRegions(
      ctx.db,
      rows.flatMap((r) => (r.key ? [r.key] : [])),
    ))
      labels.set(o.id, o.code);
  if (query.by === 'fund') for (const r of rows) if (r.key) labels.set(r.key, (await fundById(ctx.db, r.key))?.code ?? r.key);
  if (query.by === 'group' || query.by === 'facilitator')
    for (const [id, name] of await portfolioLabels(
      ctx.db,
      query.by,
      rows.flatMap((r) => (r.key ? [r.key] : [])),
    ))
      labels.set(id, name);
  return {
    date,
    by: query.by,
    rows: rows.map((r) => ({
      key: r.key,
      label: r.key ? (labels.get(r.key) ?? null) : null,
      financings: r.financings,
      outstanding: r.outstanding,
      atRisk1: r.at_risk_1,
      atRisk30: r.at_risk_30,
      atRisk90: r.at_risk_90,
      par1Percent: ratio(r.at_risk_1, r.outstanding),
      par30Percent: ratio(r.at_risk_30, r.outstanding),
      par90Percent: ratio(r.at_risk_90, r.outstanding),
      byClass: [r.class_1, r.class_2, r.class_3, r.class_4, r.class_5],
      provision: r.provision,
    })),
  };
}

/** The quality rule close of day applies, and the one it applies while no admin has chosen. */
export async function getQualityRule(ctx: Context): Promise<{ rule: QualityRuleName; defaultRule: QualityRuleName }> {
  assertRole(ctx, PAR_READERS);
  return { rule: await qualityRuleSetting(ctx.db), defaultRule: DEFAULT_QUALITY_RULE };
}

/** The last business date close of day has finished (and so sealed), or null: what may be archived (partitions). */
export async function lastClosedDay(ctx: Context): Promise<string | null> {
  return (await lastFinishedRun(ctx.db))?.business_date ?? null;
}
