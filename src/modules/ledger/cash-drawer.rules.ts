/** Pure rules of a cashier's drawer: what it should hold, what a movement and a count post. */

import type { Locale } from '../../core/locale.ts';
import { ACCOUNT_GROUPS, ACCOUNTS, DRAWER_PURPOSE_ACCOUNTS } from './accounts.rules.ts';
import type { PostingLine } from './ledger.rules.ts';

export const TELLER_CASH = ACCOUNTS.tellerCash;
export const CASH_SHORTAGE = ACCOUNTS.cashShortage;
export const CASH_OVERAGE = ACCOUNTS.cashOverage;
/** The source type of the entry posting a closing count's difference. */
export const COUNT_SOURCE = 'cash_drawer_count';
/** The party of teller-cash lines that passed through a drawer. */
export const DRAWER_PARTY = 'cash_drawer';

// Money of a member's financing or savings is posted by those operations (with the member's
// record as party), never typed at the drawer: their sub-ledgers would stop agreeing.
const MEMBER_SIDE: readonly string[] = [
  ACCOUNT_GROUPS.financingReceivable,
  ACCOUNT_GROUPS.otherReceivables,
  ACCOUNT_GROUPS.memberSavings,
  ACCOUNT_GROUPS.membersCapital,
];
export const drawerCounterAccountAllowed = (code: string) => !MEMBER_SIDE.some((p) => code === p || code.startsWith(`${p}.`));

/**
 * An office uses drawers when one was opened there within this many days: its counter cash
 * must then go through an open drawer. An office that never opened one (or stopped a month
 * ago) keeps taking cash at the counter without.
 */
export const DRAWERS_IN_USE_DAYS = 30;

export const expectedCash = (openingFloat: bigint, cashIn: bigint, cashOut: bigint) => openingFloat + cashIn - cashOut;

/** A receipt debits the drawer's cash; a payment credits it. */
export function movementLines(
  drawerId: string,
  input: { direction: 'in' | 'out'; accountCode: string; amount: bigint; fundId: string | null },
): PostingLine[] {
  const cash: PostingLine = { accountCode: TELLER_CASH, fundId: input.fundId, party: { type: DRAWER_PARTY, id: drawerId } };
  const other: PostingLine = { accountCode: input.accountCode, fundId: input.fundId };
  return input.direction === 'in'
    ? [
        { ...cash, debit: input.amount },
        { ...other, credit: input.amount },
      ]
    : [
        { ...other, debit: input.amount },
        { ...cash, credit: input.amount },
      ];
}

/**
 * Counted − expected, and the entry that brings the drawer's cash to what was counted: a
 * shortage is an expense (5.2.01 Selisih kurang kas), an overage income (4.2.03 Selisih lebih
 * kas). No entry when the count agrees.
 */
export function countDifference(drawerId: string, expected: bigint, counted: bigint): { difference: bigint; lines: PostingLine[] } {
  const difference = counted - expected;
  const party = { type: DRAWER_PARTY, id: drawerId };
  if (difference === 0n) return { difference, lines: [] };
  if (difference < 0n)
    return {
      difference,
      lines: [
        { accountCode: CASH_SHORTAGE, debit: -difference },
        { accountCode: TELLER_CASH, credit: -difference, party },
      ],
    };
  return {
    difference,
    lines: [
      { accountCode: TELLER_CASH, debit: difference, party },
      { accountCode: CASH_OVERAGE, credit: difference },
    ],
  };
}

export type DrawerDirection = 'in' | 'out';
export type DrawerPurpose = keyof (typeof DRAWER_PURPOSE_ACCOUNTS)['in'] | keyof (typeof DRAWER_PURPOSE_ACCOUNTS)['out'];

/** The purposes in words, as the cashier picks them and the report prints them. */
export const DRAWER_PURPOSE_WORDS: Record<DrawerPurpose, { id: string; en: string }> = {
  capital_top_up: { id: 'Tambahan modal', en: 'Capital top-up' },
  admin_fee: { id: 'Biaya administrasi', en: 'Administration fee' },
  other_income: { id: 'Pendapatan lain-lain', en: 'Other income' },
  from_bank: { id: 'Ambil uang dari bank', en: 'Cash fetched from the bank' },
  office_expense: { id: 'Biaya operasional kantor (ATK, materai, listrik)', en: 'Office expense (stationery, stamps, power)' },
  to_bank: { id: 'Setor uang ke bank', en: 'Cash taken to the bank' },
};

/** The purposes of one direction, in the order the cashier sees them. */
export const drawerPurposes = (direction: DrawerDirection): DrawerPurpose[] =>
  Object.keys(DRAWER_PURPOSE_ACCOUNTS[direction]) as DrawerPurpose[];

/** The account a purpose posts against in that direction, or null when the purpose does not exist there. */
export function purposeAccount(direction: DrawerDirection, purpose: string): string | null {
  const accounts: Record<string, string> = DRAWER_PURPOSE_ACCOUNTS[direction];
  return Object.hasOwn(accounts, purpose) ? (accounts[purpose] ?? null) : null;
}

/** The purpose a drawer entry was posted for, read back from its direction and its other account. */
export function purposeOf(direction: DrawerDirection, accountCodes: readonly string[]): DrawerPurpose | null {
  if (accountCodes.length !== 1) return null;
  const accounts: Record<string, string> = DRAWER_PURPOSE_ACCOUNTS[direction];
  return (Object.keys(accounts).find((purpose) => accounts[purpose] === accountCodes[0]) as DrawerPurpose | undefined) ?? null;
}

/** Notes and coins of the rupiah a drawer is counted in, largest first (Bank Indonesia, 2022 series). */
export const DENOMINATIONS = [100_000, 50_000, 20_000, 10_000, 5_000, 2_000, 1_000, 500, 200, 100] as const;

export type DenominationCount = { value: number; pieces: number };

/** The rupiah a count by denomination comes to. */
export const piecesTotal = (pieces: readonly DenominationCount[]) =>
  pieces.reduce((sum, p) => sum + BigInt(p.value) * BigInt(p.pieces), 0n);

/** What a receipt or payment was for: the purpose in words with the cashier's note, or the entry's own memo. */
export function movementPurposeText(movement: { purpose: string | null; memo: string }, locale: Locale): string {
  const words = movement.purpose ? DRAWER_PURPOSE_WORDS[movement.purpose as DrawerPurpose] : undefined;
  return words ? `${words[locale]}: ${movement.memo}` : movement.memo;
}

/** Counted − expected in words: "Sesuai", "Kurang Rp1.000", "Lebih Rp500" (amounts already formatted by the caller). */
export function differenceWords(difference: bigint, format: (amount: bigint) => string, locale: Locale): string {
  if (difference === 0n) return locale === 'en' ? 'Matches' : 'Sesuai';
  if (difference < 0n) return `${locale === 'en' ? 'Short by' : 'Kurang'} ${format(-difference)}`;
  return `${locale === 'en' ? 'Over by' : 'Lebih'} ${format(difference)}`;
}
