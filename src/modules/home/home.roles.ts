import { STAFF } from '../../core/roles.ts';

/** Every member of staff lands on a home page of their own; officials read only their group reports. */
export const HOME_READERS = STAFF;
