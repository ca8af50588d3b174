/** Pure rules of member savings (simpanan): amounts are integer rupiah as bigint. */
import { monthIndex, monthOfIndex } from '../../core/dates.ts';
import type { ErrorCode } from '../../core/errors.ts';
import { formatRupiah } from '../../core/format.ts';
import { ACCOUNTS } from '../ledger/accounts.rules.ts';

export const SAVINGS_KINDS = ['pokok', 'wajib', 'sukarela'] as const;
export type SavingsKind = (typeof SAVINGS_KINDS)[number];

/** Where each kind sits in the chart of accounts (migrations/0010_ledger.sql). */
export const SAVINGS_LEDGER_ACCOUNT: Record<SavingsKind, string> = {
  pokok: ACCOUNTS.principalSavings,
  wajib: ACCOUNTS.mandatorySavings,
  sukarela: ACCOUNTS.voluntarySavings,
};
export const TELLER_CASH = ACCOUNTS.tellerCash;
export const SAVINGS_PARTY = 'savings_account';

/** Simpanan Pokok, Simpanan Wajib, Simpanan Sukarela: the letters on the passbook. */
export const KIND_CODE: Record<SavingsKind, string> = { pokok: 'SP', wajib: 'SW', sukarela: 'SS' };

export type SavingsSettings = { pokokAmount: bigint; wajibAmount: bigint };
/** Defaults until an admin sets the institution's own (UU 25/1992: the AD/ART fixes them). */
export const DEFAULT_SETTINGS: SavingsSettings = { pokokAmount: 50_000n, wajibAmount: 10_000n };

export function formatAccountNumber(officeCode: string, kind: SavingsKind, sequence: number): string {
  return `${officeCode}-${KIND_CODE[kind]}-${String(sequence).padStart(6, '0')}`;
}

export function parseAccountNumber(number: string): { officeCode: string; kind: SavingsKind; sequence: number } | null {
  const match = /^([A-Z0-9-]{2,20})-(SP|SW|SS)-(\d{6,})$/.exec(number);
  if (!match) return null;
  const kind = SAVINGS_KINDS.find((k) => KIND_CODE[k] === match[2]);
  return kind ? { officeCode: match[1] as string, kind, sequence: Number(match[3]) } : null;
}

export type SavingsProblem = { code: ErrorCode; kind: 'conflict' | 'invalid'; params?: Record<string, string> };

/**
 * Why a deposit cannot be taken, or null. Pokok is paid once, in the set amount; wajib in
 * whole periods (one or more months at once); sukarela any amount.
 */
export function depositProblem(
  kind: SavingsKind,
  account: { balance: bigint; open: boolean },
  amount: bigint,
  settings: SavingsSettings,
): SavingsProblem | null {
  if (!account.open) return { code: 'savings.account_closed', kind: 'conflict' };
  if (amount <= 0n) return { code: 'savings.amount_invalid', kind: 'invalid' };
  if (kind === 'pokok') {
    if (account.balance > 0n) return { code: 'savings.pokok_already_paid', kind: 'conflict' };
    if (amount !== settings.pokokAmount)
      return { code: 'savings.pokok_amount', kind: 'invalid', params: { amount: formatRupiah(settings.pokokAmount) } };
  }
  if (kind === 'wajib' && amount % settings.wajibAmount !== 0n)
    return { code: 'savings.wajib_amount', kind: 'invalid', params: { amount: formatRupiah(settings.wajibAmount) } };
  return null;
}

/** Why a withdrawal cannot be paid, or null. Pokok and wajib come back only when a member leaves. */
export function withdrawalProblem(kind: SavingsKind, account: { balance: bigint; open: boolean }, amount: bigint): SavingsProblem | null {
  if (!account.open) return { code: 'savings.account_closed', kind: 'conflict' };
  if (amount <= 0n) return { code: 'savings.amount_invalid', kind: 'invalid' };
  if (kind !== 'sukarela') return { code: 'savings.not_withdrawable', kind: 'conflict' };
  if (amount > account.balance)
    return { code: 'savings.insufficient_balance', kind: 'conflict', params: { balance: formatRupiah(account.balance) } };
  return null;
}

