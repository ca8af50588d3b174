import { describe, expect, it } from 'vitest';
import {
  activityCounts,
  advanceProblem,
  canEvaluate,
  isExpiring,
  meanScore,
  missingToLeave,
  nextStep,
  outcomeWindows,
  resourceTotals,
  STEPS,
  type StepFacts,
} from './partnership.rules.ts';

const complete: StepFacts = {
  partners: 2,
  partnersWithoutRole: 0,
  explorationNotes: 'Puskesmas dan PT Sari Husada sama-sama peduli gizi balita',
  vision: 'Balita sehat',
  goals: 'Stunting turun',
  communications: 1,
  activitiesCarriedOut: 1,
};

describe('the six steps of a partnership', () => {
  it('follow the seed’s order', () => {
    expect(STEPS).toEqual([
      'penjajakan',
      'penyamaan_persepsi',
      'pengaturan_peran',
      'komunikasi_intensif',
      'melaksanakan_kegiatan',
      'pemantauan_penilaian',
    ]);
    expect(nextStep('penjajakan')).toBe('penyamaan_persepsi');
    expect(nextStep('pemantauan_penilaian')).toBeNull();
  });

  it('move one step at a time, never skipping, never back', () => {
    expect(advanceProblem('penjajakan', 'penyamaan_persepsi', complete)).toBeNull();
    expect(advanceProblem('penjajakan', 'pengaturan_peran', complete)).toBe('partnerships.step_out_of_order');
    expect(advanceProblem('komunikasi_intensif', 'pengaturan_peran', complete)).toBe('partnerships.step_out_of_order');
    expect(advanceProblem('komunikasi_intensif', 'komunikasi_intensif', complete)).toBe('partnerships.step_out_of_order');
    expect(advanceProblem('pemantauan_penilaian', 'penjajakan', complete)).toBe('partnerships.last_step');
    // A complete partnership walks all six.
    for (let i = 0; i < STEPS.length - 1; i++) expect(advanceProblem(STEPS[i] as never, STEPS[i + 1] as never, complete)).toBeNull();
  });

  it.each([
    ['penjajakan', { explorationNotes: '  ' }, 'partnerships.exploration_notes_required'],
    ['penjajakan', { partners: 0, partnersWithoutRole: 0 }, 'partnerships.partner_required'],
    ['penyamaan_persepsi', { vision: '' }, 'partnerships.vision_required'],
    ['penyamaan_persepsi', { goals: '' }, 'partnerships.vision_required'],
    ['pengaturan_peran', { partnersWithoutRole: 1 }, 'partnerships.roles_incomplete'],
    ['pengaturan_peran', { partners: 0, partnersWithoutRole: 0 }, 'partnerships.roles_incomplete'],
    ['komunikasi_intensif', { communications: 0 }, 'partnerships.communication_required'],
    ['melaksanakan_kegiatan', { activitiesCarriedOut: 0 }, 'partnerships.activity_required'],
  ] as const)('%s cannot be left without what it records (%o → %s)', (step, missing, code) => {
    const facts = { ...complete, ...missing };
    expect(missingToLeave(step, facts)).toContain(code);
    expect(advanceProblem(step, nextStep(step) as never, facts)).toBe(code);
    expect(missingToLeave(step, complete)).toEqual([]);
  });

  it('assesses the principles only at monitoring and evaluation', () => {
    expect(STEPS.filter(canEvaluate)).toEqual(['pemantauan_penilaian']);
  });
});

describe('outcome windows', () => {
  it('compare the twelve months before the start with the start to today', () => {
    expect(outcomeWindows('2026-03-01', '2026-11-15')).toEqual({
      before: { from: '2025-03-01', to: '2026-02-28' },
      after: { from: '2026-03-01', to: '2026-11-15' },
    });
    expect(outcomeWindows('2024-02-29', '2024-02-29').before).toEqual({ from: '2023-02-28', to: '2024-02-28' });
  });
  it('have no "after" for a partnership that has not started', () => {
    expect(outcomeWindows('2027-01-01', '2026-12-31').after).toBeNull();
  });
});

describe('agreements expiring', () => {
  it('are those ending from today to 90 days ahead', () => {
    expect(isExpiring('2026-11-15', '2026-11-15')).toBe(true);
    expect(isExpiring('2027-02-13', '2026-11-15')).toBe(true); // day 90
    expect(isExpiring('2027-02-14', '2026-11-15')).toBe(false); // day 91
    expect(isExpiring('2026-11-14', '2026-11-15')).toBe(false); // ended yesterday
  });
});

describe('M&E figures', () => {
  it('sum money in exact rupiah and count the other resources', () => {
    const totals = resourceTotals([
      { kind: 'money', amount: '9007199254740993', quantity: null },
      { kind: 'money', amount: '2500000', quantity: null },
      { kind: 'goods', amount: null, quantity: 40 },
      { kind: 'goods', amount: null, quantity: null },
      { kind: 'people', amount: null, quantity: 3 },
    ]);
    expect(totals).toEqual({
      money: '9007199257240993',
      goods: { items: 2, quantity: 40 },
      people: { items: 1, quantity: 3 },
      facilities: { items: 0, quantity: 0 },
    });
  });

  it('count activities held by kind, those still planned apart', () => {
    const counts = activityCounts(
      [
        { kind: 'meeting', heldOn: '2026-01-10' },
        { kind: 'meeting', heldOn: '2026-11-15' },
        { kind: 'workshop', heldOn: '2026-02-01' },
        { kind: 'joint_programme', heldOn: '2026-03-01' },
        { kind: 'seminar', heldOn: '2026-12-01' },
      ],
      '2026-11-15',
    );
    expect(counts).toEqual({ meeting: 2, workshop: 1, agreement: 0, seminar: 0, joint_programme: 1, carriedOut: 4, planned: 1 });
  });

  it('average principle scores to one decimal, half up', () => {
    expect(meanScore([])).toBeNull();
    expect(meanScore([4, 5])).toBe('4.5');
    expect(meanScore([3, 4, 4])).toBe('3.7');
    expect(meanScore([1, 1, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 3])).toBe('2.0');
    expect(meanScore([2, 3, 3, 3])).toBe('2.8'); // 2.75 half up
  });
});
