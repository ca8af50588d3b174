import type { Role } from '../../src/core/roles.ts';

export type NavKey = 'home' | 'persons' | 'groups' | 'import' | 'duplicates' | 'users' | 'offices' | 'regions' | 'audit' | 'organisation';
export type NavItem = { key: NavKey; path: string };

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
};

const BY_ROLE: Partial<Record<Role, NavKey[]>> = {
  admin: ['home', 'persons', 'groups', 'import', 'duplicates', 'users', 'offices', 'regions', 'audit', 'organisation'],
  manager: ['home', 'persons', 'groups', 'import', 'duplicates', 'offices', 'regions'],
  facilitator: ['home', 'persons', 'groups', 'import', 'offices', 'regions'],
  auditor: ['home', 'persons', 'groups', 'users', 'offices', 'regions', 'audit'],
};
const DEFAULT: NavKey[] = ['home', 'persons', 'groups', 'offices', 'regions'];

/** The pages a role sees; the server decides again on every request. */
export const navFor = (role: Role): NavItem[] => (BY_ROLE[role] ?? DEFAULT).map((key) => ITEMS[key]);

export const canOpen = (role: Role, key: NavKey) => navFor(role).some((item) => item.key === key);

/** Roles that may change users, offices and the organisation (the rest only read). */
export const canAdminister = (role: Role) => role === 'admin';
