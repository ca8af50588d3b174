/** Pure rules of a cashier's drawer: what it should hold, what a movement and a count post. */
import { ACCOUNT_GROUPS, ACCOUNTS } from './accounts.rules.ts';
import type { PostingLine } from './ledger.rules.ts';

export const TELLER_CASH = ACCOUNTS.tellerCash;
export const CASH_SHORTAGE = ACCOUNTS.cashShortage;
export const CASH_OVERAGE = ACCOUNTS.cashOverage;
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
