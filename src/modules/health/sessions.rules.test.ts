import { describe, expect, it } from 'vitest';
import { attendanceRate, memberOn } from './sessions.rules.ts';

describe('attendance rate', () => {
  it('divides sessions attended by sessions held for the person, three decimals half up', () => {
    expect(attendanceRate(new Set(['a', 'b']), new Set(['a', 'b', 'c']))).toEqual({ attended: 2, held: 3, rate: '0.667' });
    expect(attendanceRate(new Set(['a']), new Set(['a', 'b', 'c']))).toEqual({ attended: 1, held: 3, rate: '0.333' });
    expect(attendanceRate(new Set(['a']), new Set(['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h']))).toEqual({
      attended: 1,
      held: 8,
      rate: '0.125',
    });
    expect(attendanceRate(new Set(['a']), new Set(['a', ...'bcdefghijklmnop']))).toEqual({ attended: 1, held: 16, rate: '0.063' });
  });
  it('counts an open session attended on both sides and answers null when nothing was held', () => {
    expect(attendanceRate(new Set(['open']), new Set(['g1']))).toEqual({ attended: 1, held: 2, rate: '0.500' });
    expect(attendanceRate(new Set(['open']), new Set())).toEqual({ attended: 1, held: 1, rate: '1.000' });
    expect(attendanceRate(new Set(), new Set())).toEqual({ attended: 0, held: 0, rate: null });
  });
  it('counts members who had joined by the day and not yet left', () => {
    expect(memberOn({ joinedOn: '2026-01-10', leftOn: null }, '2026-01-10')).toBe(true);
    expect(memberOn({ joinedOn: '2026-01-11', leftOn: null }, '2026-01-10')).toBe(false);
    expect(memberOn({ joinedOn: '2025-01-01', leftOn: '2026-01-10' }, '2026-01-10')).toBe(false);
    expect(memberOn({ joinedOn: '2025-01-01', leftOn: '2026-01-11' }, '2026-01-10')).toBe(true);
  });
});
