import { sql } from 'kysely';
import type { Queryable } from '../../db/database.ts';

/*
 * The person's timeline and the family's flags: a few read-only statements over the financing,
 * JKN and aid tables (a documented exception in .dependency-cruiser.cjs, as the home page's
 * counts, docs/decisions/0007). The caller decides which parts the role may read.
 */

export type FinancingEventRow = { on: string; kind: string; financing_id: string; number: string; amount: string | null };

/** A person's financings as events: applied, approved or rejected, disbursed, each standing repayment, closed or written off. */
export async function financingEventsOfPerson(db: Queryable, personId: string) {
  const result = await sql<FinancingEventRow>`
    SELECT f.applied_on::text AS on, 'financing_applied' AS kind, f.id AS financing_id, f.number, f.principal::text AS amount
      FROM financing f WHERE f.person_id = ${personId}::uuid
    UNION ALL
    SELECT (f.decided_at AT TIME ZONE 'Asia/Jakarta')::date::text, CASE WHEN f.status = 'rejected' THEN 'financing_rejected' ELSE 'financing_approved' END,
           f.id, f.number, NULL
      FROM financing f WHERE f.person_id = ${personId}::uuid AND f.decided_at IS NOT NULL
    UNION ALL
    SELECT f.disbursed_on::text, 'financing_disbursed', f.id, f.number, f.principal::text
      FROM financing f WHERE f.person_id = ${personId}::uuid AND f.disbursed_on IS NOT NULL
    UNION ALL
    SELECT r.paid_on::text, 'financing_repaid', f.id, f.number, r.amount::text
      FROM financing_repayment r JOIN financing f ON f.id = r.financing_id
      WHERE f.person_id = ${personId}::uuid AND r.reversal_entry_id IS NULL
    UNION ALL
    SELECT f.closed_on::text, CASE WHEN f.status = 'written_off' THEN 'financing_written_off' ELSE 'financing_closed' END, f.id, f.number, NULL
      FROM financing f WHERE f.person_id = ${personId}::uuid AND f.closed_on IS NOT NULL`.execute(db);
  return result.rows;
}

/** A family's JKN contributions paid to a cadre. */
export async function jknPaymentsOfHousehold(db: Queryable, householdId: string) {
  const result = await sql<{ on: string; id: string; receipt_number: string; months: number; amount: string }>`
    SELECT paid_on::text AS on, id, receipt_number, months, amount::text AS amount
    FROM jkn_contribution_payment WHERE household_id = ${householdId}::uuid`.execute(db);
  return result.rows;
}

/** When the person was registered (the day in WIB). */
export async function registeredOn(db: Queryable, personId: string) {
  const result = await sql<{ on: string }>`
    SELECT (created_at AT TIME ZONE 'Asia/Jakarta')::date::text AS on FROM person WHERE id = ${personId}::uuid`.execute(db);
  return result.rows[0]?.on ?? null;
}

/** Per member: running financings, what their instalments due before a day still ask for, and the most days past due. */
export async function financingFlagsOfPersons(db: Queryable, personIds: string[], today: string) {
  if (personIds.length === 0) return [];
  const result = await sql<{ person_id: string; running: number; overdue: string; days_past_due: number }>`
    SELECT f.person_id, count(DISTINCT f.id)::int AS running,
           coalesce(sum(i.principal - i.principal_paid + i.profit - i.profit_paid + i.penalty - i.penalty_paid)
                    FILTER (WHERE i.due_date < ${today}::date), 0)::text AS overdue,
           coalesce(max(${today}::date - i.due_date) FILTER (WHERE i.due_date < ${today}::date
                    AND (i.principal_paid < i.principal OR i.profit_paid < i.profit OR i.penalty_paid < i.penalty)), 0)::int AS days_past_due
    FROM financing f LEFT JOIN financing_installment i ON i.financing_id = f.id
    WHERE f.status = 'disbursed' AND f.person_id IN (${sql.join(personIds.map((id) => sql`${id}::uuid`))})
    GROUP BY f.person_id`.execute(db);
  return result.rows;
}

/** Per member: their JKN-KIS card's segment, class and status. */
export async function jknOfPersons(db: Queryable, personIds: string[]) {
  if (personIds.length === 0) return [];
  const result = await sql<{ person_id: string; segment: string; jkn_class: string; status: 'active' | 'inactive' }>`
    SELECT person_id, segment, jkn_class, status FROM jkn_participant
    WHERE person_id IN (${sql.join(personIds.map((id) => sql`${id}::uuid`))})`.execute(db);
  return result.rows;
}

/** The programmes the family (person_id null) and each member are in now (not ended). */
export async function aidProgrammesOf(db: Queryable, householdId: string, personIds: string[]) {
  const persons = personIds.length === 0 ? sql`false` : sql`e.person_id IN (${sql.join(personIds.map((id) => sql`${id}::uuid`))})`;
  const result = await sql<{ person_id: string | null; code: string; name_id: string; name_en: string; status: string }>`
    SELECT e.person_id, p.code, p.name_id, p.name_en, e.status
    FROM aid_enrolment e JOIN aid_programme p ON p.id = e.programme_id
    WHERE e.status <> 'ended' AND (e.household_id = ${householdId}::uuid OR ${persons})
    ORDER BY p.code`.execute(db);
  return result.rows;
}
