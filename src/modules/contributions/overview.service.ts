import { actorScope, assertRole, type Context } from '../../context.ts';
import { businessDate } from '../../core/clock.ts';
import { addMonths, daysBetween } from '../../core/dates.ts';
import { regionLikePatterns } from '../../core/scope.ts';
import type { Queryable } from '../../db/database.ts';
import { cadreSettings, cadresInScope, familiesOfCadres, jknParticipantsOf } from '../cadres/index.ts';
import { jknRateOf } from '../jkn/index.ts';
import { archivedMonthsIn } from '../partitions/index.ts';
import { householdsWithPersons } from '../registry/index.ts';
import { collectionSettings } from './collection-settings.ts';
import { READERS } from './contributions.roles.ts';
import { cadreCashRows } from './overview.store.ts';

/**
 * Per cadre: the caseload, and the living PBPU persons of their families per class (a family's
 * class the lowest among its participants), for the month's due. One query each for the
 * families (cadres), their persons (registry) and their JKN participation (cadres).
 */
async function caseloadsOf(db: Queryable, cadreIds: string[]) {
  const families = await familiesOfCadres(db, cadreIds);
  const households = await householdsWithPersons(
    db,
    families.map((f) => f.household_id),
  );
  const participants = await jknParticipantsOf(
    db,
    households.flatMap((h) => h.persons.map((p) => p.id)),
  );
  const participantOf = new Map(participants.map((j) => [j.person_id, j]));
  const byHousehold = new Map(
    households.map((h) => {
      const joined = h.persons.flatMap((p) => {
        const j = participantOf.get(p.id);
        return j ? [{ ...j, alive: p.diedOn === null }] : [];
      });
      const jknClass = joined.map((j) => j.jkn_class).sort()[0] ?? null;
      return [h.id, { jknClass, persons: joined.filter((j) => j.alive && j.segment === 'PBPU').length }];
    }),
  );
  const caseloads = new Map<string, { caseload: number; persons: Record<'I' | 'II' | 'III', number> }>();
  for (const f of families) {
    const c = caseloads.get(f.cadre_id) ?? { caseload: 0, persons: { I: 0, II: 0, III: 0 } };
    caseloads.set(f.cadre_id, c);
    c.caseload += 1;
    const h = byHousehold.get(f.household_id);
    if (h?.jknClass) c.persons[h.jknClass] += h.persons;
  }
  return caseloads;
}

/**
 * The manager's view across cadres: per cadre in scope (a cadre: their own), the caseload
 * against the cap, the cash held and since when (flagged past the holding limit, as
 * `cadreCash`), and the month's collected against due (as `performance`). The cadres (by
 * name), then their caseloads and their cash side by side; the flagged first (longest held
 * first), then by name.
 */
export async function cadresOverview(ctx: Context, month?: string) {
  assertRole(ctx, READERS);
  const today = businessDate(ctx.clock);
  const chosen = month ?? today.slice(0, 7);
  const own = ctx.actor.kind === 'user' && ctx.actor.role === 'cadre' ? ctx.actor.id : undefined;
  const cadresByName = await cadresInScope(ctx.db, regionLikePatterns(actorScope(ctx)), own);
  // By name (as the database sorts it), then id, as the overview always listed them.
  const rankOfName = new Map<string, number>();
  for (const [i, c] of cadresByName.entries()) if (!rankOfName.has(c.fullName)) rankOfName.set(c.fullName, i);
  const scoped = [...cadresByName].sort(
    (a, b) => (rankOfName.get(a.fullName) ?? 0) - (rankOfName.get(b.fullName) ?? 0) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
  const ids = scoped.map((c) => c.id);
  const [caseloads, cash, cadres, collection, archived] = await Promise.all([
    caseloadsOf(ctx.db, ids),
    cadreCashRows(ctx.db, ids, { from: `${chosen}-01`, to: `${addMonths(chosen, 1)}-01` }),
    cadreSettings(ctx.db),
    collectionSettings(ctx.db),
    archivedMonthsIn(ctx.db, 'jkn_contribution_payment', `${chosen}-01`, `${chosen}-01`),
  ]);
  const cashOf = new Map(cash.map((c) => [c.cadre_id, c]));
  const rows = scoped.map((c) => {
    const load = caseloads.get(c.id);
    const money = cashOf.get(c.id);
    return {
      id: c.id,
      full_name: c.fullName,
      status: c.status,
      caseload: load?.caseload ?? 0,
      persons_i: load?.persons.I ?? 0,
      persons_ii: load?.persons.II ?? 0,
      persons_iii: load?.persons.III ?? 0,
      collected_all: money?.collected_all ?? '0',
      deposited: money?.deposited ?? '0',
      collected_month: money?.collected_month ?? '0',
      cash_since: money?.cash_since ?? null,
    };
  });
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
  return { month: chosen, asOf: today, caseloadCap: cadres.caseloadCap, cashHoldingLimitDays: limitDays, items, archivedMonths: archived };
}
