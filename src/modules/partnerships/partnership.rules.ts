/**
 * Partnerships for health promotion (kemitraan, seed 004): the six steps in their order, what each
 * step must have recorded before the next begins, the windows an outcome compares, and the M&E
 * counts. Pure: `today` is a parameter, so the browser shows the same answers.
 */
import { addDays, addMonthsKeepingDay, daysBetween } from '../../core/dates.ts';
import type { ErrorCode } from '../../core/errors.ts';
import { formatMinor, ratio, roundRatio, sumRupiah } from '../../core/money.ts';

/** Kerangka berpikir/langkah kemitraan, in order. */
export const STEPS = [
  'penjajakan',
  'penyamaan_persepsi',
  'pengaturan_peran',
  'komunikasi_intensif',
  'melaksanakan_kegiatan',
  'pemantauan_penilaian',
] as const;
export type Step = (typeof STEPS)[number];

/** Kerangka konsep: unsur pemerintah, dunia usaha, organisasi non pemerintah. */
export const PARTNER_KINDS = ['government', 'business', 'non_government'] as const;
/** Pilar: lintas program (health), lintas sektor (government), kemitraan yang lebih luas. */
export const PILLARS = ['health_programme', 'government_sector', 'wider'] as const;
/** The wider pillar's elements: dunia usaha, LSM dan organisasi massa, organisasi profesi. */
export const WIDER_ELEMENTS = ['business', 'ngo_mass_organisation', 'professional_organisation'] as const;
export const RESOURCE_KINDS = ['money', 'goods', 'people', 'facilities'] as const;
/** Process (pertemuan, lokakarya, kesepakatan bersama, seminar) and output (joint programmes). */
export const ACTIVITY_KINDS = ['meeting', 'workshop', 'agreement', 'seminar', 'joint_programme'] as const;
export const CHANNELS = ['meeting', 'phone', 'letter', 'email', 'message', 'visit'] as const;
/** Prinsip kemitraan: equity (kesetaraan), transparency (keterbukaan), mutual benefit (manfaat bersama). */
export const PRINCIPLES = ['equity', 'transparency', 'mutualBenefit'] as const;

export type PartnerKind = (typeof PARTNER_KINDS)[number];
export type Pillar = (typeof PILLARS)[number];
export type WiderElement = (typeof WIDER_ELEMENTS)[number];
export type ResourceKind = (typeof RESOURCE_KINDS)[number];
export type ActivityKind = (typeof ACTIVITY_KINDS)[number];
export type Channel = (typeof CHANNELS)[number];

/** Agreements ending within this many days are listed for a reminder. */
export const EXPIRY_WINDOW_DAYS = 90;
/** The outcome "before" a partnership covers this many months before it started. */
export const BEFORE_MONTHS = 12;

export const stepIndex = (step: Step) => STEPS.indexOf(step);
export const nextStep = (step: Step): Step | null => STEPS[stepIndex(step) + 1] ?? null;

/** What has been recorded of a partnership, as the step rules need it. */
export type StepFacts = {
  partners: number;
  /** Partners in the roles matrix with no responsibility written. */
  partnersWithoutRole: number;
  explorationNotes: string;
  vision: string;
  goals: string;
  communications: number;
  /** Activities held on or before today. */
  activitiesCarriedOut: number;
};

/** What a step must have recorded before the partnership leaves it (empty: it may move on). */
export function missingToLeave(step: Step, facts: StepFacts): ErrorCode[] {
  const missing: ErrorCode[] = [];
  switch (step) {
    case 'penjajakan':
      if (facts.explorationNotes.trim() === '') missing.push('partnerships.exploration_notes_required');
      if (facts.partners === 0) missing.push('partnerships.partner_required');
      break;
    case 'penyamaan_persepsi':
      if (facts.vision.trim() === '' || facts.goals.trim() === '') missing.push('partnerships.vision_required');
      break;
    case 'pengaturan_peran':
      if (facts.partners === 0 || facts.partnersWithoutRole > 0) missing.push('partnerships.roles_incomplete');
      break;
    case 'komunikasi_intensif':
      if (facts.communications === 0) missing.push('partnerships.communication_required');
      break;
    case 'melaksanakan_kegiatan':
      if (facts.activitiesCarriedOut === 0) missing.push('partnerships.activity_required');
      break;
    case 'pemantauan_penilaian':
      missing.push('partnerships.last_step');
      break;
  }
  return missing;
}

/**
 * Whether a partnership at `from` may move to `to`: only to the very next step (no step is skipped,
 * none is gone back to), and only once `from` has what it needs. Null when it may.
 */
export function advanceProblem(from: Step, to: Step, facts: StepFacts): ErrorCode | null {
  if (from === 'pemantauan_penilaian') return 'partnerships.last_step';
  if (nextStep(from) !== to) return 'partnerships.step_out_of_order';
  return missingToLeave(from, facts)[0] ?? null;
}

/** Evaluations (the principles scored) belong to the last step. */
export const canEvaluate = (step: Step) => step === 'pemantauan_penilaian';

/**
 * The two windows an outcome compares: the BEFORE_MONTHS months before the partnership started and
 * from its start to today. Before it has started, "after" is null.
 */
export function outcomeWindows(startedOn: string, today: string) {
  return {
    before: { from: addMonthsKeepingDay(startedOn, -BEFORE_MONTHS), to: addDays(startedOn, -1) },
    after: startedOn <= today ? { from: startedOn, to: today } : null,
  };
}

/** Days until an agreement ends (0 on its last day, negative once ended). */
export const daysLeft = (endsOn: string, today: string) => daysBetween(today, endsOn);

/** Ends today or within the window ahead (an agreement already ended is not "expiring"). */
export const isExpiring = (endsOn: string, today: string, days = EXPIRY_WINDOW_DAYS) => {
  const left = daysLeft(endsOn, today);
  return left >= 0 && left <= days;
};

/** Mean of 1–5 scores with one decimal, half up (e.g. 37 tenths shown as "3,7"); null for none. */
export function meanScore(scores: readonly number[]): string | null {
  if (scores.length === 0) return null;
  const total = scores.reduce((a, b) => a + b, 0);
  return formatMinor(roundRatio(ratio(BigInt(total) * 10n, BigInt(scores.length)), 'half-up'), 1);
}

export type Resource = { kind: ResourceKind; amount: string | null; quantity: number | null };

/** Resources by kind: money summed in rupiah, the others counted in rows and summed quantities. */
export function resourceTotals(resources: readonly Resource[]) {
  const of = (kind: ResourceKind) => resources.filter((r) => r.kind === kind);
  const count = (kind: ResourceKind) => ({
    items: of(kind).length,
    quantity: of(kind).reduce((sum, r) => sum + (r.quantity ?? 0), 0),
  });
  return {
    money: sumRupiah(of('money').map((r) => r.amount ?? '0')).toString(),
    goods: count('goods'),
    people: count('people'),
    facilities: count('facilities'),
  };
}

/** Activities by kind, those held on or before today only (a planned one is not yet process). */
export function activityCounts(activities: readonly { kind: ActivityKind; heldOn: string }[], today: string) {
  const counts = Object.fromEntries(ACTIVITY_KINDS.map((k) => [k, 0])) as Record<ActivityKind, number>;
  let planned = 0;
  for (const a of activities) {
    if (a.heldOn > today) planned += 1;
    else counts[a.kind] += 1;
  }
  const carriedOut = ACTIVITY_KINDS.reduce((sum, k) => sum + counts[k], 0);
  return { ...counts, carriedOut, planned };
}
