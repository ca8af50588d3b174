import { STAFF } from '../../core/roles.ts';

/** Every staff role; officials read group reports, not the registry. */
export const SEARCHERS = STAFF;
