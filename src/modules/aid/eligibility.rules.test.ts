import { describe, expect, it } from 'vitest';
import { type EligibilitySubject, evaluateEligibility, evaluateRule, type SubjectMember, wordsOf } from './eligibility.rules.ts';
import type { EligibilityRule } from './programme.schema.ts';

const TODAY = '2025-03-15';
const person = (birthDate: string, extra: Partial<SubjectMember> = {}): SubjectMember => ({
  birthDate,
  sex: 'F',
  relation: 'wife',
  schoolLevel: null,
  disability: null,
  pregnant: null,
  ...extra,
});
const family: EligibilitySubject = {
  unit: 'household',
  villageCode: '34.71.01.1001',
  decile: 3,
  cards: { kks: true, kis: true, kip: false, pkh: false },
  members: [
    person('1980-05-01', { sex: 'M', relation: 'head' }),
    person('1984-02-10'),
    person('2012-09-01', { sex: 'M', relation: 'child' }),
    person('2021-01-20', { relation: 'child' }),
  ],
  enrolledIn: new Set(['sembako']),
};
const single = (member: SubjectMember): EligibilitySubject => ({ ...family, unit: 'person', members: [member] });

/** One rule, evaluated and worded in both languages. */
const explain = (rule: EligibilityRule, subject: EligibilitySubject = family) => {
  const outcome = evaluateRule(rule, subject, TODAY);
  return {
    passed: outcome.passed,
    value: outcome.value,
    required: outcome.required,
    id: wordsOf(outcome.message, 'id'),
    en: wordsOf(outcome.message, 'en'),
  };
};

