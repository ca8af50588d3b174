/**
 * Pure rules of an encounter: the checked ranges of vital signs, the flags a screen shows
 * beside them (blood pressure, fever, glucose, BMI by the Kemenkes categories) and the search in
 * the curated ICD-10 list. No I/O: the web app runs the same checks as the form is filled in.
 */

export type VitalField = 'systolic' | 'diastolic' | 'weightKg' | 'heightCm' | 'temperatureC' | 'glucoseMgDl';
export type Vitals = Partial<Record<VitalField, number | null>>;

/**
 * What a measurement may be, with its unit and the decimals the record keeps. The ranges take in
 * what can be measured on a living person (a 0.5 kg premature newborn, 45 °C heat stroke, a
 * glucose meter's 20–800 mg/dL) and refuse what is a typing error (1200 mmHg, 365 °C).
 */
export const VITAL_RANGES: Record<VitalField, { min: number; max: number; unit: string; decimals: 0 | 1 }> = {
  systolic: { min: 60, max: 260, unit: 'mmHg', decimals: 0 },
  diastolic: { min: 30, max: 160, unit: 'mmHg', decimals: 0 },
  weightKg: { min: 0.5, max: 300, unit: 'kg', decimals: 1 },
  heightCm: { min: 30, max: 250, unit: 'cm', decimals: 1 },
  temperatureC: { min: 30, max: 45, unit: '°C', decimals: 1 },
  glucoseMgDl: { min: 20, max: 800, unit: 'mg/dL', decimals: 0 },
};
export const VITAL_FIELDS = Object.keys(VITAL_RANGES) as VitalField[];

export type VitalProblem = {
  field: VitalField;
  code: 'health.vital_out_of_range' | 'health.vital_decimals' | 'health.diastolic_not_below_systolic';
  params: Record<string, string | number>;
};

/** Whether `value` has at most `decimals` decimal places (read from its shortest decimal text: 36.6 has one). */
const hasDecimalsAtMost = (value: number, decimals: number) => {
  const text = String(value);
  if (/e/i.test(text)) return Number.isInteger(value) && decimals >= 0 && Math.abs(value) < 1e21;
  const dot = text.indexOf('.');
  return dot === -1 || text.length - dot - 1 <= decimals;
};

/** The problems of a set of vital signs, each naming its field, unit and range; empty when all is well. */
export function checkVitals(vitals: Vitals): VitalProblem[] {
  const problems: VitalProblem[] = [];
  for (const field of VITAL_FIELDS) {
    const value = vitals[field];
    if (value === undefined || value === null) continue;
    const { min, max, unit, decimals } = VITAL_RANGES[field];
    if (!Number.isFinite(value) || value < min || value > max)
      problems.push({ field, code: 'health.vital_out_of_range', params: { min, max, unit } });
    else if (!hasDecimalsAtMost(value, decimals)) problems.push({ field, code: 'health.vital_decimals', params: { decimals, unit } });
  }
  const { systolic, diastolic } = vitals;
  if (
    typeof systolic === 'number' &&
    typeof diastolic === 'number' &&
    !problems.some((p) => p.field === 'systolic' || p.field === 'diastolic') &&
    diastolic >= systolic
  )
    problems.push({ field: 'diastolic', code: 'health.diastolic_not_below_systolic', params: { systolic, unit: 'mmHg' } });
  return problems;
}

export type BloodPressureFlag = 'low' | 'normal' | 'high' | 'crisis';
export type TemperatureFlag = 'hypothermia' | 'normal' | 'fever';
export type GlucoseFlag = 'low' | 'normal' | 'high';
/** Kemenkes (Pedoman Gizi Seimbang 2014) categories of an adult's BMI. */
export type BmiCategory = 'severely_thin' | 'thin' | 'normal' | 'overweight' | 'obese';
export type VitalFlags = {
  bloodPressure: BloodPressureFlag | null;
  temperature: TemperatureFlag | null;
  glucose: GlucoseFlag | null;
  /** BMI to one decimal (kg/m²); the category only for adults (18 and over: children are measured by z-scores). */
  bmi: { value: string; category: BmiCategory | null } | null;
};

