import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ageOn,
  bloodPressureFlag,
  bmiCategory,
  bmiTenths,
  canonicalIcd10,
  checkVitals,
  findIcd10,
  glucoseFlag,
  ICD10_CODE,
  referralAddressee,
  searchIcd10,
  temperatureFlag,
  VITAL_RANGES,
  vitalFlags,
} from './encounters.rules.ts';
import { ICD10 } from './icd10.data.ts';

describe('vital sign ranges', () => {
  it.each([
    ['systolic', 60, 260, 59, 261],
    ['diastolic', 30, 160, 29, 161],
    ['weightKg', 0.5, 300, 0.4, 300.1],
    ['heightCm', 30, 250, 29.9, 250.1],
    ['temperatureC', 30, 45, 29.9, 45.1],
    ['glucoseMgDl', 20, 800, 19, 801],
  ] as const)('%s: accepts %s and %s, refuses %s and %s naming the unit and range', (field, min, max, below, above) => {
    expect(checkVitals({ [field]: min })).toEqual([]);
    expect(checkVitals({ [field]: max })).toEqual([]);
    const { unit } = VITAL_RANGES[field];
    for (const value of [below, above])
      expect(checkVitals({ [field]: value })).toEqual([{ field, code: 'health.vital_out_of_range', params: { min, max, unit } }]);
  });

  it('keeps one decimal for weight, height and temperature, none for pressures and glucose', () => {
    expect(checkVitals({ weightKg: 65.5, heightCm: 155.5, temperatureC: 36.6 })).toEqual([]);
    expect(checkVitals({ weightKg: 65.25 })).toEqual([
      { field: 'weightKg', code: 'health.vital_decimals', params: { decimals: 1, unit: 'kg' } },
    ]);
    expect(checkVitals({ temperatureC: 37.55 })).toEqual([
      { field: 'temperatureC', code: 'health.vital_decimals', params: { decimals: 1, unit: '°C' } },
    ]);
    expect(checkVitals({ systolic: 120.5 })).toEqual([
      { field: 'systolic', code: 'health.vital_decimals', params: { decimals: 0, unit: 'mmHg' } },
    ]);
    expect(checkVitals({ glucoseMgDl: 110.1 })[0]?.field).toBe('glucoseMgDl');
  });

  it('wants the diastolic below the systolic', () => {
    expect(checkVitals({ systolic: 120, diastolic: 119 })).toEqual([]);
    expect(checkVitals({ systolic: 120, diastolic: 120 })).toEqual([
      { field: 'diastolic', code: 'health.diastolic_not_below_systolic', params: { systolic: 120, unit: 'mmHg' } },
    ]);
    // Out of range already: one problem, not two.
    expect(checkVitals({ systolic: 50, diastolic: 80 })).toHaveLength(1);
  });

  it('ignores what was not measured and refuses what is not a number', () => {
    expect(checkVitals({})).toEqual([]);
    expect(checkVitals({ systolic: null, weightKg: undefined })).toEqual([]);
    expect(checkVitals({ temperatureC: Number.NaN })[0]?.code).toBe('health.vital_out_of_range');
    expect(checkVitals({ temperatureC: Number.POSITIVE_INFINITY })[0]?.code).toBe('health.vital_out_of_range');
  });

  it('accepts every whole value in range and refuses every one outside (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -1000, max: 2000 }),
        (value) => (checkVitals({ glucoseMgDl: value }).length === 0) === (value >= 20 && value <= 800),
      ),
    );
  });
});

describe('flags for the screen', () => {
  it('blood pressure: high from 140 systolic or 90 diastolic, crisis from 180/120, low under 90/60', () => {
    expect(bloodPressureFlag(139, 89)).toBe('normal');
    expect(bloodPressureFlag(140, 80)).toBe('high');
    expect(bloodPressureFlag(130, 90)).toBe('high');
    expect(bloodPressureFlag(179, 119)).toBe('high');
    expect(bloodPressureFlag(180, 100)).toBe('crisis');
    expect(bloodPressureFlag(150, 120)).toBe('crisis');
    expect(bloodPressureFlag(90, 60)).toBe('normal');
    expect(bloodPressureFlag(89, 60)).toBe('low');
    expect(bloodPressureFlag(100, 59)).toBe('low');
  });

  it('temperature: fever from 37.5 °C, hypothermia under 35.0 °C', () => {
    expect(temperatureFlag(37.4)).toBe('normal');
    expect(temperatureFlag(37.5)).toBe('fever');
    expect(temperatureFlag(35)).toBe('normal');
    expect(temperatureFlag(34.9)).toBe('hypothermia');
  });

  it('glucose: high from 200 mg/dL, low under 70', () => {
    expect(glucoseFlag(199)).toBe('normal');
    expect(glucoseFlag(200)).toBe('high');
    expect(glucoseFlag(70)).toBe('normal');
    expect(glucoseFlag(69)).toBe('low');
  });

  it('BMI to one decimal, exactly: 60 kg at 155 cm is 25.0; 70.5 kg at 160.5 cm is 27.4', () => {
    expect(bmiTenths(60, 155)).toBe(250); // 24.973 → 25.0
    expect(bmiTenths(70.5, 160.5)).toBe(274); // 27.368… → 27.4
    expect(bmiTenths(50, 170)).toBe(173); // 17.301
    expect(bmiTenths(45, 163)).toBe(169); // 16.937
    // Half up: 72.2 kg at 190 cm is 20.0 exactly; 46.1 kg at 165 cm is 16.933…
    expect(bmiTenths(72.2, 190)).toBe(200);
  });

  it('BMI categories by the Kemenkes cut-offs on the rounded value', () => {
    expect(bmiCategory(169)).toBe('severely_thin');
    expect(bmiCategory(170)).toBe('thin');
    expect(bmiCategory(184)).toBe('thin');
    expect(bmiCategory(185)).toBe('normal');
    expect(bmiCategory(250)).toBe('normal');
    expect(bmiCategory(251)).toBe('overweight');
    expect(bmiCategory(270)).toBe('overweight');
    expect(bmiCategory(271)).toBe('obese');
  });

  it('gives the category to adults only and flags only what was measured', () => {
    const vitals = { systolic: 150, diastolic: 95, weightKg: 60, heightCm: 155, temperatureC: 37.8, glucoseMgDl: 210 };
    expect(vitalFlags(vitals, 45)).toEqual({
      bloodPressure: 'high',
      temperature: 'fever',
      glucose: 'high',
      bmi: { value: '25.0', category: 'normal' },
    });
    expect(vitalFlags({ weightKg: 20, heightCm: 115 }, 7)).toEqual({
      bloodPressure: null,
      temperature: null,
      glucose: null,
      bmi: { value: '15.1', category: null },
    });
    expect(vitalFlags({}, 30)).toEqual({ bloodPressure: null, temperature: null, glucose: null, bmi: null });
  });

  it('counts age in whole years, a birthday reached on its day', () => {
    expect(ageOn('1980-06-15', '2026-06-14')).toBe(45);
    expect(ageOn('1980-06-15', '2026-06-15')).toBe(46);
    expect(ageOn('2008-02-29', '2026-02-28')).toBe(17);
    expect(ageOn('2008-02-29', '2026-03-01')).toBe(18);
  });
});

