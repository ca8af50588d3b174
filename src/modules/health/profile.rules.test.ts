import { describe, expect, it } from 'vitest';
import { deliveryDateOf, expectedDeliveryOf, type ProfileFacts, profileErrors } from './profile.rules.ts';

const TODAY = '2026-03-15';
const woman: { sex: 'M' | 'F'; birthDate: string } = { sex: 'F', birthDate: '1990-01-01' };
const base: ProfileFacts = {
  pregnant: false,
  lastMenstrualPeriod: null,
  expectedDelivery: null,
  pregnancies: null,
  kbMethod: null,
  conditions: [],
};
const codes = (input: Partial<ProfileFacts>, person = woman) =>
  profileErrors({ ...base, ...input }, person, TODAY).map((e) => `${e.field}:${e.code}`);

describe("Naegele's rule", () => {
  it('expected delivery = last menstrual period + 280 days, across a leap day', () => {
    expect(expectedDeliveryOf('2025-06-01')).toBe('2026-03-08');
    expect(expectedDeliveryOf('2024-01-01')).toBe('2024-10-07');
    expect(expectedDeliveryOf('2023-01-01')).toBe('2023-10-08');
  });
  it('kept only while pregnant; a typed date wins', () => {
    expect(deliveryDateOf({ pregnant: true, lastMenstrualPeriod: '2025-06-01', expectedDelivery: null })).toBe('2026-03-08');
    expect(deliveryDateOf({ pregnant: true, lastMenstrualPeriod: '2025-06-01', expectedDelivery: '2026-03-10' })).toBe('2026-03-10');
    expect(deliveryDateOf({ pregnant: false, lastMenstrualPeriod: '2025-06-01', expectedDelivery: null })).toBeNull();
  });
});

describe('impossible profiles', () => {
  it('accepts a pregnancy of 20 weeks', () => {
    expect(codes({ pregnant: true, lastMenstrualPeriod: '2025-10-26', pregnancies: 2 })).toEqual([]);
  });
  it('refuses a pregnant man', () => {
    expect(codes({ pregnant: true }, { sex: 'M', birthDate: '1990-01-01' })).toEqual(['pregnant:health.pregnant_male']);
  });
  it('refuses a last period in the future, before birth, or more than 44 weeks ago while pregnant', () => {
    expect(codes({ lastMenstrualPeriod: '2026-03-16' })).toEqual(['lastMenstrualPeriod:health.lmp_in_future']);
    expect(codes({ lastMenstrualPeriod: '1989-12-31' })).toEqual(['lastMenstrualPeriod:health.date_before_birth']);
    expect(codes({ pregnant: true, lastMenstrualPeriod: '2025-05-10', pregnancies: 1 })).toEqual([
      'lastMenstrualPeriod:health.lmp_too_old',
    ]);
    expect(codes({ lastMenstrualPeriod: '2025-05-10' })).toEqual([]);
  });
  it('refuses a delivery on or before the last period, or without a pregnancy', () => {
    expect(codes({ pregnant: true, lastMenstrualPeriod: '2026-01-01', expectedDelivery: '2026-01-01' })).toEqual([
      'expectedDelivery:health.edd_before_lmp',
    ]);
    expect(codes({ expectedDelivery: '2026-09-01' })).toEqual(['expectedDelivery:health.edd_without_pregnancy']);
  });
  it('refuses pregnant with no pregnancies, a method that does not fit the sex, a condition since a future day', () => {
    expect(codes({ pregnant: true, pregnancies: 0 })).toEqual(['pregnancies:health.pregnancies_too_few']);
    expect(codes({ kbMethod: 'vasectomy' })).toEqual(['kbMethod:health.kb_method_sex']);
    expect(codes({ kbMethod: 'tubectomy' }, { sex: 'M', birthDate: '1980-01-01' })).toEqual(['kbMethod:health.kb_method_sex']);
    expect(codes({ conditions: [{ code: 'hipertensi', since: '2026-04-01' }] })).toEqual(['conditions.0.since:health.date_in_future']);
  });
});
