import type { Queryable } from '../../db/database.ts';
import { countWomenInVillagesBornBetween } from '../registry/index.ts';
import { iksCategory, iksValue, meanIks, shareOf } from './iks.rules.ts';
import { countCounselling, countScreenedPersons, latestIksInWindow } from './outcome.store.ts';
import { birthDatesForAges, SCREENING_METHODS, targetInForce } from './screening.rules.ts';
import { findScreeningTargets } from './screening.store.ts';

/** What the health records say of some villages over a window of days: no person in it. */
export type VillageHealthOutcome = {
  from: string;
  to: string;
  /** Women in the screening target ages living in the villages on the window's last day. */
  targetWomen: number;
  /** Distinct women screened in the window. */
  screenedWomen: number;
  /** screened ÷ target, three decimals ("0.125"); null when there is no target woman. */
  screeningCoverage: string | null;
  counsellingSessions: number;
  /** Distinct persons who attended a counselling session in the window. */
  counselledPersons: number;
  /** Families with an IKS in the window (each family's latest snapshot of the window's months). */
  iksFamilies: number;
  meanIks: string | null;
  /** Share of those families in the healthy category (sehat), three decimals. */
  healthyShare: string | null;
};

/**
 * Health outcomes of the given villages between two days (both included), computed from the
 * screening, counselling and IKS records; other modules (partnership M&E) read them here and never
 * type them. The caller has checked the villages against its actor's scope.
 */
export async function villageHealthOutcome(
  db: Queryable,
  window: { villageCodes: string[]; from: string; to: string },
): Promise<VillageHealthOutcome> {
  const villageCodes = [...new Set(window.villageCodes)];
  const w = { villageCodes, from: window.from, to: window.to };
  const targets = (await findScreeningTargets(db)).map((t) => ({
    effectiveFrom: t.effective_from,
    method: t.method,
    sex: t.sex,
    minAge: t.min_age,
    maxAge: t.max_age,
  }));
  const inForce = SCREENING_METHODS.flatMap((m) => targetInForce(targets, m, w.to) ?? []).filter((t) => t.sex === 'F');
  const targetWomen =
    inForce.length === 0
      ? 0
      : await countWomenInVillagesBornBetween(db, {
          ...birthDatesForAges(Math.min(...inForce.map((t) => t.minAge)), Math.max(...inForce.map((t) => t.maxAge)), w.to),
          villageCodes,
        });
  const screenedWomen = await countScreenedPersons(db, w);
  const counselling = await countCounselling(db, w);
  const iks = await latestIksInWindow(db, w);
  let families = 0;
  let sehat = 0;
  for (const row of iks) {
    const category = iksCategory(iksValue(row.met, row.applicable));
    if (category === null) continue;
    families += row.n;
    if (category === 'sehat') sehat += row.n;
  }
  return {
    from: w.from,
    to: w.to,
    targetWomen,
    screenedWomen,
    screeningCoverage: shareOf(screenedWomen, targetWomen),
    counsellingSessions: counselling.sessions,
    counselledPersons: counselling.persons,
    iksFamilies: families,
    meanIks: meanIks(iks.map((r) => ({ met: r.met, applicable: r.applicable, count: r.n }))),
    healthyShare: shareOf(sehat, families),
  };
}
