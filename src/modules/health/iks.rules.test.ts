import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ageInMonths, computeIks, IKS_CODES, type IksFamily, type IksMember, iksCategory, iksValue, meanIks } from './iks.rules.ts';

const AS_OF = '2026-03-15';
const applicableCodes = (family: IksFamily, asOf = AS_OF) =>
  computeIks(family, asOf)
    .indicators.filter((i) => i.applicable)
    .map((i) => i.code);
const metCodes = (family: IksFamily, asOf = AS_OF) =>
  computeIks(family, asOf)
    .indicators.filter((i) => i.met)
    .map((i) => i.code);

describe('IKS of families of different shapes', () => {
  it('a young couple with a baby of six months: 5 of 7 met is 0.714, pra-sehat', () => {
    const family: IksFamily = {
      members: [
        { birthDate: '1990-05-01', sex: 'M', relation: 'head' },
        { birthDate: '1993-02-10', sex: 'F', relation: 'wife' },
        { birthDate: '2025-09-01', sex: 'F', relation: 'child' },
      ],
      answers: {
        kb: true,
        persalinan_faskes: true,
        pertumbuhan_balita: true,
        tidak_merokok: false,
        jkn: true,
        air_bersih: true,
        jamban_sehat: false,
      },
    };
    const result = computeIks(family, AS_OF);
    expect(result.indicators.map((i) => i.code)).toEqual([...IKS_CODES]);
    expect(applicableCodes(family)).toEqual([
      'kb',
      'persalinan_faskes',
      'pertumbuhan_balita',
      'tidak_merokok',
      'jkn',
      'air_bersih',
      'jamban_sehat',
    ]);
    expect(result).toMatchObject({ iks: '0.714', category: 'pra_sehat', met: 5, applicable: 7 });
    expect(result.asked).toEqual(applicableCodes(family));
  });

  it('an elderly couple with no child and no condition: only the four always-applicable indicators', () => {
    const members: IksMember[] = [
      { birthDate: '1950-01-01', sex: 'M', relation: 'head' },
      { birthDate: '1955-07-07', sex: 'F', relation: 'wife' },
    ];
    expect(applicableCodes({ members })).toEqual(['tidak_merokok', 'jkn', 'air_bersih', 'jamban_sehat']);
    const iksWith = (answers: IksFamily['answers']) => computeIks({ members, answers }, AS_OF);
    expect(iksWith({ tidak_merokok: true, jkn: true, air_bersih: true, jamban_sehat: true })).toMatchObject({
      iks: '1.000',
      category: 'sehat',
    });
    expect(iksWith({ tidak_merokok: true, jkn: true, air_bersih: true })).toMatchObject({ iks: '0.750', category: 'pra_sehat' });
    // 0.500 is pra-sehat (the lower bound belongs to it).
    expect(iksWith({ jkn: true, air_bersih: true })).toMatchObject({ iks: '0.500', category: 'pra_sehat' });
    expect(iksWith({ jkn: true })).toMatchObject({ iks: '0.250', category: 'tidak_sehat' });
    // Unanswered is not met.
    expect(iksWith({})).toMatchObject({ iks: '0.000', category: 'tidak_sehat' });
  });

  it('grandparents with a grandchild of 17 months and chronic conditions: records decide before answers, 8 of 10 is 0.800, pra-sehat', () => {
    const family: IksFamily = {
      members: [
        {
          birthDate: '1960-04-04',
          sex: 'M',
          relation: 'head',
          conditions: [{ code: 'hipertensi', treatedRegularly: true }],
          smoker: false,
          jknMember: true,
        },
        {
          birthDate: '1965-08-08',
          sex: 'F',
          relation: 'wife',
          conditions: [{ code: 'gangguan_jiwa', treatedRegularly: null }],
          jknMember: true,
        },
        {
          birthDate: '1988-01-01',
          sex: 'M',
          relation: 'child',
          conditions: [{ code: 'tb_paru', treatedRegularly: false }],
          jknMember: true,
        },
        { birthDate: '2024-09-20', sex: 'M', relation: 'grandchild', jknMember: true },
      ],
      cleanWater: true,
      healthyLatrine: true,
      // tidak_merokok and tb_paru are decided by the records: these answers do not count.
      answers: {
        imunisasi_dasar: true,
        asi_eksklusif: false,
        pertumbuhan_balita: true,
        gangguan_jiwa: true,
        tidak_merokok: false,
        tb_paru: true,
      },
    };
    expect(ageInMonths('2024-09-20', AS_OF)).toBe(17);
    const result = computeIks(family, AS_OF);
    expect(applicableCodes(family)).toEqual([
      'imunisasi_dasar',
      'asi_eksklusif',
      'pertumbuhan_balita',
      'tb_paru',
      'hipertensi',
      'gangguan_jiwa',
      'tidak_merokok',
      'jkn',
      'air_bersih',
      'jamban_sehat',
    ]);
    expect(metCodes(family)).toEqual([
      'imunisasi_dasar',
      'pertumbuhan_balita',
      'hipertensi',
      'gangguan_jiwa',
      'tidak_merokok',
      'jkn',
      'air_bersih',
      'jamban_sehat',
    ]);
    expect(result).toMatchObject({ iks: '0.800', category: 'pra_sehat', met: 8, applicable: 10 });
    expect(result.asked).toEqual(['imunisasi_dasar', 'asi_eksklusif', 'pertumbuhan_balita', 'gangguan_jiwa']);
  });

  it('just above 0.800 is sehat (5 of 6 = 0.833) and just below 0.500 is tidak sehat (3 of 7 = 0.429)', () => {
    const couple: IksMember[] = [
      { birthDate: '1985-01-01', sex: 'M', relation: 'head', kbMethod: 'vasectomy' },
      { birthDate: '1987-01-01', sex: 'F', relation: 'wife', conditions: [{ code: 'hipertensi', treatedRegularly: false }] },
    ];
    const six = computeIks({ members: couple, answers: { tidak_merokok: true, jkn: true, air_bersih: true, jamban_sehat: true } }, AS_OF);
    expect(six).toMatchObject({ iks: '0.833', category: 'sehat', met: 5, applicable: 6 });
    const seven = computeIks(
      { members: [...couple, { birthDate: '2026-02-01', sex: 'F', relation: 'child' }], answers: { jkn: true, air_bersih: true } },
      AS_OF,
    );
    expect(seven).toMatchObject({ iks: '0.429', category: 'tidak_sehat', met: 3, applicable: 7 });
  });
});

