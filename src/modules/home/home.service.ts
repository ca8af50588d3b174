import { actorScope, assertRole, type Context } from '../../context.ts';
import { businessDate } from '../../core/clock.ts';
import { addDays } from '../../core/dates.ts';
import { sumRupiah } from '../../core/money.ts';
import type { Role } from '../../core/roles.ts';
import { regionLikePatterns } from '../../core/scope.ts';
import { cadreOfUser } from '../cadres/index.ts';
import { cadreCash, worklist } from '../contributions/index.ts';
import { membersAtRisk } from '../health/index.ts';
import { LOGIN_MAX_ATTEMPTS, LOGIN_WINDOW_MS } from '../identity/index.ts';
import { listDrawers, listFunds } from '../ledger/index.ts';
import { listDuplicateCandidates } from '../registry/index.ts';
import { HOME_READERS } from './home.roles.ts';
import type { HomeCard, HomeView } from './home.schema.ts';
import {
  approvedQueue,
  auditFigures,
  financingCounts,
  groupReportCounts,
  instalmentsDueBetween,
  lockedOutUsers,
  parByDay,
  pregnanciesNearTerm,
  recallCounts,
  repaymentsOn,
  unfinishedImports,
} from './home.store.ts';

/** How far ahead recalls and deliveries count as "near" (the recall list's window too). */
const NEAR_DAYS = 30;
/** The duplicates card looks at one page of candidate pairs, as the review list does. */
const DUPLICATE_PAGE = 50;