describe('the curated ICD-10 list', () => {
  it('holds well-formed, unique codes in code order with both names', () => {
    expect(ICD10.length).toBeGreaterThanOrEqual(150);
    const codes = ICD10.map((e) => e.code);
    expect(new Set(codes).size).toBe(codes.length);
    expect([...codes].sort()).toEqual(codes);
    for (const entry of ICD10) {
      expect(entry.code).toMatch(ICD10_CODE);
      expect(entry.id.length).toBeGreaterThan(2);
      expect(entry.en.length).toBeGreaterThan(2);
    }
    for (const code of ['I10', 'E11.9', 'A09', 'J06.9', 'K30', 'M79.1', 'A15.0', 'F20.9', 'O80.0', 'Z01.4'])
      expect(findIcd10(ICD10, code)?.code).toBe(code);
    expect(findIcd10(ICD10, 'I10')?.id).toBe('Hipertensi esensial (primer)');
  });

  it('finds a code in any case, with or without its dot', () => {
    expect(canonicalIcd10(' e119 ')).toBe('E11.9');
    expect(canonicalIcd10('i10')).toBe('I10');
    expect(findIcd10(ICD10, 'e11.9')?.code).toBe('E11.9');
    expect(findIcd10(ICD10, 'E119')?.code).toBe('E11.9');
    expect(findIcd10(ICD10, 'E11.8')).toBeUndefined();
  });

  it('searches by code prefix first, then by Indonesian or English name, ignoring case and diacritics', () => {
    expect(searchIcd10(ICD10, 'e11').map((e) => e.code)).toEqual(['E11.4', 'E11.5', 'E11.9']);
    expect(searchIcd10(ICD10, 'E11.').map((e) => e.code)).toEqual(['E11.4', 'E11.5', 'E11.9']);
    expect(searchIcd10(ICD10, 'hipertensi').map((e) => e.code)).toEqual(['I10', 'I11.9', 'O13']);
    expect(searchIcd10(ICD10, 'HYPERTENSION').map((e) => e.code)).toContain('I10');
    expect(searchIcd10(ICD10, 'skizofrénia').map((e) => e.code)).toEqual(['F20.9']);
    expect(searchIcd10(ICD10, 'diabetes tipe 2').map((e) => e.code)).toEqual(['E11.4', 'E11.5', 'E11.9']);
    expect(searchIcd10(ICD10, 'zzz')).toEqual([]);
  });

  it('answers at most 20', () => {
    expect(searchIcd10(ICD10, 'a')).toHaveLength(20);
    expect(searchIcd10(ICD10, '')).toHaveLength(20);
  });
});

describe('the referral’s addressee', () => {
  it('keeps a name that says its kind, and puts the kind before a bare name', () => {
    expect(referralAddressee('puskesmas', 'Puskesmas Tegalrejo', 'Puskesmas')).toBe('Puskesmas Tegalrejo');
    expect(referralAddressee('puskesmas', 'Tegalrejo', 'Puskesmas')).toBe('Puskesmas Tegalrejo');
    expect(referralAddressee('hospital', 'RSUD Kota Yogyakarta', 'Rumah Sakit')).toBe('RSUD Kota Yogyakarta');
    expect(referralAddressee('hospital', 'rumah sakit Panti Rapih', 'Rumah Sakit')).toBe('rumah sakit Panti Rapih');
    expect(referralAddressee('hospital', 'Rsmart Clinic', 'Rumah Sakit')).toBe('Rumah Sakit Rsmart Clinic');
  });
});