describe('applicability by age (inclusive ranges, completed months and years)', () => {
  const withChild = (birthDate: string) =>
    applicableCodes({
      members: [
        { birthDate: '1990-01-01', sex: 'F', relation: 'head' },
        { birthDate, sex: 'M', relation: 'child' },
      ],
    });
  it('a child of 11 months counts for facility delivery, of 12 months for immunisation instead', () => {
    expect(withChild('2025-03-16')).toEqual([
      'persalinan_faskes',
      'asi_eksklusif',
      'pertumbuhan_balita',
      'tidak_merokok',
      'jkn',
      'air_bersih',
      'jamban_sehat',
    ]);
    expect(withChild('2025-03-15')).toEqual([
      'imunisasi_dasar',
      'asi_eksklusif',
      'pertumbuhan_balita',
      'tidak_merokok',
      'jkn',
      'air_bersih',
      'jamban_sehat',
    ]);
  });
  it('growth monitoring from 2 to 59 months; 1 month and 60 months do not count', () => {
    expect(withChild('2026-01-15')).toContain('pertumbuhan_balita');
    expect(withChild('2026-01-16')).not.toContain('pertumbuhan_balita');
    expect(withChild('2021-03-16')).toContain('pertumbuhan_balita');
    expect(withChild('2021-03-15')).not.toContain('pertumbuhan_balita');
  });
  it('a member born after the day is not counted', () => {
    expect(withChild('2026-03-16')).toEqual(['tidak_merokok', 'jkn', 'air_bersih', 'jamban_sehat']);
  });
  it('KB applies for a wife of 15–49: 49 yes, 50 no; a woman head only with a husband in the family', () => {
    const couple = (wifeBirth: string) =>
      applicableCodes({
        members: [
          { birthDate: '1970-01-01', sex: 'M', relation: 'head' },
          { birthDate: wifeBirth, sex: 'F', relation: 'wife' },
        ],
      });
    expect(couple('1976-03-16')).toContain('kb');
    expect(couple('1976-03-15')).not.toContain('kb');
    expect(couple('2011-03-15')).toContain('kb');
    expect(couple('2011-03-16')).not.toContain('kb');
    const womanHead = (others: IksMember[]) =>
      applicableCodes({ members: [{ birthDate: '1990-01-01', sex: 'F', relation: 'head' }, ...others] });
    expect(womanHead([])).not.toContain('kb');
    expect(womanHead([{ birthDate: '1988-01-01', sex: 'M', relation: 'husband' }])).toContain('kb');
  });
});

