import type { Role } from '../../src/core/roles.ts';

export type NavKey =
  | 'home'
  | 'persons'
  | 'groups'
  | 'import'
  | 'duplicates'
  | 'users'
  | 'offices'
  | 'regions'
  | 'audit'
  | 'organisation'
  | 'cadres'
  | 'fieldApp'
  | 'partnerships'
  | 'usepChain'
  | 'usepReports'
  | 'usepOverview'
  | 'reminders'
  | 'dashboards'
  | FinancingNavKey
  | FinanceNavKey
  | HealthNavKey
  | AidNavKey;
type FinancingNavKey = 'financings' | 'financingProducts' | 'portfolio' | 'revolvingQueue';
type HealthNavKey = 'healthIks' | 'recalls' | 'healthSessions' | 'atRisk' | 'repaymentComparison';
type AidNavKey = 'aidProgrammes' | 'aidProgress';
type FinanceNavKey = 'accounts' | 'trialBalance' | 'accountStatement' | 'reports' | 'journal' | 'funds' | 'cashDrawer';
/** `section`: the items under a heading of the navigation (Keuangan). */
export type NavItem = { key: NavKey; path: string; section?: 'financing' | 'finance' | 'health' | 'aid' };

const ITEMS: Record<NavKey, NavItem> = {
  home: { key: 'home', path: '/' },
  persons: { key: 'persons', path: '/persons' },
  groups: { key: 'groups', path: '/groups' },
  import: { key: 'import', path: '/households/import' },
  duplicates: { key: 'duplicates', path: '/duplicates' },
  users: { key: 'users', path: '/users' },
  offices: { key: 'offices', path: '/offices' },
  regions: { key: 'regions', path: '/regions' },
  audit: { key: 'audit', path: '/audit' },
  organisation: { key: 'organisation', path: '/organisation' },
  cadres: { key: 'cadres', path: '/cadres' },
  // The offline field app (its own shell, outside the office layout).
  fieldApp: { key: 'fieldApp', path: '/field' },
  partnerships: { key: 'partnerships', path: '/partnerships' },
  usepChain: { key: 'usepChain', path: '/usep/chain' },
  usepReports: { key: 'usepReports', path: '/usep/reports' },
  usepOverview: { key: 'usepOverview', path: '/usep/overview' },
  reminders: { key: 'reminders', path: '/reminders' },
  dashboards: { key: 'dashboards', path: '/dashboards' },
  financings: { key: 'financings', path: '/financings', section: 'financing' },
  financingProducts: { key: 'financingProducts', path: '/financing/products', section: 'financing' },
  portfolio: { key: 'portfolio', path: '/financing/portfolio', section: 'financing' },
  revolvingQueue: { key: 'revolvingQueue', path: '/financing/queue', section: 'financing' },
  accounts: { key: 'accounts', path: '/finance/accounts', section: 'finance' },
  trialBalance: { key: 'trialBalance', path: '/finance/trial-balance', section: 'finance' },
  accountStatement: { key: 'accountStatement', path: '/finance/ledger', section: 'finance' },
  reports: { key: 'reports', path: '/finance/reports', section: 'finance' },
  journal: { key: 'journal', path: '/finance/journal', section: 'finance' },
  funds: { key: 'funds', path: '/finance/funds', section: 'finance' },
  cashDrawer: { key: 'cashDrawer', path: '/finance/cash-drawer', section: 'finance' },
  healthIks: { key: 'healthIks', path: '/health/iks', section: 'health' },
  recalls: { key: 'recalls', path: '/health/recalls', section: 'health' },
  healthSessions: { key: 'healthSessions', path: '/health/sessions', section: 'health' },
  atRisk: { key: 'atRisk', path: '/health/at-risk', section: 'health' },
  repaymentComparison: { key: 'repaymentComparison', path: '/health/comparison', section: 'health' },
  aidProgrammes: { key: 'aidProgrammes', path: '/aid/programmes', section: 'aid' },
  aidProgress: { key: 'aidProgress', path: '/aid/progress', section: 'aid' },
};

// The health pages by role (src/modules/health/health.roles.ts): clinical lists for health workers.
const HEALTH_ALL: HealthNavKey[] = ['healthIks', 'recalls', 'healthSessions', 'atRisk', 'repaymentComparison'];
const HEALTH_OVERSIGHT: HealthNavKey[] = ['healthIks', 'healthSessions', 'repaymentComparison'];

