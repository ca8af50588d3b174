import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ageOn } from './encounters.rules.ts';
import { birthRangeForAges, familyUrgency, recallStatus } from './field.rules.ts';

describe('what a health worker acts on in the field', () => {
  it.each([
    // next due, today → status
    ['2026-03-09', '2026-03-10', 'overdue'],
    ['2026-03-10', '2026-03-10', 'due'],
    ['2026-04-09', '2026-03-10', 'due'],
    ['2026-04-10', '2026-03-10', null],
    ['2029-03-10', '2026-03-10', null],
  ])('a recall due on %s is %s on %s', (nextDueOn, today, status) => {
    expect(recallStatus(nextDueOn, today)).toBe(status);
  });

  it('finds the birth dates of women aged 30 to 50', () => {
    expect(birthRangeForAges('2026-03-10', 30, 50)).toEqual({ bornAfter: '1975-03-10', bornUntil: '1996-03-10' });
    // A leap-day anchor: a year back from 29 February is 28 February.
    expect(birthRangeForAges('2028-02-29', 30, 50)).toEqual({ bornAfter: '1977-02-28', bornUntil: '1998-02-28' });
  });

  it.each([
    ['1996-03-10', '2026-03-10', 30],
    ['1996-03-11', '2026-03-10', 29],
    ['1975-03-11', '2026-03-10', 50],
    ['1975-03-10', '2026-03-10', 51],
    ['1996-02-29', '2026-02-28', 29],
    ['1996-02-29', '2026-03-01', 30],
    ['1996-02-29', '2028-02-29', 32],
  ])('someone born %s is %i on %s', (birthDate, today, age) => {
    expect(ageOn(birthDate, today)).toBe(age);
  });

  it('agrees with the birth range: aged 30–50 exactly when born in it', () => {
    const day = fc.integer({ min: 0, max: 40_000 }).map((n) => new Date(Date.UTC(1950, 0, 1) + n * 86_400_000).toISOString().slice(0, 10));
    fc.assert(
      fc.property(day, day, (birthDate, today) => {
        const { bornAfter, bornUntil } = birthRangeForAges(today, 30, 50);
        const age = ageOn(birthDate, today);
        expect(birthDate > bornAfter && birthDate <= bornUntil).toBe(age >= 30 && age <= 50);
      }),
    );
  });

  it('orders families by their most urgent member, one more per further member with something to do', () => {
    const today = '2026-03-10';
    expect(familyUrgency([{ recall: { status: 'overdue' } }, { conditions: ['hipertensi'] }], today)).toBe(51);
    expect(familyUrgency([{ illness: { status: 'ill' } }], today)).toBe(40);
    expect(familyUrgency([{ pregnancy: { expectedDelivery: '2026-04-07' } }], today)).toBe(35);
    expect(familyUrgency([{ pregnancy: { expectedDelivery: '2026-04-08' } }], today)).toBe(15);
    expect(familyUrgency([{ recall: { status: 'due' } }, {}, { conditions: [] }], today)).toBe(20);
    expect(familyUrgency([{}], today)).toBe(0);
  });
});
