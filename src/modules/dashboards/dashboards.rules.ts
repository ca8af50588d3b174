/**
 * The dashboards: their figures (metrics) in the order they are shown, each a flow of the month
 * (summed over a period) or a state at the month's last close of day (the period shows its last
 * month), in rupiah or a count; and the ratios computed from them when read.
 */
export const DASHBOARD_SUBJECTS = ['portfolio', 'aid', 'jkn', 'health', 'partnerships'] as const;
export type DashboardSubject = (typeof DASHBOARD_SUBJECTS)[number];

export type MetricDefinition = { key: string; unit: 'rupiah' | 'count'; kind: 'flow' | 'state' };
export type RatioDefinition = { key: string; part: string; whole: string };

const flow = (key: string, unit: 'rupiah' | 'count' = 'count'): MetricDefinition => ({ key, unit, kind: 'flow' });
const state = (key: string, unit: 'rupiah' | 'count' = 'count'): MetricDefinition => ({ key, unit, kind: 'state' });

export const DASHBOARD_METRICS: Record<DashboardSubject, MetricDefinition[]> = {
  portfolio: [
    flow('disbursed', 'rupiah'),
    flow('disbursed_count'),
    flow('repaid', 'rupiah'),
    state('outstanding', 'rupiah'),
    state('at_risk_30', 'rupiah'),
    state('class_1', 'rupiah'),
    state('class_2', 'rupiah'),
    state('class_3', 'rupiah'),
    state('class_4', 'rupiah'),
    state('class_5', 'rupiah'),
  ],
  aid: [flow('paid_amount', 'rupiah'), flow('paid_count'), flow('failed_count'), state('enrolled'), state('households')],
  jkn: [flow('collected', 'rupiah'), flow('payments'), state('families'), state('families_current')],
  health: [flow('iks_sehat'), flow('iks_pra_sehat'), flow('iks_tidak_sehat'), flow('screenings'), flow('sessions'), flow('attendances')],
  partnerships: [flow('activities'), flow('participants'), state('partnerships'), state('evaluated')],
};

export const DASHBOARD_RATIOS: Record<DashboardSubject, RatioDefinition[]> = {
  portfolio: [{ key: 'par30', part: 'at_risk_30', whole: 'outstanding' }],
  aid: [{ key: 'coverage', part: 'enrolled', whole: 'households' }],
  jkn: [{ key: 'collectability', part: 'families_current', whole: 'families' }],
  health: [],
  partnerships: [{ key: 'evaluated_share', part: 'evaluated', whole: 'partnerships' }],
};

/** A percent with two decimals, half-up in integers ("0.00" of nothing). */
export function percentText(part: bigint, whole: bigint): string {
  if (whole === 0n) return '0.00';
  const hundredths = (part * 20_000n + whole) / (2n * whole);
  return `${hundredths / 100n}.${String(hundredths % 100n).padStart(2, '0')}`;
}

/** The months from `from` to `to` (YYYY-MM), both included. */
export function monthsFrom(from: string, to: string): string[] {
  const out: string[] = [];
  let [year, month] = [Number(from.slice(0, 4)), Number(from.slice(5, 7))];
  const end = Number(to.slice(0, 4)) * 12 + Number(to.slice(5, 7));
  while (year * 12 + month <= end) {
    out.push(`${year}-${String(month).padStart(2, '0')}`);
    month += 1;
    if (month > 12) [year, month] = [year + 1, 1];
  }
  return out;
}

/**
 * The region codes to read: each once, none beneath another (an office covering a regency and
 * one of its districts reads the regency only), so that rolled-up rows are never counted twice.
 */
export function outermostCodes(codes: readonly string[]): string[] {
  const unique = [...new Set(codes)].sort();
  return unique.filter((code) => !unique.some((other) => other !== code && (other === '' || code.startsWith(`${other}.`))));
}
