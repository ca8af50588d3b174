import { ACCOUNTS } from '../modules/ledger/accounts.rules.ts';

/**
 * The money set-up several financing tests share: a flat 10% monthly product with a daily late
 * charge (1‰, capped at 10%) and a YK01 revolving fund of Rp20.000.000, posted as a manager would.
 */
export const FLAT_PRODUCT_WITH_PENALTY = {
  code: 'FLAT10D',
  name: 'Flat 10% dengan denda',
  kind: 'flat',
  ratePercent: '10',
  frequency: 'monthly',
  minAmount: '1000000',
  maxAmount: '50000000',
  minInstallments: 3,
  maxInstallments: 24,
  penaltyPerMilleDaily: '1',
  penaltyCapPercent: '10',
} as const;

export const YOGYA_FUND = {
  code: 'DANA-YK',
  name: 'Dana bergulir',
  kind: 'own_capital',
  source: 'Modal LKM',
  officeCode: 'YK01',
  initialCapital: '20000000',
  capitalDate: '2026-01-02',
} as const;

/**
 * A product and a fund for portfolios generated in bulk (the benches, the comparison's facts test):
 * a flat 10% monthly product of 1 to 24 instalments with the daily late charge, and an empty
 * own-capital fund at YK01 the generated disbursements draw on.
 */
export const BULK_FLAT_PRODUCT = {
  code: 'BENCH',
  name: 'Bench flat',
  kind: 'flat',
  ratePercent: '10',
  frequency: 'monthly',
  minAmount: '1000000',
  maxAmount: '100000000',
  minInstallments: 1,
  maxInstallments: 24,
  graceOnPrincipal: 0,
  graceOnProfit: 0,
  rounding: 'half-up',
  penaltyPerMilleDaily: '1',
  penaltyCapPercent: '10',
  allocationOrder: ['penalty', 'profit', 'principal'] as ('penalty' | 'profit' | 'principal')[],
} as const;

export const BULK_FUND = {
  code: 'BENCH',
  name: 'Bench',
  kind: 'own_capital',
  source: 'bench',
  officeCode: 'YK01',
  initialCapital: '0',
  cashAccount: ACCOUNTS.bankCash,
} as const;
