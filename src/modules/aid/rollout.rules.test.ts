import { describe, expect, it } from 'vitest';
import { percentPaid, progressRows, regionOverlapsScope } from './rollout.rules.ts';

const c = (eligible: number, enrolled: number, entitled: number, paid: number, failed: number) => ({
  eligible,
  enrolled,
  entitled,
  paid,
  failed,
});

describe('rollout progress rows', () => {
  it('percent paid: one decimal, half up; nothing entitled is 0', () => {
    expect(percentPaid(22, 23)).toBe(95.7);
    expect(percentPaid(1, 8)).toBe(12.5);
    expect(percentPaid(1, 3)).toBe(33.3);
    expect(percentPaid(2, 3)).toBe(66.7);
    expect(percentPaid(5, 5)).toBe(100);
    expect(percentPaid(0, 0)).toBe(0);
  });

  it('priority regions first (holding or lying in one), then by code; a priority region with nothing counted shows as 0', () => {
    const counts = new Map([
      ['32.04', c(10, 4, 4, 3, 1)],
      ['34.71', c(30, 24, 20, 19, 1)],
      ['11.01', c(2, 0, 0, 0, 0)],
    ]);
    const { rows, totals } = progressRows({
      counts,
      prefix: 5,
      parent: null,
      priorityRegions: ['34.71.01', '35.78'],
      scope: { kind: 'all' },
    });
    expect(rows.map((r) => [r.regionCode, r.priority])).toEqual([
      ['34.71', true],
      ['35.78', true],
      ['11.01', false],
      ['32.04', false],
    ]);
    expect(rows[1]).toEqual({ regionCode: '35.78', priority: true, ...c(0, 0, 0, 0, 0), percentPaid: 0 });
    expect(rows[0]?.percentPaid).toBe(95);
    expect(totals).toEqual({ ...c(42, 28, 24, 22, 2), percentPaid: 91.7 });
  });

  it('priority rows only within the parent and the caller’s regions', () => {
    const scope = { kind: 'regions' as const, regionCodes: ['34.71'], officeIds: [] };
    const rows = progressRows({ counts: new Map(), prefix: 5, parent: null, priorityRegions: ['32.04', '34.71'], scope }).rows;
    expect(rows.map((r) => r.regionCode)).toEqual(['34.71']);
    const under = progressRows({
      counts: new Map(),
      prefix: 8,
      parent: '34.71',
      priorityRegions: ['34.71.01', '34.02.01'],
      scope: { kind: 'all' },
    });
    expect(under.rows.map((r) => r.regionCode)).toEqual(['34.71.01']);
  });

  it('a region overlaps a scope when it is in it or holds part of it', () => {
    const scope = { kind: 'regions' as const, regionCodes: ['34.71'], officeIds: [] };
    expect(regionOverlapsScope(scope, '34')).toBe(true);
    expect(regionOverlapsScope(scope, '34.71.01.1001')).toBe(true);
    expect(regionOverlapsScope(scope, '34.02')).toBe(false);
    expect(regionOverlapsScope(scope, '3')).toBe(false);
    expect(regionOverlapsScope({ kind: 'all' }, '99')).toBe(true);
  });
});