// The finance pages by role (the ledger's readers; journals for its keepers; drawers for those who hold one).
const FINANCE_READ: FinanceNavKey[] = ['accounts', 'trialBalance', 'accountStatement', 'reports', 'funds'];
const FINANCE_KEEP: FinanceNavKey[] = ['accounts', 'trialBalance', 'accountStatement', 'reports', 'journal', 'funds', 'cashDrawer'];

// The financing pages: every role that reads financings (DOMAIN.md section 3).
const FINANCING: FinancingNavKey[] = ['financings', 'financingProducts'];
// Portfolio at risk and the revolving queue: for the readers of PAR and of funds (not facilitators).
const PORTFOLIO: FinancingNavKey[] = ['portfolio', 'revolvingQueue'];
// Social assistance: the readers of programmes and cycles (src/modules/aid/aid.roles.ts, AID_READERS).
const AID: AidNavKey[] = ['aidProgrammes', 'aidProgress'];

// Dashboards: their readers (src/modules/dashboards/dashboards.roles.ts, DASHBOARD_READERS): admin, manager, supervisor, auditor.
const BY_ROLE: Partial<Record<Role, NavKey[]>> = {
  admin: [
    'home',
    'dashboards',
    'persons',
    'groups',
    'import',
    'duplicates',
    'users',
    'offices',
    'regions',
    'audit',
    'organisation',
    'cadres',
    'reminders',
    ...FINANCING,
    ...PORTFOLIO,
    ...FINANCE_KEEP,
    ...HEALTH_ALL,
    'partnerships',
    ...AID,
    'usepChain',
    'usepReports',
    'usepOverview',
  ],
  manager: [
    'home',
    'dashboards',
    'persons',
    'groups',
    'import',
    'duplicates',
    'offices',
    'regions',
    'cadres',
    'reminders',
    ...FINANCING,
    ...PORTFOLIO,
    ...FINANCE_KEEP,
    ...HEALTH_OVERSIGHT,
    'atRisk',
    'partnerships',
    ...AID,
    'usepChain',
    'usepReports',
    'usepOverview',
  ],
  cashier: [
    'home',
    'persons',
    'groups',
    'offices',
    'regions',
    ...FINANCING,
    ...PORTFOLIO,
    'cashDrawer',
    ...FINANCE_READ,
    'usepChain',
    'usepReports',
  ],
  facilitator: [
    'home',
    'fieldApp',
    'persons',
    'groups',
    'import',
    'offices',
    'regions',
    ...FINANCING,
    'healthSessions',
    'atRisk',
    ...AID,
    'usepChain',
    'usepReports',
  ],
  supervisor: [
    'home',
    'dashboards',
    'persons',
    'groups',
    'offices',
    'regions',
    'cadres',
    ...FINANCING,
    ...PORTFOLIO,
    ...FINANCE_READ,
    ...HEALTH_OVERSIGHT,
    'partnerships',
    ...AID,
    'usepChain',
    'usepReports',
    'usepOverview',
  ],
  auditor: [
    'home',
    'dashboards',
    'persons',
    'groups',
    'users',
    'offices',
    'regions',
    'audit',
    'cadres',
    ...FINANCING,
    ...PORTFOLIO,
    ...FINANCE_READ,
    // The journal list (read only), where the home page's reversal and manual-entry counts lead,
    // and the cash drawers (read only), where its drawer differences lead.
    'journal',
    'cashDrawer',
    ...HEALTH_OVERSIGHT,
    'partnerships',
    ...AID,
    'usepChain',
    'usepReports',
    'usepOverview',
  ],
  // A cadre sees their own record: card data, trainings and the families they look after.
  cadre: ['home', 'fieldApp', 'persons', 'groups', 'cadres', 'offices', 'regions'],
  // A health worker: their families' clinical records, recalls and sessions, in the office and offline.
  health_worker: ['home', 'fieldApp', 'persons', 'groups', 'offices', 'regions', ...HEALTH_ALL, 'partnerships'],
  // A lurah or camat: the group reports of their area (no families).
  official: ['home', 'groups', 'usepReports'],
};
const DEFAULT: NavKey[] = ['home', 'persons', 'groups', 'offices', 'regions'];

/** The pages a role sees; the server decides again on every request. */
export const navFor = (role: Role): NavItem[] => (BY_ROLE[role] ?? DEFAULT).map((key) => ITEMS[key]);

export const canOpen = (role: Role, key: NavKey) => navFor(role).some((item) => item.key === key);

/** Roles that may change users, offices and the organisation (the rest only read). */
export const canAdminister = (role: Role) => role === 'admin';

/** Roles that post journals and define funds (the ledger's keepers). */
export const canKeepLedger = (role: Role) => role === 'admin' || role === 'manager';
