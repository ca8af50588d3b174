import { type RawBuilder, sql } from 'kysely';
import type { StoreDb } from '../../db/store.ts';
import type { AidChannel, AidTables, EnrolmentStatus, EntitlementStatus, TargetUnit } from './aid.tables.ts';

type Queryable = StoreDb<AidTables>;

/** Where: the caller's region patterns (null: every region; none: nothing) and one region of any level within them. */
export type Where = { patterns: string[] | null; region?: string };

const inWhere = (where: Where, column = 'village_code'): RawBuilder<boolean> => {
  const col = sql.ref(column);
  const scope =
    where.patterns === null
      ? sql<boolean>`true`
      : where.patterns.length === 0
        ? sql<boolean>`false`
        : sql<boolean>`${col} LIKE ANY(${where.patterns}::text[])`;
  return where.region ? sql<boolean>`${scope} AND (${col} = ${where.region} OR ${col} LIKE ${`${where.region}.%`})` : scope;
};

/**
 * Enrolments not ended of these households or persons, with their programme's code: what a
 * "not already in programme X" rule reads, for a page of units in one query.
 */
export async function findCurrentEnrolmentsOf(db: Queryable, householdIds: string[], personIds: string[]) {
  if (householdIds.length === 0 && personIds.length === 0) return [];
  const { rows } = await sql<{ household_id: string | null; person_id: string | null; programme_id: string; code: string }>`
    SELECT e.household_id::text AS household_id, e.person_id::text AS person_id, e.programme_id::text AS programme_id, p.code
    FROM aid_enrolment e JOIN aid_programme p ON p.id = e.programme_id
    WHERE e.status <> 'ended'
      AND (e.household_id = ANY(${householdIds}::uuid[]) OR e.person_id = ANY(${personIds}::uuid[]))`.execute(db);
  return rows;
}

/** A page of a programme's enrolments not ended, in id order after `afterId`, within the regions. */
export async function findCurrentEnrolmentPage(db: Queryable, s: Where & { programmeId: string; afterId: string | null; limit: number }) {
  const { rows } = await sql<{
    id: string;
    household_id: string | null;
    person_id: string | null;
    unit_household_id: string;
    village_code: string;
    status: EnrolmentStatus;
  }>`
    SELECT id::text AS id, household_id::text AS household_id, person_id::text AS person_id,
           unit_household_id::text AS unit_household_id, village_code, status
    FROM aid_enrolment
    WHERE programme_id = ${s.programmeId}::uuid AND status <> 'ended' AND ${inWhere(s)}
      ${s.afterId === null ? sql`` : sql`AND id > ${s.afterId}::uuid`}
    ORDER BY id LIMIT ${s.limit}`.execute(db);
  return rows;
}

/** Enrolments counted as rolled out (enrolled, or waiting for their account; not suspended or ended) per region prefix. */
export async function enrolledByRegion(db: Queryable, s: Where & { programmeId: string; prefix: number }) {
  const { rows } = await sql<{ code: string; count: number }>`
    SELECT left(village_code, ${s.prefix}::int) AS code, count(*)::int AS count
    FROM aid_enrolment
    WHERE programme_id = ${s.programmeId}::uuid AND status IN ('enrolled', 'pending_account') AND ${inWhere(s)}
    GROUP BY 1`.execute(db);
  return rows;
}

/** A cycle's entitlements per region prefix: not excluded, paid, failed or returned. */
export async function entitlementsByRegion(db: Queryable, s: Where & { cycleId: string; prefix: number }) {
  const { rows } = await sql<{ code: string; entitled: number; paid: number; failed: number }>`
    SELECT left(village_code, ${s.prefix}::int) AS code,
           count(*) FILTER (WHERE status <> 'excluded')::int AS entitled,
           count(*) FILTER (WHERE status = 'paid')::int AS paid,
           count(*) FILTER (WHERE status IN ('failed', 'returned'))::int AS failed
    FROM aid_entitlement
    WHERE cycle_id = ${s.cycleId}::uuid AND ${inWhere(s)}
    GROUP BY 1`.execute(db);
  return rows;
}

/** The newest cycle of a programme (by its period), if any. */
export async function findLatestCycle(db: Queryable, programmeId: string) {
  return db
    .selectFrom('aid_cycle')
    .selectAll()
    .where('programme_id', '=', programmeId)
    .orderBy('period_start', 'desc')
    .limit(1)
    .executeTakeFirst();
}

/**
 * Every enrolment (ended ones too) of a family or of some persons: the family's own enrolments,
 * the enrolments of the persons named, and (`unitHouseholdId`) those whose unit is the family.
 * Newest first, with the programme's names.
 */
export async function findEnrolmentsOfUnits(db: Queryable, s: { householdIds: string[]; personIds: string[]; unitHouseholdId?: string }) {
  const { rows } = await sql<{
    id: string;
    programme_id: string;
    name_id: string;
    name_en: string;
    target_unit: TargetUnit;
    status: EnrolmentStatus;
    household_id: string | null;
    person_id: string | null;
    recipient_id: string;
    channel: AidChannel;
    enrolled_on: string;
  }>`
    SELECT e.id::text AS id, e.programme_id::text AS programme_id, p.name_id, p.name_en, p.target_unit, e.status,
           e.household_id::text AS household_id, e.person_id::text AS person_id, e.recipient_id::text AS recipient_id,
           e.channel, to_char(e.enrolled_on, 'YYYY-MM-DD') AS enrolled_on
    FROM aid_enrolment e JOIN aid_programme p ON p.id = e.programme_id
    WHERE e.household_id = ANY(${s.householdIds}::uuid[]) OR e.person_id = ANY(${s.personIds}::uuid[])
      ${s.unitHouseholdId === undefined ? sql`` : sql`OR e.unit_household_id = ${s.unitHouseholdId}::uuid`}
    ORDER BY e.enrolled_on DESC, e.id DESC`.execute(db);
  return rows;
}

/** The entitlements of these enrolments with their cycle and latest instruction's reference, newest period first. */
export async function findPaymentsOfEnrolments(db: Queryable, enrolmentIds: string[]) {
  if (enrolmentIds.length === 0) return [];
  const { rows } = await sql<{
    cycle_id: string;
    cycle_name: string;
    period_start: string;
    period_end: string;
    amount: string;
    status: EntitlementStatus;
    paid_on: string | null;
    reference: string | null;
    channel: AidChannel;
  }>`
    SELECT c.id::text AS cycle_id, c.name AS cycle_name, to_char(c.period_start, 'YYYY-MM-DD') AS period_start,
           to_char(c.period_end, 'YYYY-MM-DD') AS period_end, t.amount::text AS amount, t.status,
           to_char(t.paid_on, 'YYYY-MM-DD') AS paid_on, i.reference, t.channel
    FROM aid_entitlement t
    JOIN aid_cycle c ON c.id = t.cycle_id
    LEFT JOIN LATERAL (
      SELECT reference FROM aid_instruction WHERE entitlement_id = t.id AND period_start = c.period_start ORDER BY attempt DESC LIMIT 1
    ) i ON true
    WHERE t.enrolment_id = ANY(${enrolmentIds}::uuid[])
    ORDER BY c.period_start DESC, t.id`.execute(db);
  return rows;
}
