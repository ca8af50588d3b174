/**
 * Indeks Keluarga Sehat (IKS) of the PIS-PK approach (Permenkes 39/2016): 12 indicators per family
 * (one Kartu Keluarga), each applicable or not by the members and their ages, met or not.
 * IKS = met ÷ applicable; > 0.800 sehat, 0.500–0.800 pra-sehat, < 0.500 tidak sehat.
 * Pure: `asOf` is a parameter; the browser and the quote route run the same code.
 */
import { isIsoDate } from '../../core/dates.ts';
import { formatMinor, ratio, roundRatio } from '../../core/money.ts';

/** The 12 indicators in the order of the PIS-PK family form (and of every answer). */
export const IKS_CODES = [
  'kb',
  'persalinan_faskes',
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
] as const;
export type IksCode = (typeof IKS_CODES)[number];
export const IKS_CATEGORIES = ['sehat', 'pra_sehat', 'tidak_sehat'] as const;
export type IksCategory = (typeof IKS_CATEGORIES)[number];

/** The treatment indicators: applicable only where a member has the condition. */
export const IKS_CONDITIONS = ['tb_paru', 'hipertensi', 'gangguan_jiwa'] as const;
export type IksCondition = (typeof IKS_CONDITIONS)[number];

type AgeRange = { min: number; max: number };
/**
 * Who makes an age-bound indicator applicable, as dated data: the rule in force on `asOf` applies
 * (the earliest when `asOf` is older). Ranges are inclusive, in completed months (children) or
 * completed years (the wife of the couple).
 */
export type IksAgeRules = {
  effectiveFrom: string;
  /** Pasangan usia subur: the wife of the family's couple, in years. */
  kbWifeYears: AgeRange;
  /** A child aged, in completed months. */
  persalinanFaskesMonths: AgeRange;
  imunisasiDasarMonths: AgeRange;
  asiEksklusifMonths: AgeRange;
  pertumbuhanBalitaMonths: AgeRange;
};
// Permenkes 39/2016, Lampiran (Pedoman PIS-PK), the definitions of indicators 1–5.
export const IKS_AGE_RULES: readonly IksAgeRules[] = [
  {
    effectiveFrom: '2016-06-01',
    kbWifeYears: { min: 15, max: 49 },
    persalinanFaskesMonths: { min: 0, max: 11 },
    imunisasiDasarMonths: { min: 12, max: 23 },
    asiEksklusifMonths: { min: 7, max: 23 },
    pertumbuhanBalitaMonths: { min: 2, max: 59 },
  },
];

export type IksRelation =
  | 'head'
  | 'husband'
  | 'wife'
  | 'child'
  | 'child_in_law'
  | 'grandchild'
  | 'parent'
  | 'parent_in_law'
  | 'other_family'
  | 'other';
/** KB methods: 'none' means the couple uses none; null means not recorded. */
export type IksKbMethod = 'none' | 'pill' | 'injection' | 'implant' | 'iud' | 'condom' | 'tubectomy' | 'vasectomy' | 'lam' | 'other';

/** A living member as the rules see them; `null` everywhere means "not recorded". */
export type IksMember = {
  birthDate: string;
  sex: 'M' | 'F';
  relation: IksRelation;
  /** Conditions the member has, with whether they are treated regularly (null: not known). */
  conditions?: readonly { code: string; treatedRegularly: boolean | null }[];
  smoker?: boolean | null;
  kbMethod?: IksKbMethod | null;
  /** JKN membership from the JKN records: true member, false a record says not (inactive), null no record. */
  jknMember?: boolean | null;
};
export type IksFamily = {
  members: readonly IksMember[];
  cleanWater?: boolean | null;
  healthyLatrine?: boolean | null;
  /** Answers of the family to the indicators asked, keyed by indicator code. */
  answers?: Partial<Record<string, boolean>>;
};
export type IksIndicator = { code: IksCode; applicable: boolean; met: boolean };
export type IksResult = {
  iks: string | null;
  category: IksCategory | null;
  indicators: IksIndicator[];
  /** Applicable indicators nothing recorded decides: the questions to ask the family (answered or not). */
  asked: IksCode[];
  met: number;
  applicable: number;
};

