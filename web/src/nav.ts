import type { Role } from '../../src/core/roles.ts';

export type NavKey = 'home' | 'users' | 'offices' | 'regions' | 'audit' | 'organisation';
export type NavItem = { key: NavKey; path: string };

const ITEMS: Record<NavKey, NavItem> = {
  home: { key: 'home', path: '/' },
  users: { key: 'users', path: '/users' },
  offices: { key: 'offices', path: '/offices' },
  regions: { key: 'regions', path: '/regions' },
  audit: { key: 'audit', path: '/audit' },
  organisation: { key: 'organisation', path: '/organisation' },
};

const BY_ROLE: Partial<Record<Role, NavKey[]>> = {
  admin: ['home', 'users', 'offices', 'regions', 'audit', 'organisation'],
  auditor: ['home', 'users', 'offices', 'regions', 'audit'],
};
const DEFAULT: NavKey[] = ['home', 'offices', 'regions'];

/** The pages a role sees; the server decides again on every request. */
export const navFor = (role: Role): NavItem[] => (BY_ROLE[role] ?? DEFAULT).map((key) => ITEMS[key]);

export const canOpen = (role: Role, key: NavKey) => navFor(role).some((item) => item.key === key);

/** Roles that may change users, offices and the organisation (the rest only read). */
export const canAdminister = (role: Role) => role === 'admin';
