import { ageOn, monthIndex, monthOfIndex } from '../../core/dates.ts';
import { ratio, roundRatio, sumRupiah } from '../../core/money.ts';
import type { MemberCondition, SchoolLevel, SchoolYear } from './programme.schema.ts';

/**
 * What a unit (a family or one person) is owed by a programme on a day, from the programme's
 * dated benefit table, like OpenSPP's cash entitlement manager: items with an amount, a condition
 * on who gets them and a maximum count, summed. Exact whole rupiah; no I/O.
 */

export type BenefitRate = {
  category: string;
  basis: 'unit' | 'member';
  condition: MemberCondition;
  amount: bigint;
  maxPerUnit: number | null;
  effectiveFrom: string;
  effectiveTo: string | null;
};

export type BenefitProgramme = {
  period: 'month' | 'year' | 'stage';
  stagesPerYear: number | null;
  memberCap: number | null;
  newYearPercent: number | null;
  finalYearPercent: number | null;
  /** In priority order: a member is paid in the first category whose condition fits. */
  rates: BenefitRate[];
  paymentWindows: { startsOn: string; endsOn: string }[];
};

export type BenefitMember = {
  birthDate: string;
  sex: 'M' | 'F';
  pregnant: boolean;
  schoolLevel: SchoolLevel | null;
  schoolYear: SchoolYear | null;
  disability: 'severe' | null;
};

export type Component = { member: number; category: string; amount: bigint };
export type EntitlementQuote = { amount: bigint; per: 'month' | 'year' | 'stage'; components: Component[] };
export type QuoteResult = { ok: true; quote: EntitlementQuote } | { ok: false; code: 'aid.no_rate'; date: string };

/** Whether a member fits a benefit row's condition on a day (ages in whole years on that day). */
export function conditionHolds(condition: MemberCondition, member: BenefitMember, day: string): boolean {
  const age = ageOn(member.birthDate, day);
  if (condition.pregnant && !member.pregnant) return false;
  if (condition.ageMin !== undefined && age < condition.ageMin) return false;
  if (condition.ageMax !== undefined && age > condition.ageMax) return false;
  if (condition.schoolLevel !== undefined && member.schoolLevel !== condition.schoolLevel) return false;
  if (condition.disability !== undefined && member.disability !== condition.disability) return false;
  if (condition.sex !== undefined && member.sex !== condition.sex) return false;
  return true;
}

const inEffect = (rate: BenefitRate, day: string) => rate.effectiveFrom <= day && (rate.effectiveTo === null || day <= rate.effectiveTo);

/** The share of a school-level amount paid for a first or final school year (PIP: half). */
function schoolYearPercent(programme: BenefitProgramme, rate: BenefitRate, member: BenefitMember): number {
  if (rate.condition.schoolLevel === undefined) return 100;
  if (member.schoolYear === 'new') return programme.newYearPercent ?? 100;
  if (member.schoolYear === 'final') return programme.finalYearPercent ?? 100;
  return 100;
}

/**
 * The components of one rate day, per the table's own unit (a month or a year): the rows in
 * effect on `rateDay`, members' ages and categories as of `asOf`. Caps pay the highest amounts
 * first (then the earlier member), so a family is never paid less than the cap allows; members
 * over a cap keep their component at Rp0 so the family sees why.
 */
function componentsOn(programme: BenefitProgramme, members: BenefitMember[], rateDay: string, asOf: string): Component[] | null {
  const rates = programme.rates.filter((rate) => inEffect(rate, rateDay));
  if (rates.length === 0) return null;
  const unitComponents = rates.filter((r) => r.basis === 'unit').map((r) => ({ member: 0, category: r.category, amount: r.amount }));
  const memberRates = rates.filter((r) => r.basis === 'member');
  const candidates: (Component & { rate: BenefitRate })[] = [];
  members.forEach((member, index) => {
    const rate = memberRates.find((r) => conditionHolds(r.condition, member, asOf));
    if (!rate) return;
    const percent = schoolYearPercent(programme, rate, member);
    const amount = percent === 100 ? rate.amount : roundRatio(ratio(rate.amount * BigInt(percent), 100n), 'half-up');
    candidates.push({ member: index, category: rate.category, amount, rate });
  });
  const ranked = [...candidates].sort((a, b) => (a.amount === b.amount ? a.member - b.member : a.amount > b.amount ? -1 : 1));
  const perCategory = new Map<string, number>();
  let paid = 0;
  const capped = new Set<Component>();
  for (const candidate of ranked) {
    const inCategory = perCategory.get(candidate.category) ?? 0;
    const overCategory = candidate.rate.maxPerUnit !== null && inCategory >= candidate.rate.maxPerUnit;
    const overUnit = programme.memberCap !== null && paid >= programme.memberCap;
    if (overCategory || overUnit || candidate.amount === 0n) {
      capped.add(candidate);
      continue;
    }
    perCategory.set(candidate.category, inCategory + 1);
    paid += 1;
  }
  const memberComponents = candidates.map((c) => ({ member: c.member, category: c.category, amount: capped.has(c) ? 0n : c.amount }));
  return [...unitComponents, ...memberComponents];
}

/** Adds components of several months together, member by member and category by category. */
function addUp(months: Component[][]): Component[] {
  const out: Component[] = [];
  for (const month of months)
    for (const c of month) {
      const same = out.find((o) => o.member === c.member && o.category === c.category);
      if (same) same.amount += c.amount;
      else out.push({ ...c });
    }
  return out;
}

const firstOfMonth = (index: number) => `${monthOfIndex(index)}-01`;

/**
 * The quote. Inside a payment window of a monthly programme (KKS Nov–Dec 2014) the answer is the
 * window's lump sum, each month at its own rate, `per: 'stage'`. Otherwise it answers the
 * programme's period: a month or a year at the rate in effect on `asOf`, or one stage of a
 * staged programme (the yearly amount divided by the stages; programme.rules keeps it exact).
 */
export function quoteEntitlement(programme: BenefitProgramme, members: BenefitMember[], asOf: string): QuoteResult {
  const window = programme.period === 'month' ? programme.paymentWindows.find((w) => w.startsOn <= asOf && asOf <= w.endsOn) : undefined;
  let components: Component[];
  let per: EntitlementQuote['per'];
  if (window) {
    const months: Component[][] = [];
    for (let m = monthIndex(window.startsOn); m <= monthIndex(window.endsOn); m++) {
      const month = componentsOn(programme, members, firstOfMonth(m), asOf);
      if (!month) return { ok: false, code: 'aid.no_rate', date: firstOfMonth(m) };
      months.push(month);
    }
    components = addUp(months);
    per = 'stage';
  } else {
    const found = componentsOn(programme, members, asOf, asOf);
    if (!found) return { ok: false, code: 'aid.no_rate', date: asOf };
    const stages = programme.period === 'stage' ? BigInt(programme.stagesPerYear ?? 1) : 1n;
    components = found.map((c) => ({ ...c, amount: stages === 1n ? c.amount : roundRatio(ratio(c.amount, stages), 'half-up') }));
    per = programme.period;
  }
  components.sort((a, b) => a.member - b.member);
  return { ok: true, quote: { amount: sumRupiah(components.map((c) => c.amount)), per, components } };
}