/** Completed months from `birthDate` to `asOf` (negative when born later). */
export function ageInMonths(birthDate: string, asOf: string): number {
  const [by, bm, bd] = birthDate.split('-').map(Number) as [number, number, number];
  const [y, m, d] = asOf.split('-').map(Number) as [number, number, number];
  return (y - by) * 12 + (m - bm) - (d < bd ? 1 : 0);
}

/** The age rules in force on a day (the earliest before the first). */
export function ageRulesOn(asOf: string, table: readonly IksAgeRules[] = IKS_AGE_RULES): IksAgeRules {
  let rules = table[0] as IksAgeRules;
  for (const entry of table) if (entry.effectiveFrom <= asOf) rules = entry;
  return rules;
}

const within = (value: number, range: AgeRange) => value >= range.min && value <= range.max;

/**
 * The wives of the family's couple: members recorded as ISTRI, or the head herself when she is a
 * woman and a SUAMI is in the family. Only the head's couple counts (the KK's own couple, as the
 * PIS-PK form asks one family at a time).
 */
function wivesOf(members: readonly IksMember[]): IksMember[] {
  const wives = members.filter((m) => m.relation === 'wife' && m.sex === 'F');
  const hasHusband = members.some((m) => m.relation === 'husband' && m.sex === 'M');
  const femaleHeads = members.filter((m) => m.relation === 'head' && m.sex === 'F');
  return hasHusband ? [...wives, ...femaleHeads] : wives;
}
const husbandsOf = (members: readonly IksMember[]) =>
  members.filter((m) => m.sex === 'M' && (m.relation === 'husband' || m.relation === 'head'));

/** What the records say: true/false when they decide, undefined when the family must be asked. */
type Decision = boolean | undefined;

function kbDecision(wives: IksMember[], husbands: IksMember[]): Decision {
  const husbandUses = husbands.some((h) => h.kbMethod != null && h.kbMethod !== 'none');
  let unknown = false;
  for (const wife of wives) {
    if (husbandUses || (wife.kbMethod != null && wife.kbMethod !== 'none')) continue;
    // 'none' on the wife is the couple's answer (KB registers record the method of the PUS on the wife).
    if (wife.kbMethod === 'none') return false;
    unknown = true;
  }
  return unknown ? undefined : true;
}

function conditionDecision(members: readonly IksMember[], code: IksCondition): Decision {
  const treated = members.flatMap((m) => (m.conditions ?? []).filter((c) => c.code === code).map((c) => c.treatedRegularly));
  if (treated.includes(false)) return false;
  return treated.every((t) => t === true) ? true : undefined;
}

function smokingDecision(members: readonly IksMember[]): Decision {
  const recorded = members.flatMap((m) => (m.smoker == null ? [] : [m.smoker]));
  if (recorded.length === 0) return undefined;
  return !recorded.includes(true);
}

function jknDecision(members: readonly IksMember[]): Decision {
  const known = members.map((m) => m.jknMember ?? null);
  if (known.includes(false)) return false;
  return known.length > 0 && known.every((k) => k === true) ? true : undefined;
}

/** IKS as a decimal string with three places (half up), exact; null when nothing is applicable. */
export function iksValue(met: number, applicable: number): string | null {
  if (applicable === 0) return null;
  return formatMinor(roundRatio(ratio(BigInt(met) * 1000n, BigInt(applicable)), 'half-up'), 3);
}

/** The PIS-PK category of an IKS: > 0.800 sehat, 0.500–0.800 pra-sehat, < 0.500 tidak sehat; null with the IKS. */
export function iksCategory(iks: string | null): IksCategory | null {
  if (iks === null) return null;
  const thousandths = Number(iks.replace('.', ''));
  if (thousandths > 800) return 'sehat';
  return thousandths >= 500 ? 'pra_sehat' : 'tidak_sehat';
}

/**
 * A family's IKS as of a day. Members born after `asOf` are not counted. An indicator is met
 * when the records say so; where the records do not decide, the family's answer does, and an
 * indicator neither recorded nor answered is not met.
 */