const card = (key: string, kind: HomeCard['kind'], value: string | number, extra: Partial<HomeCard> = {}): HomeCard => ({
  key,
  kind,
  value: String(value),
  amount: null,
  capped: false,
  link: null,
  breakdown: [],
  trend: [],
  ...extra,
});
const link = (path: string, params: Record<string, string | undefined> = {}) => {
  const query = new URLSearchParams(Object.entries(params).filter((e): e is [string, string] => e[1] !== undefined)).toString();
  return query ? `${path}?${query}` : path;
};
/** PAR as a percent with two decimals, rounded half-up ("0.00" with nothing outstanding). */
function percent(part: bigint, whole: bigint): string {
  if (whole === 0n) return '0.00';
  const hundredths = (part * 20_000n + whole) / (2n * whole);
  return `${hundredths / 100n}.${String(hundredths % 100n).padStart(2, '0')}`;
}
/** Monday to Sunday of the week of a day (ISO weeks, as group meetings are planned). */
function weekOf(day: string) {
  const weekday = (new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7;
  const from = addDays(day, -weekday);
  return { from, to: addDays(from, 6) };
}

type Parts = { ctx: Context; today: string; week: { from: string; to: string }; since: string; userId: string | null };

async function cashierCards({ ctx, today }: Parts): Promise<HomeCard[]> {
  const regionPatterns = regionLikePatterns(actorScope(ctx));
  const [drawers, due, receipts] = await Promise.all([
    listDrawers(ctx, { status: 'open', limit: 10 }),
    instalmentsDueBetween(ctx.db, { from: today, to: today, regionPatterns, facilitatorId: null }),
    repaymentsOn(ctx.db, { day: today, regionPatterns }),
  ]);
  const open = drawers.items[0];
  return [
    card('drawer', 'status', open ? 'open' : 'closed', {
      amount: open ? open.expectedCash : null,
      link: link('/finance/cash-drawer'),
    }),
    card('dueToday', 'count', due.count, {
      amount: due.amount,
      link: link('/financings', { status: 'disbursed', dueFrom: today, dueTo: today }),
    }),
    card('receiptsToday', 'count', receipts.count, { amount: receipts.amount, link: link('/financings', { paidOn: today }) }),
  ];
}

/** Approved applications the fund's cash covers now, in queue order (a fund pays its queue first-approved first). */
async function fundableNow(ctx: Context, funds: { id: string; cash: string }[]) {
  const queue = await approvedQueue(ctx.db, regionLikePatterns(actorScope(ctx)));
  const cashOf = new Map(funds.map((f) => [f.id, BigInt(f.cash)]));
  const spent = new Map<string, bigint>();
  let count = 0;
  for (const row of queue) {
    const cash = cashOf.get(row.fund_id);
    if (cash === undefined) continue;
    const after = (spent.get(row.fund_id) ?? 0n) + BigInt(row.principal);
    if (after > cash) {
      cashOf.set(row.fund_id, -1n);
      continue;
    }
    spent.set(row.fund_id, after);
    if (row.in_scope) count += 1;
  }
  return count;
}

async function managerCards({ ctx }: Parts): Promise<HomeCard[]> {
  const scope = actorScope(ctx);
  const regionPatterns = regionLikePatterns(scope);
  const [counts, funds, par] = await Promise.all([
    financingCounts(ctx.db, { regionPatterns, facilitatorId: null }),
    listFunds(ctx),
    parByDay(ctx.db, scope.kind === 'all' ? null : scope.officeIds, 200),
  ]);
  const active = funds.items.filter((f) => f.active);
  const fundable = await fundableNow(ctx, active);
  // The trend: the last close of day of each of the last six months, oldest first.
  const monthEnds = new Map<string, (typeof par)[number]>();
  for (const row of par) if (!monthEnds.has(row.business_date.slice(0, 7))) monthEnds.set(row.business_date.slice(0, 7), row);
  const trend = [...monthEnds.values()]
    .slice(0, 6)
    .reverse()
    .map((row) => ({ date: row.business_date, value: percent(BigInt(row.at_risk_30), BigInt(row.outstanding)) }));
  const latest = par[0];
  return [
    card('applicationsWaiting', 'count', counts.applied, { link: link('/financings', { status: 'applied' }) }),
    card('disbursableNow', 'count', fundable, { amount: null, link: link('/financing/queue') }),
    card('par30', 'percent', latest ? percent(BigInt(latest.at_risk_30), BigInt(latest.outstanding)) : '0.00', {
      amount: latest ? latest.at_risk_30 : '0',
      link: link('/financing/portfolio', latest ? { date: latest.business_date } : {}),
      trend,
    }),
    card('cashByFund', 'rupiah', sumRupiah(active.map((f) => f.cash)).toString(), {
      link: link('/finance/funds'),
      breakdown: active.map((f) => ({ label: f.code, value: f.cash, link: `/finance/funds/${f.id}` })),
    }),
  ];
}

async function facilitatorCards({ ctx, week, today, userId }: Parts): Promise<HomeCard[]> {
  const regionPatterns = regionLikePatterns(actorScope(ctx));
  const me = userId;
  const [weekDue, dueNow, counts, atRisk] = await Promise.all([
    instalmentsDueBetween(ctx.db, { from: week.from, to: week.to, regionPatterns, facilitatorId: me }),
    instalmentsDueBetween(ctx.db, { from: today, to: week.to, regionPatterns, facilitatorId: me }),
    financingCounts(ctx.db, { regionPatterns, facilitatorId: me }),
    membersAtRisk(ctx, {}),
  ]);
  const mine = me ? { facilitator: 'me' } : {};
  return [
    card('groupsThisWeek', 'count', weekDue.groups, {
      link: link('/financings', { ...mine, status: 'disbursed', dueFrom: week.from, dueTo: week.to }),
    }),
    card('membersDue', 'count', dueNow.persons, {
      amount: dueNow.amount,
      link: link('/financings', { ...mine, status: 'disbursed', dueFrom: today, dueTo: week.to }),
    }),
    card('membersOverdue', 'count', counts.overdue_persons, {
      amount: counts.overdue_amount,
      link: link('/financings', { ...mine, status: 'disbursed', overdue: 'true' }),
    }),
    card('membersAtRisk', 'count', atRisk.totals.members, { amount: atRisk.totals.overdueAmount, link: link('/health/at-risk') }),
  ];
}

async function cadreCards({ ctx, userId }: Parts): Promise<HomeCard[]> {
  const cadre = userId ? await cadreOfUser(ctx.db, userId) : undefined;
  if (!cadre) return [card('cadreNotRegistered', 'status', 'none')];
  const [list, cash] = await Promise.all([worklist(ctx, cadre.id), cadreCash(ctx, cadre.id)]);
  const inArrears = list.items.filter((i) => (i.arrearsMonths ?? 0) > 0).length;
  const notVisited = list.items.filter((i) => i.daysSinceVisit === null || i.daysSinceVisit > 30).length;
  const page = `/cadres/${cadre.id}`;
  return [
    card('families', 'count', list.items.length, { link: link(page) }),
    card('familiesInArrears', 'count', inArrears, { link: link('/field') }),
    card('familiesNotVisited', 'count', notVisited, { link: link('/field') }),
    // Held past the limit: the days held, for the card to warn.
    card('cashHeld', 'rupiah', cash.held, {
      link: link(page),
      breakdown: cash.flagged ? [{ label: 'daysHeld', value: String(cash.daysHeld), link: null }] : [],
    }),
  ];
}

async function healthWorkerCards({ ctx, today }: Parts): Promise<HomeCard[]> {
  const regionPatterns = regionLikePatterns(actorScope(ctx));
  const until = addDays(today, NEAR_DAYS);
  const [recalls, pregnancies, atRisk] = await Promise.all([
    recallCounts(ctx.db, { today, until, regionPatterns }),
    pregnanciesNearTerm(ctx.db, { from: today, to: until, regionPatterns }),
    membersAtRisk(ctx, {}),
  ]);
  return [
    card('recallsOverdue', 'count', recalls.overdue, { link: link('/health/recalls', { status: 'overdue' }) }),
    card('recallsDue', 'count', recalls.due, { link: link('/health/recalls', { status: 'due' }) }),
    card('pregnanciesNearTerm', 'count', pregnancies, { link: link('/health/pregnancies') }),
    card('membersAtRisk', 'count', atRisk.totals.members, { amount: atRisk.totals.overdueAmount, link: link('/health/at-risk') }),
  ];
}

async function supervisorCards({ ctx, today }: Parts): Promise<HomeCard[]> {
  const reports = await groupReportCounts(ctx.db, {
    lateBefore: addDays(today, -NEAR_DAYS),
    regionPatterns: regionLikePatterns(actorScope(ctx)),
  });
  return [
    card('reportsWaiting', 'count', reports.waiting, { link: link('/usep/reports', { status: 'submitted' }) }),
    card('groupsLate', 'count', reports.late_groups, { link: link('/usep/reports', { status: 'returned' }) }),
  ];
}

async function auditorCards({ ctx, since }: Parts): Promise<HomeCard[]> {
  const scope = actorScope(ctx);
  const figures = await auditFigures(ctx.db, {
    since,
    officeIds: scope.kind === 'all' ? null : scope.officeIds,
    regionPatterns: regionLikePatterns(scope),
  });
  return [
    card('reversals', 'count', figures.reversals, { link: link('/finance/journal', { reversal: 'true', from: since }) }),
    card('writeOffs', 'count', figures.write_offs, {
      amount: figures.written_off,
      link: link('/financings', { status: 'written_off', closedFrom: since }),
    }),
    card('manualEntries', 'count', figures.manual, {
      link: link('/finance/journal', { source: 'manual', reversal: 'false', from: since }),
    }),
    card('drawerDifferences', 'count', figures.drawers, {
      amount: (BigInt(figures.overage) - BigInt(figures.shortage)).toString(),
      breakdown: [
        { label: 'shortage', value: figures.shortage, link: null },
        { label: 'overage', value: figures.overage, link: null },
      ],
      link: link('/finance/cash-drawer', { difference: 'true', from: since }),
    }),
  ];
}

async function adminCards({ ctx }: Parts): Promise<HomeCard[]> {
  const [pairs, imports, locked] = await Promise.all([
    listDuplicateCandidates(ctx, { limit: DUPLICATE_PAGE }),
    unfinishedImports(ctx.db),
    lockedOutUsers(ctx.db, { since: new Date(ctx.clock.now().getTime() - LOGIN_WINDOW_MS), max: LOGIN_MAX_ATTEMPTS }),
  ]);
  return [
    card('duplicates', 'count', pairs.items.length, { capped: pairs.items.length >= DUPLICATE_PAGE, link: link('/duplicates') }),
    card('failedImports', 'count', imports, { link: link('/households/import') }),
    card('lockedOut', 'count', locked, { link: link('/users', { locked: 'true' }) }),
  ];
}

const BY_ROLE: Record<Role, ((parts: Parts) => Promise<HomeCard[]>) | null> = {
  cashier: cashierCards,
  manager: managerCards,
  facilitator: facilitatorCards,
  cadre: cadreCards,
  health_worker: healthWorkerCards,
  supervisor: supervisorCards,
  auditor: auditorCards,
  admin: adminCards,
  official: null,
};

/**
 * "Hari ini": what the actor must do today, each figure scoped to their regions (a facilitator:
 * their own financings and groups; a cashier: their own drawer) and linked to the list behind it.
 */
export async function homeOf(ctx: Context, query: { since?: string }): Promise<HomeView> {
  assertRole(ctx, HOME_READERS);
  const today = businessDate(ctx.clock);
  const role: Role = ctx.actor.kind === 'user' ? ctx.actor.role : 'admin';
  const userId = ctx.actor.kind === 'user' ? ctx.actor.id : null;
  const since = query.since ?? `${today.slice(0, 7)}-01`;
  const week = weekOf(today);
  const build = BY_ROLE[role];
  const cards = build ? await build({ ctx, today, week, since, userId }) : [];
  return { role, date: today, since: role === 'auditor' ? since : null, weekFrom: week.from, weekTo: week.to, cards };
}