/**
 * Blood pressure: high from 140/90 (PERHI 2019, grade 1), a crisis from 180/120; low under 90/60.
 * Either number reaching a threshold is enough.
 */
export function bloodPressureFlag(systolic: number, diastolic: number): BloodPressureFlag {
  if (systolic >= 180 || diastolic >= 120) return 'crisis';
  if (systolic >= 140 || diastolic >= 90) return 'high';
  if (systolic < 90 || diastolic < 60) return 'low';
  return 'normal';
}

/** Fever from 37.5 °C; hypothermia under 35.0 °C. */
export function temperatureFlag(celsius: number): TemperatureFlag {
  if (celsius >= 37.5) return 'fever';
  if (celsius < 35) return 'hypothermia';
  return 'normal';
}

/** A random (sewaktu) blood glucose: 200 mg/dL and over is high (diabetes with symptoms); under 70 is hypoglycaemia. */
export function glucoseFlag(mgDl: number): GlucoseFlag {
  if (mgDl >= 200) return 'high';
  if (mgDl < 70) return 'low';
  return 'normal';
}

/** Tenths of a one-decimal measurement as an exact integer (65.5 → 655). */
const tenths = (value: number) => BigInt(Math.round(value * 10));

/**
 * BMI = weight (kg) ÷ height (m)², to one decimal rounded half up, computed exactly from the
 * one-decimal measurements: 10·BMI = weight₁₀ · 10⁶ ÷ height₁₀².
 */
export function bmiTenths(weightKg: number, heightCm: number): number {
  const numerator = tenths(weightKg) * 1_000_000n;
  const denominator = tenths(heightCm) * tenths(heightCm);
  return Number((2n * numerator + denominator) / (2n * denominator));
}

/**
 * Kemenkes categories on the BMI to one decimal: < 17.0 severely thin (kurus berat), 17.0–18.4
 * thin (kurus ringan), 18.5–25.0 normal, 25.1–27.0 overweight (gemuk ringan), > 27.0 obese
 * (gemuk berat).
 */
export function bmiCategory(bmiTenthsValue: number): BmiCategory {
  if (bmiTenthsValue < 170) return 'severely_thin';
  if (bmiTenthsValue < 185) return 'thin';
  if (bmiTenthsValue <= 250) return 'normal';
  if (bmiTenthsValue <= 270) return 'overweight';
  return 'obese';
}

const formatTenths = (value: number) => `${Math.floor(value / 10)}.${value % 10}`;

/** The flags of a set of (checked) vital signs; `ageYears` decides whether the adult BMI categories apply. */
export function vitalFlags(vitals: Vitals, ageYears: number | null): VitalFlags {
  const { systolic, diastolic, temperatureC, glucoseMgDl, weightKg, heightCm } = vitals;
  const bmi = typeof weightKg === 'number' && typeof heightCm === 'number' ? bmiTenths(weightKg, heightCm) : null;
  return {
    bloodPressure: typeof systolic === 'number' && typeof diastolic === 'number' ? bloodPressureFlag(systolic, diastolic) : null,
    temperature: typeof temperatureC === 'number' ? temperatureFlag(temperatureC) : null,
    glucose: typeof glucoseMgDl === 'number' ? glucoseFlag(glucoseMgDl) : null,
    bmi: bmi === null ? null : { value: formatTenths(bmi), category: ageYears !== null && ageYears >= 18 ? bmiCategory(bmi) : null },
  };
}

/** Whole years of age on a date (a birthday on 29 February is reached on 1 March in common years). */
export function ageOn(birthDate: string, date: string): number {
  const years = Number(date.slice(0, 4)) - Number(birthDate.slice(0, 4));
  return date.slice(5) >= birthDate.slice(5) ? years : years - 1;
}

