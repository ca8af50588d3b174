import type { Queryable } from '../../db/database.ts';
import * as store from './families.store.ts';

// What the contributions module reads of cadres, their families and JKN participation; it checks scope itself.

/** A cadre's record by id (office, user, status), or undefined. */
export const cadreRecord = (db: Queryable, id: string) => store.findCadreRecord(db, id);
/** Locks the cadre's row for the rest of the transaction (one deposit at a time). */
export const lockCadreRecord = (db: Queryable, id: string) => store.lockCadreRecord(db, id);
/** The cadre looking after a family, with the user signed in as that cadre (if any). */
export const cadreOfFamily = (db: Queryable, householdId: string) => store.findCadreOfFamily(db, householdId);
/** The ids of the households a cadre looks after. */
export const cadreFamilies = (db: Queryable, cadreId: string) => store.findFamilyIdsOfCadre(db, cadreId);
/** Which cadre looks after which household, for many cadres in one query. */
export const familiesOfCadres = (db: Queryable, cadreIds: string[]) => store.findFamiliesOfCadres(db, cadreIds);
/** JKN participation (segment, class) of many persons in one query; persons without none. */
export const jknParticipantsOf = (db: Queryable, personIds: string[]) => store.findJknParticipantsOf(db, [...new Set(personIds)]);
/** How many families the cadre recruited in a month (YYYY-MM). */
export const recruitsInMonth = (db: Queryable, cadreId: string, month: string) => store.countRecruitsInMonth(db, cadreId, month);
