/** Pure rules of keeping the chart of accounts: codes under their group, the accounts the system posts to. */

/**
 * The chart of accounts the system posts to by itself, by name: the one place an account code is
 * written (migrations/0010_ledger.sql seeds the chart with these codes and their names). These
 * accounts cannot be deactivated. Every other module reaches them through the ledger's index.ts.
 */
export const ACCOUNTS = {
  /** Kas teller */
  tellerCash: '1.1.01',
  /** Kas di bank */
  bankCash: '1.1.02',
  /** Kas dalam perjalanan (setoran kader/pendamping): cash in transit, collected in the field */
  cashInTransit: '1.1.03',
  /** Pinjaman yang diberikan */
  loansReceivable: '1.2.01',
  /** Piutang murabahah */
  murabahahReceivable: '1.2.02',
  /** Margin murabahah ditangguhkan */
  deferredMurabahahMargin: '1.2.03',
  /** Pembiayaan mudharabah */
  mudharabahFinancing: '1.2.04',
  /** Pembiayaan musyarakah */
  musyarakahFinancing: '1.2.05',
  /** Pinjaman qardh */
  qardhLoans: '1.2.06',
  /** Cadangan kerugian pembiayaan (PPAP) */
  financingLossAllowance: '1.2.09',
  /** Simpanan sukarela */
  voluntarySavings: '2.1.01',
  /** Titipan iuran JKN */
  jknContributionsHeld: '2.2.01',
  /** Dana kebajikan (denda syariah) */
  benevolenceFund: '2.2.02',
  /** Simpanan pokok */
  principalSavings: '3.1.01',
  /** Simpanan wajib */
  mandatorySavings: '3.1.02',
  /** Modal sendiri LKM */
  ownCapital: '3.2.01',
  /** Dana hibah / stimulus (dana bergulir) */
  grantCapital: '3.2.02',
  /** Pendapatan bunga */
  interestIncome: '4.1.01',
  /** Pendapatan margin murabahah */
  murabahahMarginIncome: '4.1.02',
  /** Pendapatan bagi hasil mudharabah */
  mudharabahProfitShare: '4.1.03',
  /** Pendapatan bagi hasil musyarakah */
  musyarakahProfitShare: '4.1.04',
  /** Pendapatan denda */
  penaltyIncome: '4.2.01',
  /** Selisih lebih kas */
  cashOverage: '4.2.03',
  /** Beban penyisihan kerugian pembiayaan */
  provisionExpense: '5.1.01',
  /** Beban kerugian mudharabah/musyarakah */
  profitSharingLoss: '5.1.02',
  /** Selisih kurang kas */
  cashShortage: '5.2.01',
  /** Utang bantuan sosial kepada penerima: what approved entitlements owe until the channel confirms */
  aidPayable: '2.3.01',
  /** Penyaluran bantuan sosial: the expense of approved entitlements */
  aidExpense: '5.3.01',
} as const;
export type SystemAccountCode = (typeof ACCOUNTS)[keyof typeof ACCOUNTS];

/**
 * What cash received or paid at a drawer is for, by name (the cashier never types a code), and
 * the account each posts against. Ordinary accounts of the chart: one deactivated refuses its purpose.
 */
export const DRAWER_PURPOSE_ACCOUNTS = {
  in: {
    /** Modal sendiri LKM */
    capital_top_up: '3.2.01',
    /** Pendapatan administrasi */
    admin_fee: '4.2.02',
    /** Pendapatan lain-lain (migration 0044) */
    other_income: '4.2.05',
    /** Kas di bank: cash fetched from the bank */
    from_bank: '1.1.02',
  },
  out: {
    /** Beban operasional lain: stamps, stationery, electricity */
    office_expense: '5.2.02',
    /** Kas di bank: cash taken to the bank */
    to_bank: '1.1.02',
  },
} as const;

/** Groups of the chart whose accounts the system reads together. */
export const ACCOUNT_GROUPS = {
  /** Pembiayaan yang diberikan */
  financingReceivable: '1.2',
  /** Piutang lain */
  otherReceivables: '1.3',
  /** Simpanan anggota */
  memberSavings: '2.1',
  /** Modal anggota */
  membersCapital: '3.1',
  /** Modal dana */
  fundCapital: '3.2',
} as const;

export const SYSTEM_ACCOUNT_CODES: readonly string[] = Object.values(ACCOUNTS);
/** Teller cash, bank, and cash collected in the field not yet brought in: all a fund's to lend. */
export const CASH_ACCOUNTS: readonly string[] = [ACCOUNTS.tellerCash, ACCOUNTS.bankCash, ACCOUNTS.cashInTransit];
const SYSTEM = new Set(SYSTEM_ACCOUNT_CODES);
export const isSystemAccount = (code: string) => SYSTEM.has(code);

/** The code's last segment when it is its parent's code plus one segment of 1–3 digits, else null. */
export function childSegment(parentCode: string, code: string): string | null {
  if (!code.startsWith(`${parentCode}.`)) return null;
  const segment = code.slice(parentCode.length + 1);
  return /^[0-9]{1,3}$/.test(segment) ? segment : null;
}

/** Codes are at most four segments deep (the database's format check). */
export const MAX_ACCOUNT_DEPTH = 4;
export const accountDepth = (code: string) => code.split('.').length;

/**
 * The next free code under a group: one above its highest child, as wide as its children are
 * (5.2.01, 5.2.02 → 5.2.03), two digits under a second-level group and one under a top-level one,
 * as in the default chart. Null when the group is full or would be too deep.
 */
export function nextChildCode(parentCode: string, codes: readonly string[]): string | null {
  if (accountDepth(parentCode) >= MAX_ACCOUNT_DEPTH) return null;
  const segments = codes.flatMap((code) => {
    const segment = childSegment(parentCode, code);
    return segment === null ? [] : [segment];
  });
  const highest = Math.max(0, ...segments.map(Number));
  const width = Math.max(accountDepth(parentCode) === 1 ? 1 : 2, ...segments.map((s) => s.length));
  const next = highest + 1;
  if (String(next).length > 3) return null;
  return `${parentCode}.${String(next).padStart(width, '0')}`;
}

/** A sibling whose last segment is the same number (5.2.1 beside 5.2.01), or undefined. */
export function sameNumberSibling(parentCode: string, code: string, codes: readonly string[]): string | undefined {
  const segment = childSegment(parentCode, code);
  if (segment === null) return undefined;
  return codes.find(
    (other) => other !== code && childSegment(parentCode, other) !== null && Number(childSegment(parentCode, other)) === Number(segment),
  );
}