export function computeIks(family: IksFamily, asOf: string, table: readonly IksAgeRules[] = IKS_AGE_RULES): IksResult {
  const rules = ageRulesOn(asOf, table);
  const members = family.members.filter((m) => isIsoDate(m.birthDate) && m.birthDate <= asOf);
  const months = members.map((m) => ageInMonths(m.birthDate, asOf));
  const childAged = (range: AgeRange) => months.some((age) => within(age, range));
  const wives = wivesOf(members).filter((w) => within(Math.floor(ageInMonths(w.birthDate, asOf) / 12), rules.kbWifeYears));
  const hasCondition = (code: IksCondition) => members.some((m) => (m.conditions ?? []).some((c) => c.code === code));

  const applicable: Record<IksCode, boolean> = {
    kb: wives.length > 0,
    persalinan_faskes: childAged(rules.persalinanFaskesMonths),
    imunisasi_dasar: childAged(rules.imunisasiDasarMonths),
    asi_eksklusif: childAged(rules.asiEksklusifMonths),
    pertumbuhan_balita: childAged(rules.pertumbuhanBalitaMonths),
    tb_paru: hasCondition('tb_paru'),
    hipertensi: hasCondition('hipertensi'),
    gangguan_jiwa: hasCondition('gangguan_jiwa'),
    tidak_merokok: true,
    jkn: true,
    air_bersih: true,
    jamban_sehat: true,
  };
  // Delivery place, immunisation, breastfeeding and growth monitoring are not recorded here: always asked.
  const recorded: Record<IksCode, Decision> = {
    kb: kbDecision(wives, husbandsOf(members)),
    persalinan_faskes: undefined,
    imunisasi_dasar: undefined,
    asi_eksklusif: undefined,
    pertumbuhan_balita: undefined,
    tb_paru: conditionDecision(members, 'tb_paru'),
    hipertensi: conditionDecision(members, 'hipertensi'),
    gangguan_jiwa: conditionDecision(members, 'gangguan_jiwa'),
    tidak_merokok: smokingDecision(members),
    jkn: jknDecision(members),
    air_bersih: family.cleanWater ?? undefined,
    jamban_sehat: family.healthyLatrine ?? undefined,
  };
  const answers = family.answers ?? {};
  const asked: IksCode[] = [];
  const indicators = IKS_CODES.map((code): IksIndicator => {
    if (!applicable[code]) return { code, applicable: false, met: false };
    const decided = recorded[code];
    if (decided !== undefined) return { code, applicable: true, met: decided };
    asked.push(code);
    return { code, applicable: true, met: answers[code] === true };
  });
  const applicableCount = indicators.filter((i) => i.applicable).length;
  const metCount = indicators.filter((i) => i.met).length;
  const iks = iksValue(metCount, applicableCount);
  return { iks, category: iksCategory(iks), indicators, asked, met: metCount, applicable: applicableCount };
}

/** The mean of many families' IKS (each met ÷ applicable, exactly), three places half up; null for none. */
export function meanIks(families: readonly { met: number; applicable: number; count?: number }[]): string | null {
  let n = 0n;
  let d = 1n;
  let count = 0n;
  for (const f of families) {
    if (f.applicable === 0) continue;
    const c = BigInt(f.count ?? 1);
    n = n * BigInt(f.applicable) + BigInt(f.met) * c * d;
    d *= BigInt(f.applicable);
    const g = gcd(n, d);
    n /= g;
    d /= g;
    count += c;
  }
  if (count === 0n) return null;
  return formatMinor(roundRatio(ratio(n * 1000n, d * count), 'half-up'), 3);
}
const gcd = (a: bigint, b: bigint): bigint => (b === 0n ? (a < 0n ? -a : a) || 1n : gcd(b, a % b));

/** Share of families that are sehat (the PIS-PK IKS of a village or office), three places; null for none. */
export function shareOf(part: number, whole: number): string | null {
  return whole === 0 ? null : formatMinor(roundRatio(ratio(BigInt(part) * 1000n, BigInt(whole)), 'half-up'), 3);
}