describe('eligibility rules explain themselves', () => {
  it('card held: passes with KKS, fails without KIP; "not held" rules the other way round', () => {
    expect(explain({ kind: 'card', card: 'kks', held: true })).toEqual({
      passed: true,
      value: true,
      required: { card: 'kks', held: true },
      id: 'Keluarga memegang KKS, sesuai syarat.',
      en: 'The family holds a KKS card, as required.',
    });
    expect(explain({ kind: 'card', card: 'kip', held: true })).toMatchObject({
      passed: false,
      value: false,
      id: 'Keluarga tidak memegang KIP, padahal disyaratkan.',
    });
    expect(explain({ kind: 'card', card: 'pkh', held: false })).toMatchObject({ passed: true, value: false });
    expect(explain({ kind: 'card', card: 'kks', held: false })).toMatchObject({
      passed: false,
      value: true,
      en: 'The family already holds a KKS card; this programme is for those who do not.',
    });
  });

  it('welfare decile: inside, outside, and not recorded', () => {
    expect(explain({ kind: 'decile', min: 1, max: 4 })).toEqual({
      passed: true,
      value: 3,
      required: { min: 1, max: 4 },
      id: 'Desil kesejahteraan 3, dalam rentang syarat 1–4.',
      en: 'Welfare decile 3, within the required 1–4.',
    });
    expect(explain({ kind: 'decile', min: 1, max: 2 })).toMatchObject({ passed: false, value: 3, id: expect.stringContaining('di luar') });
    expect(explain({ kind: 'decile', min: 1, max: 4 }, { ...family, decile: null })).toMatchObject({
      passed: false,
      value: null,
      en: 'The welfare decile is not recorded; decile 1–4 is required.',
    });
  });

  it('age over a family: the members’ ages seen, passes when one fits', () => {
    expect(explain({ kind: 'age', max: 6 })).toEqual({
      passed: true,
      value: [44, 41, 12, 4],
      required: { max: 6 },
      id: '1 anggota keluarga memenuhi syarat umur paling tinggi 6 tahun.',
      en: '1 family member meets the requirement aged 6 or younger.',
    });
    expect(explain({ kind: 'age', min: 60 })).toMatchObject({
      passed: false,
      value: [44, 41, 12, 4],
      required: { min: 60 },
      id: 'Tidak ada anggota keluarga yang memenuhi syarat umur 60 tahun ke atas.',
    });
    expect(explain({ kind: 'age', min: 6, max: 21 })).toMatchObject({
      passed: true,
      en: '1 family member meets the requirement aged 6–21.',
    });
    expect(explain({ kind: 'age', min: 18 })).toMatchObject({ en: '2 family members meet the requirement aged 18 or older.' });
  });

  it('age of a person: their age against the range, on the birthday exactly', () => {
    expect(explain({ kind: 'age', min: 6, max: 21 }, single(person('2019-03-15')))).toEqual({
      passed: true,
      value: 6,
      required: { min: 6, max: 21 },
      id: 'Memenuhi syarat umur 6–21 tahun: umur 6 tahun.',
      en: 'Meets the requirement aged 6–21: aged 6.',
    });
    expect(explain({ kind: 'age', min: 6, max: 21 }, single(person('2019-03-16')))).toMatchObject({
      passed: false,
      value: 5,
      en: 'Does not meet the requirement aged 6–21: aged 5.',
    });
  });

  it('sex and relation', () => {
    expect(explain({ kind: 'sex', sex: 'F' }, single(person('1990-01-01')))).toMatchObject({
      passed: true,
      value: 'F',
      required: 'F',
      id: 'Memenuhi syarat perempuan: perempuan.',
    });
    expect(explain({ kind: 'sex', sex: 'F' }, single(person('1990-01-01', { sex: 'M' })))).toMatchObject({ passed: false, value: 'M' });
    expect(explain({ kind: 'relation', relations: ['head', 'wife'] }, single(person('1990-01-01', { relation: 'child' })))).toEqual({
      passed: false,
      value: 'child',
      required: ['head', 'wife'],
      id: 'Tidak memenuhi syarat hubungan dalam keluarga: kepala keluarga, istri: anak.',
      en: 'Does not meet the requirement relation in the family: head of household, wife: child.',
    });
    expect(explain({ kind: 'relation', relations: ['head'] })).toMatchObject({ passed: true, value: ['head', 'wife', 'child', 'child'] });
  });

  it('school level, disability and pregnancy: not recorded fails and says so; recorded values decide', () => {
    expect(explain({ kind: 'school_level', levels: ['SD', 'SMP'] }, single(person('2012-01-01')))).toEqual({
      passed: false,
      value: null,
      required: ['SD', 'SMP'],
      id: 'Jenjang sekolah belum dicatat, jadi syarat bersekolah di jenjang SD, SMP belum dapat dipastikan.',
      en: 'The school level is not recorded, so the requirement at school at level SD, SMP cannot be established.',
    });
    expect(explain({ kind: 'pregnant' })).toMatchObject({
      passed: false,
      value: [null, null, null, null],
      required: true,
      en: 'Pregnancy (health profile) is not recorded, so the requirement pregnant cannot be established.',
    });
    expect(explain({ kind: 'disability', level: 'severe' })).toMatchObject({ passed: false, required: 'severe' });
    // Once recorded (the health profile, the registry's school level), the value decides.
    expect(explain({ kind: 'school_level', levels: ['SMP'] }, single(person('2012-01-01', { schoolLevel: 'SMP' })))).toMatchObject({
      passed: true,
      value: 'SMP',
      en: 'Meets the requirement at school at level SMP: at school at level SMP.',
    });
    expect(explain({ kind: 'pregnant' }, single(person('1995-01-01', { pregnant: false })))).toMatchObject({
      passed: false,
      value: false,
      id: 'Tidak memenuhi syarat sedang hamil: tidak sedang hamil.',
    });
    const partly = { ...family, members: [person('1990-01-01', { disability: 'none' }), person('1992-01-01')] };
    expect(explain({ kind: 'disability', level: 'severe' }, partly)).toMatchObject({
      passed: false,
      value: ['none', null],
      en: 'No member recorded meets the requirement with a severe disability; 1 member’s data is not recorded.',
    });
    const disabled = { ...family, members: [person('1990-01-01', { disability: 'severe' }), person('1992-01-01')] };
    expect(explain({ kind: 'disability', level: 'severe' }, disabled)).toMatchObject({ passed: true, value: ['severe', null] });
  });

  it('region: the village in or beneath a listed code', () => {
    expect(explain({ kind: 'region', codes: ['34.71', '32.04.11'] })).toEqual({
      passed: true,
      value: '34.71.01.1001',
      required: ['34.71', '32.04.11'],
      id: 'Desa/kelurahan 34.71.01.1001 termasuk wilayah program (34.71, 32.04.11).',
      en: 'Village 34.71.01.1001 is in the programme’s area (34.71, 32.04.11).',
    });
    expect(explain({ kind: 'region', codes: ['34.7'] })).toMatchObject({ passed: false });
    expect(explain({ kind: 'region', codes: ['32'] })).toMatchObject({ passed: false, en: expect.stringContaining('outside') });
  });

  it('not already in another programme', () => {
    expect(explain({ kind: 'not_enrolled', programme: 'pkh' })).toEqual({
      passed: true,
      value: false,
      required: { programme: 'pkh', enrolled: false },
      id: 'Belum terdaftar di program PKH, sesuai syarat.',
      en: 'Not enrolled in programme PKH, as required.',
    });
    expect(explain({ kind: 'not_enrolled', programme: 'sembako' })).toMatchObject({
      passed: false,
      value: true,
      en: 'Already enrolled in programme SEMBAKO.',
    });
  });

  it('eligible only when every rule passes, each rule listed in order', () => {
    const rules: EligibilityRule[] = [
      { kind: 'card', card: 'kks', held: true },
      { kind: 'decile', min: 1, max: 4 },
      { kind: 'not_enrolled', programme: 'pkh' },
    ];
    const result = evaluateEligibility(rules, family, TODAY);
    expect(result.eligible).toBe(true);
    expect(result.rules.map((r) => [r.rule, r.passed])).toEqual([
      ['card', true],
      ['decile', true],
      ['not_enrolled', true],
    ]);
    const failing = evaluateEligibility([...rules, { kind: 'card', card: 'kip', held: true }], family, TODAY);
    expect(failing.eligible).toBe(false);
    expect(failing.rules).toHaveLength(4);
    expect(evaluateEligibility([], family, TODAY)).toEqual({ eligible: true, rules: [] });
  });
});
