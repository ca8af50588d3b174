import type { Frequency } from './products.rules.ts';

/**
 * Quality classes (kolektibilitas) from days past due. Thresholds are dated data: a rule
 * applies from its date until a later one replaces it. Classes: 1 Lancar, 2 Dalam
 * Perhatian Khusus, 3 Kurang Lancar, 4 Diragukan, 5 Macet.
 */
export type QualityRuleName = 'bank' | 'lkm';
/** An institution that has not chosen uses the bank rule (DOMAIN.md: POJK 40/2019 is the default). */
export const DEFAULT_QUALITY_RULE: QualityRuleName = 'bank';
type Threshold = { maxDays: number; quality: number };
type DatedRule = { name: QualityRuleName; validFrom: string; source: string; thresholds: (frequency: Frequency) => Threshold[] };

export const QUALITY_RULES: readonly DatedRule[] = [
  {
    name: 'bank',
    validFrom: '2019-12-16',
    source: 'POJK 40/POJK.03/2019',
    thresholds: () => [
      { maxDays: 0, quality: 1 },
      { maxDays: 90, quality: 2 },
      { maxDays: 120, quality: 3 },
      { maxDays: 180, quality: 4 },
      { maxDays: Number.POSITIVE_INFINITY, quality: 5 },
    ],
  },
  {
    // LKM: three classes by instalment type (daily ≤4 / 5–8 / >8 days; weekly in weeks; monthly ≤3 / >3–9 / >9 months).
    name: 'lkm',
    validFrom: '2015-12-31',
    source: 'POJK 62/POJK.05/2015',
    thresholds: (frequency) => {
      const unit = frequency === 'monthly' ? 30 : 7;
      const [lancar, diragukan] = frequency === 'monthly' ? [3, 9] : [4, 8];
      return [
        { maxDays: lancar * unit, quality: 1 },
        { maxDays: diragukan * unit, quality: 4 },
        { maxDays: Number.POSITIVE_INFINITY, quality: 5 },
      ];
    },
  },
];

/** The first day a rule of this name is in force; a day before it cannot be classified. */
export const ruleInForceFrom = (name: QualityRuleName): string =>
  QUALITY_RULES.filter((r) => r.name === name)
    .map((r) => r.validFrom)
    .sort()[0] as string;

export function ruleOn(name: QualityRuleName, date: string): DatedRule {
  const rule = QUALITY_RULES.filter((r) => r.name === name && r.validFrom <= date).sort((a, b) =>
    b.validFrom.localeCompare(a.validFrom),
  )[0];
  if (!rule) throw new Error(`no ${name} quality rule on ${date}`);
  return rule;
}

export function qualityClass(name: QualityRuleName, date: string, frequency: Frequency, daysPastDue: number): number {
  const thresholds = ruleOn(name, date).thresholds(frequency);
  return (thresholds.find((t) => daysPastDue <= t.maxDays) as Threshold).quality;
}

/** Provision (PPAP) per class in per mille of outstanding principal (after POJK 33/2018 for BPR). */
export const PROVISION_PER_MILLE: Readonly<Record<number, number>> = { 1: 5, 2: 30, 3: 100, 4: 500, 5: 1000 };
