export { ACCOUNT_GROUPS, ACCOUNTS, CASH_ACCOUNTS, type SystemAccountCode } from './accounts.rules.ts';
export { writeBalances as writeLedgerBalances } from './balances.store.ts';
export { DRAWER_PARTY } from './cash-drawer.rules.ts';
export { counterCashParty, lockOpenDrawer, openDrawerOf } from './cash-drawer.service.ts';
export { once, requestHash } from './idempotency.store.ts';
export { ledgerRoutes } from './ledger.routes.ts';
export { compactLines, entryProblems, type PostingLine } from './ledger.rules.ts';
export { availableCash, createFund, type PostEntryInput, postEntry, reverseEntry, trialBalance } from './ledger.service.ts';
export { creditBalancesByOfficeAndFund, findFund as findFundById, findFundByCode, lockFund } from './ledger.store.ts';
