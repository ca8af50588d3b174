export { ACCOUNT_GROUPS, ACCOUNTS, CASH_ACCOUNTS, type SystemAccountCode } from './accounts.rules.ts';
export { BOOKS_FORMAT, type VerifyResult, verifyExport } from './books.seal.ts';
export { checkIntegrity, exportBooks, sealBooks } from './books.service.ts';
export { DRAWER_PARTY } from './cash-drawer.rules.ts';
export { counterCashParty, lockOpenDrawer, openDrawerOf } from './cash-drawer.service.ts';
export { findFundForActor } from './ledger.access.ts';
export { ledgerRoutes } from './ledger.routes.ts';
export { compactLines, entryProblems, type PostingLine } from './ledger.rules.ts';
export {
  availableCash,
  createFund,
  creditBalancesOf,
  fundByCode,
  fundById,
  fundCodesByIds,
  groupFundOf,
  lockFundForLending,
  type PostEntryInput,
  postEntry,
  reverseEntry,
  snapshotLedgerBalances,
  trialBalance,
} from './ledger.service.ts';
