import { actorScope, assertRole, type Context } from '../../context.ts';
import { businessDate } from '../../core/clock.ts';
import { addMonths, daysBetween } from '../../core/dates.ts';
import { regionLikePatterns } from '../../core/scope.ts';
import { cadreSettings } from '../cadres/index.ts';
import { jknRateOf } from '../jkn/index.ts';
import { collectionSettings } from './collection-settings.ts';
import { READERS } from './contributions.roles.ts';
import { cadreOverviewRows } from './overview.store.ts';

/**
 * The manager's view across cadres: per cadre in scope (a cadre: their own), the caseload
 * against the cap, the cash held and since when (flagged past the holding limit, as
 * `cadreCash`), and the month's collected against due (as `performance`). One query for all of
 * them; the flagged first (longest held first), then by name.
 */
export async function cadresOverview(ctx: Context, month?: string) {
  assertRole(ctx, READERS);
  const today = businessDate(ctx.clock);
  const chosen = month ?? today.slice(0, 7);
  const own = ctx.actor.kind === 'user' && ctx.actor.role === 'cadre' ? ctx.actor.id : undefined;
  const [rows, cadres, collection] = await Promise.all([
    cadreOverviewRows(
      ctx.db,
      { regionPatterns: regionLikePatterns(actorScope(ctx)), userId: own },
      { from: `${chosen}-01`, to: `${addMonths(chosen, 1)}-01` },
    ),
    cadreSettings(ctx.db),
    collectionSettings(ctx.db),
  ]);
  const limitDays = collection.cashHoldingLimitDays;
  const items = rows.map((r) => {
    const held = BigInt(r.collected_all) - BigInt(r.deposited);
    const daysHeld = r.cash_since ? daysBetween(r.cash_since, today) : 0;
    const rate = (jknClass: 'I' | 'II' | 'III') => jknRateOf(jknClass, chosen) ?? 0;
    const due = rate('I') * r.persons_i + rate('II') * r.persons_ii + rate('III') * r.persons_iii;
    const collected = Number(r.collected_month);
    return {
      cadreId: r.id,
      name: r.full_name,
      status: r.status,
      caseload: r.caseload,
      cashHeld: held.toString(),
      cashSince: r.cash_since,
      daysHeld,
      cashFlagged: held > 0n && daysHeld > limitDays,
      collected: r.collected_month,
      due: String(due),
      collectabilityPercent: due === 0 ? '0.00' : ((collected * 100) / due).toFixed(2),
    };
  });
  items.sort((a, b) => Number(b.cashFlagged) - Number(a.cashFlagged) || (a.cashFlagged ? b.daysHeld - a.daysHeld : 0));
  return { month: chosen, asOf: today, caseloadCap: cadres.caseloadCap, cashHoldingLimitDays: limitDays, items };
}