describe('met from the records, else from the answers', () => {
  const couple = (wife: Partial<IksMember>, head: Partial<IksMember> = {}): IksMember[] => [
    { birthDate: '1985-01-01', sex: 'M', relation: 'head', ...head },
    { birthDate: '1990-01-01', sex: 'F', relation: 'wife', ...wife },
  ];
  it('KB: a method on the wife or the husband meets it; none recorded on the wife fails it whatever the answer', () => {
    expect(metCodes({ members: couple({ kbMethod: 'implant' }) })).toContain('kb');
    expect(metCodes({ members: couple({}, { kbMethod: 'condom' }) })).toContain('kb');
    expect(metCodes({ members: couple({ kbMethod: 'none' }), answers: { kb: true } })).not.toContain('kb');
    expect(metCodes({ members: couple({}), answers: { kb: true } })).toContain('kb');
    expect(metCodes({ members: couple({}) })).not.toContain('kb');
  });
  it('smoking: any recorded smoker fails it; recorded non-smokers meet it; with no record the answer decides', () => {
    expect(metCodes({ members: couple({ smoker: false }, { smoker: true }), answers: { tidak_merokok: true } })).not.toContain(
      'tidak_merokok',
    );
    expect(metCodes({ members: couple({ smoker: false }), answers: { tidak_merokok: false } })).toContain('tidak_merokok');
    expect(metCodes({ members: couple({}), answers: { tidak_merokok: true } })).toContain('tidak_merokok');
  });
  it('JKN: every member a member meets it; an inactive record fails it; unknown members leave it to the answer', () => {
    expect(metCodes({ members: couple({ jknMember: true }, { jknMember: true }) })).toContain('jkn');
    expect(metCodes({ members: couple({ jknMember: false }, { jknMember: true }), answers: { jkn: true } })).not.toContain('jkn');
    expect(metCodes({ members: couple({ jknMember: null }, { jknMember: true }), answers: { jkn: true } })).toContain('jkn');
    expect(metCodes({ members: couple({ jknMember: null }, { jknMember: true }) })).not.toContain('jkn');
  });
  it('water and latrine: recorded values override answers', () => {
    expect(
      metCodes({ members: couple({}), cleanWater: false, healthyLatrine: true, answers: { air_bersih: true, jamban_sehat: false } }),
    ).toEqual(['jamban_sehat']);
  });
  it('conditions: every member with it treated regularly; one untreated fails it', () => {
    const two = (a: boolean | null, b: boolean | null) =>
      metCodes({
        members: couple(
          { conditions: [{ code: 'hipertensi', treatedRegularly: a }] },
          { conditions: [{ code: 'hipertensi', treatedRegularly: b }] },
        ),
        answers: { hipertensi: true },
      });
    expect(two(true, true)).toContain('hipertensi');
    expect(two(true, false)).not.toContain('hipertensi');
    expect(two(true, null)).toContain('hipertensi');
  });
});

