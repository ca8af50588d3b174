import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ageOn, recruitProblems } from './recruit.rules.ts';

describe('who may be a cadre', () => {
  it('counts whole years, the birthday itself included', () => {
    expect(ageOn('2008-11-24', '2026-11-23')).toBe(17);
    expect(ageOn('2008-11-24', '2026-11-24')).toBe(18);
    expect(ageOn('2008-02-29', '2026-02-28')).toBe(17);
    expect(ageOn('2008-02-29', '2026-03-01')).toBe(18);
  });

  it('refuses a child, a person who has died and a letter dated ahead, each on its field', () => {
    expect(recruitProblems({ birthDate: '2016-11-05', diedOn: null }, '2026-11-01', '2026-11-23')).toEqual([
      { field: 'personId', code: 'cadres.person_too_young', params: { age: 18 } },
    ]);
    expect(recruitProblems({ birthDate: '1980-01-01', diedOn: '2025-05-05' }, '2026-11-01', '2026-11-23')).toEqual([
      { field: 'personId', code: 'cadres.person_died' },
    ]);
    expect(recruitProblems({ birthDate: '1980-01-01', diedOn: null }, '2026-11-24', '2026-11-23')).toEqual([
      { field: 'letterDate', code: 'cadres.letter_date_future' },
    ]);
    expect(recruitProblems({ birthDate: '2008-11-23', diedOn: null }, '2026-11-23', '2026-11-23')).toEqual([]);
  });

  it('an age is never negative and grows by one a year', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('1930-01-01'), max: new Date('2020-12-31'), noInvalidDate: true }),
        fc.integer({ min: 0, max: 80 }),
        (birth, years) => {
          const b = birth.toISOString().slice(0, 10);
          const day = `${String(Number(b.slice(0, 4)) + years).padStart(4, '0')}-12-31`;
          expect(ageOn(b, day)).toBe(years);
        },
      ),
    );
  });
});
