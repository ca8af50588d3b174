import { sumRupiah } from '../../core/money.ts';
import { type BenefitMember, type BenefitProgramme, quoteEntitlement } from './entitlement.rules.ts';

/**
 * Payment cycles (OpenSPP's cycle, OpenG2P's disbursement cycle): what each enrolled unit is
 * owed for one period, the order of approval (maker-checker) and what may change when. No I/O.
 */

export const CYCLE_STATUSES = ['open', 'approved', 'closed'] as const;
export const COMPUTE_STATES = ['idle', 'computing', 'computed'] as const;
export const ENTITLEMENT_STATUSES = ['computed', 'excluded', 'approved', 'instructed', 'paid', 'failed', 'returned'] as const;
export type EntitlementStatus = (typeof ENTITLEMENT_STATUSES)[number];
export const REVIEW_LEVELS = ['province', 'regency', 'district'] as const;
export type ReviewLevel = (typeof REVIEW_LEVELS)[number];

/** What memberFactsOf knows of a member; null: not recorded. */
export type FactsMember = {
  id: string;
  birthDate: string;
  sex: 'M' | 'F';
  schoolLevel: BenefitMember['schoolLevel'];
  schoolYear: BenefitMember['schoolYear'];
  pregnant: boolean | null;
  disability: 'severe' | 'none' | null;
};

/** A stored component: the member is a person id (the quote's is an index into the members given). */
export type StoredComponent = { member: string; category: string; amount: string };
export type UnitEntitlement = { amount: bigint; components: StoredComponent[] };

/**
 * A member as the benefit table reads them. What is not recorded does not pay: a pregnancy or a
 * severe disability the health profile does not hold, a school level the registry does not hold.
 */
export const benefitMemberOf = (member: FactsMember): BenefitMember => ({
  birthDate: member.birthDate,
  sex: member.sex,
  pregnant: member.pregnant === true,
  schoolLevel: member.schoolLevel,
  schoolYear: member.schoolLevel === null ? null : member.schoolYear,
  disability: member.disability === 'severe' ? 'severe' : null,
});

/** A programme whose every row pays once per unit (KKS, Sembako): its cycles are computed in SQL alone. */
export const paysPerUnitOnly = (programme: BenefitProgramme) => programme.rates.every((rate) => rate.basis === 'unit');

/**
 * What one unit is owed in a cycle whose period starts on `periodStart` (rates and ages read on that
 * day), from the members counted (a family's living members, or the one person enrolled). Members
 * born after the day are not counted yet. A per-unit component belongs to the recipient. null when
 * the programme's table does not apply on the day.
 */
export function unitEntitlement(
  programme: BenefitProgramme,
  members: FactsMember[],
  recipientId: string,
  periodStart: string,
): UnitEntitlement | null {
  const counted = members.filter((m) => m.birthDate <= periodStart);
  const quote = quoteEntitlement(programme, counted.map(benefitMemberOf), periodStart);
  if (!quote.ok) return null;
  const unitCategories = new Set(programme.rates.filter((r) => r.basis === 'unit').map((r) => r.category));
  return {
    amount: quote.quote.amount,
    components: quote.quote.components.map((c) => ({
      member: unitCategories.has(c.category) ? recipientId : (counted[c.member]?.id ?? recipientId),
      category: c.category,
      amount: c.amount.toString(),
    })),
  };
}

/** The per-unit components of a programme that pays per unit only, the same for every unit (null: no table on the day). */
export function perUnitTemplate(
  programme: BenefitProgramme,
  periodStart: string,
): { amount: bigint; components: { category: string; amount: string }[] } | null {
  const quote = quoteEntitlement(programme, [], periodStart);
  if (!quote.ok) return null;
  return {
    amount: quote.quote.amount,
    components: quote.quote.components.map((c) => ({ category: c.category, amount: c.amount.toString() })),
  };
}

export type CycleFacts = { status: (typeof CYCLE_STATUSES)[number]; computeState: (typeof COMPUTE_STATES)[number]; createdBy: string };

/**
 * Why a cycle cannot be approved by `actor` (a username), or null. The maker never approves
 * (asked first: whatever the cycle's state, the answer to the maker is the same); then the cycle
 * must be open and its compute finished, and the programme must have a fund to owe the money from.
 */
export function cycleApprovalRefusal(
  cycle: CycleFacts,
  actor: string,
  hasFund: boolean,
): 'aid.maker_checker' | 'aid.cycle_not_open' | 'aid.cycle_not_computed' | 'aid.no_fund' | null {
  if (cycle.createdBy === actor) return 'aid.maker_checker';
  if (cycle.status !== 'open') return 'aid.cycle_not_open';
  if (cycle.computeState !== 'computed') return 'aid.cycle_not_computed';
  if (!hasFund) return 'aid.no_fund';
  return null;
}

/**
 * Why entitlements of a cycle cannot be approved by `actor`, or null. Nothing is approved (and so
 * nothing paid) before its cycle is: that comes first, whoever asks; then the cycle's maker is refused.
 */
export function entitlementApprovalRefusal(
  cycle: CycleFacts,
  actor: string,
  hasFund: boolean,
): 'aid.cycle_not_approved' | 'aid.cycle_closed' | 'aid.maker_checker' | 'aid.no_fund' | null {
  if (cycle.status === 'open') return 'aid.cycle_not_approved';
  if (cycle.status === 'closed') return 'aid.cycle_closed';
  if (cycle.createdBy === actor) return 'aid.maker_checker';
  if (!hasFund) return 'aid.no_fund';
  return null;
}

/** Excluded with a reason: what is computed (under review) or approved (owed, not yet instructed). */
export const EXCLUDABLE: readonly EntitlementStatus[] = ['computed', 'approved'];
export const isExcludable = (status: EntitlementStatus) => EXCLUDABLE.includes(status);

/** Characters of a village code (34.71.01.1001) that name its province, regency, district. */
export const REVIEW_PREFIX: Record<ReviewLevel, number> = { province: 2, regency: 5, district: 8 };

export type StatusTotal = { count: number; amount: string };
export type CycleTotals = { byStatus: Record<EntitlementStatus, StatusTotal>; count: number; amount: string };

/** Totals by status (every status present), and what is owed: everything not excluded. */
export function cycleTotals(rows: { status: EntitlementStatus; count: number; amount: string }[]): CycleTotals {
  const byStatus = Object.fromEntries(ENTITLEMENT_STATUSES.map((s) => [s, { count: 0, amount: '0' }])) as Record<
    EntitlementStatus,
    StatusTotal
  >;
  for (const row of rows) byStatus[row.status] = { count: row.count, amount: row.amount };
  const owed = ENTITLEMENT_STATUSES.filter((s) => s !== 'excluded');
  return {
    byStatus,
    count: owed.reduce((n, s) => n + byStatus[s].count, 0),
    amount: sumRupiah(owed.map((s) => byStatus[s].amount)).toString(),
  };
}
