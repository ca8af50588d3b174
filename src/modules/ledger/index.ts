export { ACCOUNT_GROUPS, ACCOUNTS, CASH_ACCOUNTS, type SystemAccountCode } from './accounts.rules.ts';
export { BOOKS_FORMAT, type VerifyResult, verifyExport } from './books.seal.ts';
export { checkIntegrity, exportBooks, sealBooks } from './books.service.ts';
export {
  COUNT_SOURCE,
  DRAWER_PARTY,
  DRAWER_PURPOSE_WORDS,
  type DrawerPurpose,
  differenceWords,
  movementPurposeText,
} from './cash-drawer.rules.ts';
export { counterCashParty, getDrawer, listDrawers, lockOpenDrawer, openDrawerOf } from './cash-drawer.service.ts';
export { findFundForActor } from './ledger.access.ts';
export { LEDGER_READERS } from './ledger.roles.ts';
export { ledgerRoutes } from './ledger.routes.ts';
export { compactLines, entryProblems, type PostingLine } from './ledger.rules.ts';
export {
  accountStatement,
  availableCash,
  createFund,
  creditBalancesOf,
  fundByCode,
  fundById,
  fundCodesByIds,
  groupFundOf,
  listEntries,
  listFunds,
  lockFundForLending,
  type PostEntryInput,
  postEntry,
  reverseEntry,
  snapshotLedgerBalances,
  trialBalance,
} from './ledger.service.ts';