// ICD-10 ---------------------------------------------------------------------------------------

/** Lower case, no diacritics, runs of anything but letters, digits and dots as one space. */
export const foldText = (text: string) =>
  text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9.]+/g, ' ')
    .trim();

/** An entry of the curated list (icd10.data.ts): the list is handed in, as rules hold no data files. */
export type Icd10Entry = { code: string; id: string; en: string };

/** A code as the list writes it: upper case, the dot after the category (e119 → E11.9, i10 → I10). */
export function canonicalIcd10(code: string): string {
  const plain = code.trim().toUpperCase().replace('.', '');
  return plain.length > 3 ? `${plain.slice(0, 3)}.${plain.slice(3)}` : plain;
}

/** The shape of an ICD-10 code: a letter, two digits, then optionally a dot and one or two digits. */
export const ICD10_CODE = /^[A-Z]\d{2}(\.\d{1,2})?$/;

type Folded = { entry: Icd10Entry; code: string; words: string };
const foldedLists = new WeakMap<readonly Icd10Entry[], { byCode: Map<string, Icd10Entry>; folded: Folded[] }>();
function indexOf(list: readonly Icd10Entry[]) {
  let index = foldedLists.get(list);
  if (!index) {
    index = {
      byCode: new Map(list.map((entry) => [entry.code, entry])),
      folded: list.map((entry) => ({ entry, code: entry.code.replace('.', '').toLowerCase(), words: foldText(`${entry.id} ${entry.en}`) })),
    };
    foldedLists.set(list, index);
  }
  return index;
}

/** The entry of a code in any case, with or without its dot (e119 finds E11.9). */
export const findIcd10 = (list: readonly Icd10Entry[], code: string): Icd10Entry | undefined =>
  indexOf(list).byCode.get(canonicalIcd10(code));

export const ICD10_SEARCH_LIMIT = 20;

/**
 * Up to 20 entries for what was typed: codes starting with it (with or without the dot) first,
 * then names (Indonesian or English) holding every word typed, those with a word starting with the
 * first one before the rest; each group in the list's (code) order.
 */
export function searchIcd10(list: readonly Icd10Entry[], query: string, limit = ICD10_SEARCH_LIMIT): Icd10Entry[] {
  const { folded: all } = indexOf(list);
  const folded = foldText(query);
  if (folded === '') return list.slice(0, limit);
  const asCode = folded.replace(/[\s.]/g, '');
  const byCode = /^[a-z]\d{0,3}$/.test(asCode) ? all.filter((f) => f.code.startsWith(asCode)) : [];
  const tokens = folded.split(' ').filter((t) => t !== '.');
  const first = tokens[0] ?? '';
  const byName = all.filter((f) => !byCode.includes(f) && tokens.every((t) => f.words.includes(t)));
  const startsWord = (f: Folded) => ` ${f.words}`.includes(` ${first}`);
  const ranked = [...byCode, ...byName.filter(startsWord), ...byName.filter((f) => !startsWord(f))];
  return ranked.slice(0, limit).map((f) => f.entry);
}

/** The entry's name in a language. */
export const icd10Name = (entry: Icd10Entry, locale: 'id' | 'en') => (locale === 'en' ? entry.en : entry.id);

/** Words a destination's name may already start with, by kind (RSUD Kota Yogyakarta, Puskesmas Tegalrejo). */
const KIND_WORDS = { puskesmas: ['puskesmas', 'pkm'], hospital: ['rumah sakit', 'rs', 'rsu', 'rsud', 'rsia', 'rsup', 'rsj'] } as const;

/** The destination as addressed: as typed when it names its kind already, else with the kind's label before it. */
export function referralAddressee(kind: 'puskesmas' | 'hospital', destination: string, kindLabel: string): string {
  const name = foldText(destination);
  return KIND_WORDS[kind].some((word) => name === word || name.startsWith(`${word} `)) ? destination : `${kindLabel} ${destination}`;
}