describe('IKS value and category', () => {
  it('three places, half up, exact', () => {
    expect(iksValue(2, 3)).toBe('0.667');
    expect(iksValue(1, 3)).toBe('0.333');
    expect(iksValue(7, 12)).toBe('0.583');
    expect(iksValue(11, 12)).toBe('0.917');
    expect(iksValue(1, 2000)).toBe('0.001'); // a tie rounds up
    expect(iksValue(0, 0)).toBeNull();
  });
  it('boundaries: 0.801 sehat, 0.800 and 0.500 pra-sehat, 0.499 tidak sehat, null with no IKS', () => {
    expect(iksCategory('0.801')).toBe('sehat');
    expect(iksCategory('0.800')).toBe('pra_sehat');
    expect(iksCategory('0.500')).toBe('pra_sehat');
    expect(iksCategory('0.499')).toBe('tidak_sehat');
    expect(iksCategory(null)).toBeNull();
  });
  it('mean of families exactly: (1/2 + 2/3) ÷ 2 = 0.583; weights by count; none is null', () => {
    expect(
      meanIks([
        { met: 1, applicable: 2 },
        { met: 2, applicable: 3 },
      ]),
    ).toBe('0.583');
    expect(
      meanIks([
        { met: 4, applicable: 4, count: 3 },
        { met: 0, applicable: 4 },
      ]),
    ).toBe('0.750');
    expect(meanIks([])).toBeNull();
  });
});

describe('properties', () => {
  const date = fc
    .integer({ min: 0, max: 365 * 90 })
    .map((days) => new Date(Date.UTC(1936, 0, 1) + days * 86_400_000).toISOString().slice(0, 10));
  const member = fc.record({
    birthDate: date,
    sex: fc.constantFrom('M' as const, 'F' as const),
    relation: fc.constantFrom(
      'head' as const,
      'husband' as const,
      'wife' as const,
      'child' as const,
      'grandchild' as const,
      'parent' as const,
      'other' as const,
    ),
    conditions: fc
      .subarray(['hipertensi', 'tb_paru', 'gangguan_jiwa', 'diabetes'])
      .chain((codes) =>
        fc.tuple(...codes.map((code) => fc.record({ code: fc.constant(code), treatedRegularly: fc.option(fc.boolean(), { nil: null }) }))),
      ),
    smoker: fc.option(fc.boolean(), { nil: null }),
    kbMethod: fc.option(fc.constantFrom('none' as const, 'pill' as const, 'iud' as const, 'vasectomy' as const), { nil: null }),
    jknMember: fc.option(fc.boolean(), { nil: null }),
  });
  const family = fc.record({
    members: fc.array(member, { maxLength: 10 }),
    cleanWater: fc.option(fc.boolean(), { nil: null }),
    healthyLatrine: fc.option(fc.boolean(), { nil: null }),
    answers: fc.dictionary(fc.constantFrom(...IKS_CODES), fc.boolean()),
  });

  it('exactly 12 indicators in order; 0 ≤ met ≤ applicable ≤ 12; the four always apply; not applicable is never met', () => {
    fc.assert(
      fc.property(family, date, (f, asOf) => {
        const result = computeIks(f, asOf);
        expect(result.indicators.map((i) => i.code)).toEqual([...IKS_CODES]);
        expect(result.met).toBeGreaterThanOrEqual(0);
        expect(result.met).toBeLessThanOrEqual(result.applicable);
        expect(result.applicable).toBeLessThanOrEqual(12);
        expect(result.applicable).toBeGreaterThanOrEqual(4);
        for (const i of result.indicators) if (!i.applicable) expect(i.met).toBe(false);
        expect(result.iks).toBe(iksValue(result.met, result.applicable));
        expect(result.category).toBe(iksCategory(result.iks));
      }),
    );
  });

  it('answering an asked indicator yes never lowers the IKS', () => {
    fc.assert(
      fc.property(family, date, (f, asOf) => {
        const before = computeIks(f, asOf);
        const after = computeIks({ ...f, answers: { ...f.answers, ...Object.fromEntries(before.asked.map((c) => [c, true])) } }, asOf);
        expect(after.met).toBeGreaterThanOrEqual(before.met);
        expect(after.applicable).toBe(before.applicable);
      }),
    );
  });
});
