/**
 * The 6-monthly group report (seed 002: "laporan … ke Dinas Kesejahteraan Sosial dengan diketahui
 * kelurahan dengan tembusan Kecamatan … minimal tiap 6 bulan sekali"): its chain of signatures,
 * lateness, letter number and the figures compiled from the group's records.
 */
import { addMonthsKeepingDay } from '../../core/dates.ts';
import type { Role } from '../../core/roles.ts';

export const REPORT_STATUSES = ['draft', 'submitted', 'returned', 'accepted', 'acknowledged', 'received', 'superseded'] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];
export type ReportAction = 'submit' | 'accept' | 'return' | 'acknowledge' | 'receive';

/**
 * Who signs each step and from which status: the group (its facilitator or the office, for the
 * ketua) submits; the pembina accepts or returns; the kelurahan acknowledges (mengetahui); the
 * Dinas (its head or the admin) receives, which copies the kecamatan (tembusan).
 */
export const REPORT_STEPS: Record<ReportAction, { from: ReportStatus; to: ReportStatus; roles: readonly Role[]; level?: AreaLevel }> = {
  submit: { from: 'draft', to: 'submitted', roles: ['admin', 'manager', 'facilitator'] },
  accept: { from: 'submitted', to: 'accepted', roles: ['supervisor'] },
  return: { from: 'submitted', to: 'returned', roles: ['supervisor'] },
  acknowledge: { from: 'accepted', to: 'acknowledged', roles: ['official'], level: 'village' },
  receive: { from: 'acknowledged', to: 'received', roles: ['admin', 'manager'] },
};

export type AreaLevel = 'village' | 'district' | 'wider';
/** The level of an area by its region codes (PP.RR.DD.VVVV a village, PP.RR.DD a district). */
export function areaLevel(regionCodes: readonly string[]): AreaLevel {
  if (regionCodes.length > 0 && regionCodes.every((c) => c.split('.').length === 4)) return 'village';
  if (regionCodes.length > 0 && regionCodes.every((c) => c.split('.').length === 3)) return 'district';
  return 'wider';
}

/** Why a signer cannot take this step now (an error code), or null when they can. */
export function stepRefusal(
  action: ReportAction,
  status: ReportStatus,
  signer: { role: Role | 'system'; level: AreaLevel },
): 'usep.report_wrong_status' | 'usep.report_wrong_signer' | null {
  const step = REPORT_STEPS[action];
  if (signer.role !== 'system' && !step.roles.includes(signer.role)) return 'usep.report_wrong_signer';
  if (signer.role !== 'system' && step.level && signer.level !== step.level) return 'usep.report_wrong_signer';
  if (status !== step.from) return 'usep.report_wrong_status';
  return null;
}

/** Which reports an official sees: the kelurahan from the pembina's acceptance on, the kecamatan its copy once received. */
export function officialSees(level: AreaLevel, status: ReportStatus): boolean {
  if (level === 'village') return status === 'accepted' || status === 'acknowledged' || status === 'received';
  return status === 'received';
}

/** At least every 6 months: late when 6 months have passed since the end of the last period reported (or since forming). */
export function isLate(lastCoveredUntil: string, today: string): boolean {
  return addMonthsKeepingDay(lastCoveredUntil, 6) < today;
}

const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X', 'XI', 'XII'];
/** The letter's number: 03/USEP-KM/KRICAK-MAJU/XII/2026 (sequence of the group's reports, month in Roman numerals). */
export function letterNumber(sequence: number, groupName: string, date: string): string {
  const code = groupName
    .replace(/^USEP\s*KM\s*/i, '')
    .toUpperCase()
    .replace(/[^A-Z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 20);
  return `${String(sequence).padStart(2, '0')}/USEP-KM/${code || 'KLP'}/${ROMAN[Number(date.slice(5, 7)) - 1]}/${date.slice(0, 4)}`;
}

export type BusinessRecord = {
  owner: string;
  name: string;
  active: boolean;
  capital: bigint;
  revenue: bigint;
  costs: bigint;
  /** Month-by-month figures (YYYY-MM-01), any order. */
  months: { month: string; capital: bigint; revenue: bigint; costs: bigint }[];
};
export type ReportRecords = {
  periodStart: string;
  periodEnd: string;
  members: { name: string; joinedOn: string; leftOn: string | null }[];
  businesses: BusinessRecord[];
  stimulus: { stimulusRupiah: string; revolvedRupiah: string; families: number; rounds: number; multiplier: string };
  arrears: { overdueRupiah: string; recipientsInArrears: number };
  meetings: { heldOn: string; agenda: string; present: number; total: number }[];
  assets: { item: string; valueRupiah: string; receivedOn: string }[];
};

type Figures = { capital: string; revenue: string; costs: string; profit: string };
const figures = (capital: bigint, revenue: bigint, costs: bigint): Figures => ({
  capital: capital.toString(),
  revenue: revenue.toString(),
  costs: costs.toString(),
  profit: (revenue - costs).toString(),
});

/**
 * The report's figures from the records: members at the end of the period, joined and left in it;
 * each business at the start and the end of the period (its first and last month recorded in the
 * period, else its latest figures); meetings held and attendance in tenths of a percent; assets.
 */
export function compileReport(records: ReportRecords) {
  const inPeriod = (date: string) => date >= records.periodStart && date <= records.periodEnd;
  const active = records.members.filter((m) => m.joinedOn <= records.periodEnd && (m.leftOn === null || m.leftOn > records.periodEnd));
  const businesses = records.businesses.map((b) => {
    const months = b.months.filter((m) => inPeriod(m.month)).sort((x, y) => x.month.localeCompare(y.month));
    const first = months[0];
    const last = months.at(-1);
    return {
      owner: b.owner,
      name: b.name,
      active: b.active,
      start: first ? figures(first.capital, first.revenue, first.costs) : figures(b.capital, b.revenue, b.costs),
      end: last ? figures(last.capital, last.revenue, last.costs) : figures(b.capital, b.revenue, b.costs),
    };
  });
  const total = (side: 'start' | 'end') => {
    const sum = (key: keyof Figures) => businesses.reduce((s, b) => s + BigInt(b[side][key]), 0n);
    return figures(sum('capital'), sum('revenue'), sum('costs'));
  };
  const meetings = records.meetings.filter((m) => inPeriod(m.heldOn));
  const present = meetings.reduce((s, m) => s + m.present, 0);
  const seats = meetings.reduce((s, m) => s + m.total, 0);
  // Tenths of a percent, half-up, in integers: 37 of 48 → 77.1.
  const permille = seats === 0 ? 0 : Math.floor((present * 2000 + seats) / (seats * 2));
  return {
    members: {
      active: active.length,
      joined: records.members.filter((m) => inPeriod(m.joinedOn)).length,
      left: records.members.filter((m) => m.leftOn !== null && inPeriod(m.leftOn)).length,
      names: active.map((m) => m.name),
    },
    businesses: { count: businesses.filter((b) => b.active).length, start: total('start'), end: total('end'), items: businesses },
    stimulus: records.stimulus,
    arrears: records.arrears,
    meetings: {
      held: meetings.length,
      attendancePercent: `${Math.floor(permille / 10)}.${permille % 10}`,
      items: meetings,
    },
    assets: {
      count: records.assets.length,
      valueRupiah: records.assets.reduce((s, a) => s + BigInt(a.valueRupiah), 0n).toString(),
      items: records.assets,
    },
  };
}
export type CompiledReport = ReturnType<typeof compileReport>;
