import { describe, expect, it } from 'vitest';
import { aidHealthFactsOf, deliveryDateOf, expectedDeliveryOf, type ProfileFacts, profileErrors } from './profile.rules.ts';

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

describe('what social assistance reads of a profile', () => {
  const profile = { pregnant: false, last_menstrual_period: null, expected_delivery: null, disability: 'none' };
  it('no profile: neither pregnancy nor disability is recorded', () => {
    expect(aidHealthFactsOf(undefined, TODAY)).toEqual({ pregnant: null, disability: null });
  });
  it('pregnant on the day: after the last period, not after the expected delivery', () => {
    const p = { ...profile, pregnant: true, last_menstrual_period: '2026-01-10', expected_delivery: '2026-10-17' };
    expect(aidHealthFactsOf(p, TODAY).pregnant).toBe(true);
    expect(aidHealthFactsOf(p, '2026-10-17').pregnant).toBe(true);
    expect(aidHealthFactsOf(p, '2026-10-18').pregnant).toBe(false);
    expect(aidHealthFactsOf(p, '2026-01-09').pregnant).toBe(false);
    expect(aidHealthFactsOf({ ...profile, pregnant: true }, TODAY).pregnant).toBe(true);
    expect(aidHealthFactsOf(profile, TODAY).pregnant).toBe(false);
  });
  it('disability: none is none, multiple is severe, a single kind has no recorded severity', () => {
    expect(aidHealthFactsOf(profile, TODAY).disability).toBe('none');
    expect(aidHealthFactsOf({ ...profile, disability: 'multiple' }, TODAY).disability).toBe('severe');
    for (const kind of ['physical', 'sensory', 'intellectual', 'mental'])
      expect(aidHealthFactsOf({ ...profile, disability: kind }, TODAY).disability).toBeNull();
  });
});