/** Why a movement cannot be undone by a counter-movement, or null. */
export function reversalProblem(
  movement: { type: MovementType; amount: bigint; reversed: boolean },
  account: { balance: bigint; open: boolean },
): SavingsProblem | null {
  if (movement.type === 'reversal') return { code: 'savings.reversal_of_reversal', kind: 'conflict' };
  if (movement.reversed) return { code: 'savings.already_reversed', kind: 'conflict' };
  if (movement.type === 'closure' || !account.open) return { code: 'savings.account_closed', kind: 'conflict' };
  // Undoing a deposit whose money was already withdrawn would overdraw the member.
  if (account.balance - movement.amount < 0n)
    return { code: 'savings.insufficient_balance', kind: 'conflict', params: { balance: formatRupiah(account.balance) } };
  return null;
}

export type MovementType = 'deposit' | 'withdrawal' | 'reversal' | 'closure';
export type PostingLine = { accountCode: string; debit?: bigint; credit?: bigint; party?: { type: string; id: string } | null };

/**
 * The journal lines of a movement of `amount` (signed: + into the account) between teller
 * cash and the kind's account; the member-side line names the savings account, the cash line
 * the teller's open cash drawer when there is one.
 */
export function movementLines(
  kind: SavingsKind,
  accountId: string,
  amount: bigint,
  cashParty: { type: string; id: string } | null = null,
): PostingLine[] {
  const savings = { accountCode: SAVINGS_LEDGER_ACCOUNT[kind], party: { type: SAVINGS_PARTY, id: accountId } };
  const cash = cashParty ? { accountCode: TELLER_CASH, party: cashParty } : { accountCode: TELLER_CASH };
  const size = amount < 0n ? -amount : amount;
  return amount > 0n
    ? [
        { ...cash, debit: size },
        { ...savings, credit: size },
      ]
    : [
        { ...savings, debit: size },
        { ...cash, credit: size },
      ];
}

/** Running balances of signed movements from an opening balance. */
export function runningBalances(opening: bigint, amounts: bigint[]): bigint[] {
  let balance = opening;
  return amounts.map((amount) => {
    balance += amount;
    return balance;
  });
}

export type WajibStanding = {
  monthlyAmount: bigint;
  /** Months from the month the account was opened through this month. */
  monthsDue: number;
  monthsPaid: number;
  /** The last month covered (YYYY-MM), or null when nothing is paid. */
  paidThrough: string | null;
  arrearsMonths: number;
  arrearsAmount: bigint;
  /** Months paid ahead of this one. */
  monthsAhead: number;
};

/**
 * Simpanan wajib as months: one period is due each month from the month the account was
 * opened; the balance at the current amount pays whole months from that month on (deposits
 * are whole periods, so the balance is too while the amount is unchanged).
 */
export function wajibStanding(openedOn: string, today: string, balance: bigint, monthlyAmount: bigint): WajibStanding {
  const monthsDue = Math.max(0, monthIndex(today) - monthIndex(openedOn) + 1);
  const monthsPaid = monthlyAmount > 0n ? Number(balance / monthlyAmount) : 0;
  const arrearsMonths = Math.max(0, monthsDue - monthsPaid);
  return {
    monthlyAmount,
    monthsDue,
    monthsPaid,
    paidThrough: monthsPaid > 0 ? monthOfIndex(monthIndex(openedOn) + monthsPaid - 1) : null,
    arrearsMonths,
    arrearsAmount: BigInt(arrearsMonths) * monthlyAmount,
    monthsAhead: Math.max(0, monthsPaid - monthsDue),
  };
}
