/**
 * Booking the allowance for financing losses (PPAP) at close of day: the portfolio snapshot
 * says what each office and fund must hold (quality class × rate, PROVISION_PER_MILLE); the
 * ledger says what is held in 1.2.09. The difference is posted: an increase as expense
 * (Dr 5.1.01 / Cr 1.2.09), a decrease released (Dr 1.2.09 / Cr 5.1.01).
 */
import { ACCOUNTS } from '../ledger/accounts.rules.ts';

export const ALLOWANCE_ACCOUNT = ACCOUNTS.financingLossAllowance;
export const PROVISION_EXPENSE_ACCOUNT = ACCOUNTS.provisionExpense;

/** A journal line as the ledger's postEntry takes it. */
export type ProvisionLine = { accountCode: string; fundId: string | null; debit?: bigint; credit?: bigint };

export type ProvisionAmount = { officeId: string; fundId: string | null; amount: bigint };

/** Per office, the lines that bring the allowance booked to the allowance required (offices with no change are left out). */
export function provisionTrueUp(required: ProvisionAmount[], booked: ProvisionAmount[]): Map<string, ProvisionLine[]> {
  const key = (a: ProvisionAmount) => `${a.officeId}|${a.fundId ?? ''}`;
  const deltas = new Map<string, ProvisionAmount>();
  for (const r of required) {
    const d = deltas.get(key(r)) ?? { ...r, amount: 0n };
    deltas.set(key(r), { ...d, amount: d.amount + r.amount });
  }
  for (const b of booked) {
    const d = deltas.get(key(b)) ?? { ...b, amount: 0n };
    deltas.set(key(b), { ...d, amount: d.amount - b.amount });
  }
  const byOffice = new Map<string, ProvisionLine[]>();
  for (const d of [...deltas.values()].sort((a, b) => key(a).localeCompare(key(b)))) {
    if (d.amount === 0n) continue;
    const lines = byOffice.get(d.officeId) ?? [];
    const amount = d.amount > 0n ? d.amount : -d.amount;
    const expense = { accountCode: PROVISION_EXPENSE_ACCOUNT, fundId: d.fundId };
    const allowance = { accountCode: ALLOWANCE_ACCOUNT, fundId: d.fundId };
    if (d.amount > 0n) lines.push({ ...expense, debit: amount }, { ...allowance, credit: amount });
    else lines.push({ ...allowance, debit: amount }, { ...expense, credit: amount });
    byOffice.set(d.officeId, lines);
  }
  return byOffice;
}
