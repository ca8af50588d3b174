/**
 * What is due, read set-based from the modules that own it (a documented exception in
 * .dependency-cruiser.cjs): instalments (financing), JKN accounts (contributions, jkn), screening
 * recalls (health), agreements (partnerships), USEP KM reports (usep), books roots (ledger), with
 * the recipients (registry persons, identity users) and their reminder contact. Read-only.
 */
import { sql } from 'kysely';
import type { Locale } from '../../core/locale.ts';
import type { StoreDb } from '../../db/store.ts';
import type { RecipientKind, ReminderTables } from './reminders.tables.ts';

type Queryable = StoreDb<ReminderTables>;

export type DueRow = {
  item_key: string;
  due_on: string;
  office_id: string | null;
  region_code: string;
  recipient_kind: RecipientKind;
  recipient_id: string;
  recipient_name: string;
  language: Locale;
  phone: string | null;
  email: string | null;
  params: Record<string, string | number>;
};

const personContact = sql.raw(`coalesce(c.language, 'id') AS language, c.phone, c.email`);
const personJoin = sql.raw(`LEFT JOIN reminder_contact c ON c.recipient_kind = 'person' AND c.recipient_id = p.id`);
const userJoin = sql.raw(`LEFT JOIN reminder_contact c ON c.recipient_kind = 'user' AND c.recipient_id = u.id`);
const notOptedOut = sql.raw('NOT coalesce(c.opted_out, false)');

/** Unpaid instalments of disbursed financings due between `from` and `to`, to the member. */
export async function findInstalmentsDue(db: Queryable, from: string, to: string, withPenalty: boolean): Promise<DueRow[]> {
  const remaining = withPenalty
    ? sql.raw('(i.principal - i.principal_paid) + (i.profit - i.profit_paid) + (i.penalty - i.penalty_paid)')
    : sql.raw('(i.principal - i.principal_paid) + (i.profit - i.profit_paid)');
  return (
    await sql<DueRow>`
      SELECT f.id::text || ':' || i.n AS item_key, i.due_date::text AS due_on, f.office_id, f.region_code,
             'person' AS recipient_kind, p.id AS recipient_id, p.full_name AS recipient_name, ${personContact},
             json_build_object('number', f.number, 'n', i.n, 'dueOn', i.due_date::text, 'amount', (${remaining})::text) AS params
      FROM financing_installment i
      JOIN financing f ON f.id = i.financing_id
      JOIN person p ON p.id = f.person_id
      ${personJoin}
      WHERE i.due_date BETWEEN ${from}::date AND ${to}::date
        AND (i.principal_paid < i.principal OR i.profit_paid < i.profit)
        AND f.status = 'disbursed' AND p.died_on IS NULL AND ${notOptedOut}
      ORDER BY i.due_date, f.number, i.n`.execute(db)
  ).rows;
}

/** Families paying JKN themselves (an active PBPU participant) whose contributions are paid only to before `month`: to the head. */
export async function findJknDue(db: Queryable, month: string, dueOn: string): Promise<DueRow[]> {
  return (
    await sql<DueRow>`
      SELECT h.id::text || ':' || ${month}::text AS item_key, ${dueOn}::text AS due_on, NULL::uuid AS office_id, h.village_code AS region_code,
             'person' AS recipient_kind, p.id AS recipient_id, p.full_name AS recipient_name, ${personContact},
             json_build_object('month', ${month}::text, 'dueOn', ${dueOn}::text, 'paidThrough', a.paid_through) AS params
      FROM jkn_family_account a
      JOIN household h ON h.id = a.household_id
      JOIN person p ON p.household_id = h.id AND p.relation = 'head' AND p.died_on IS NULL
      ${personJoin}
      WHERE a.paid_through < ${month}::text AND ${notOptedOut}
        AND EXISTS (SELECT 1 FROM jkn_participant j JOIN person m ON m.id = j.person_id
                    WHERE m.household_id = h.id AND j.segment = 'PBPU' AND j.status = 'active')
      ORDER BY h.village_code, p.full_name`.execute(db)
  ).rows;
}

/** Each person's latest screening whose next date falls between `from` and `to` (the recall list's rule). */
export async function findRecallsDue(db: Queryable, from: string, to: string): Promise<DueRow[]> {
  return (
    await sql<DueRow>`
      SELECT s.person_id::text || ':' || s.next_due_on::text AS item_key, s.next_due_on::text AS due_on, s.office_id, s.village_code AS region_code,
             'person' AS recipient_kind, p.id AS recipient_id, p.full_name AS recipient_name, ${personContact},
             json_build_object('dueOn', s.next_due_on::text) AS params
      FROM (SELECT DISTINCT ON (person_id) person_id, next_due_on, office_id, village_code
            FROM screening ORDER BY person_id, screened_on DESC, created_at DESC) s
      JOIN person p ON p.id = s.person_id
      ${personJoin}
      WHERE s.next_due_on BETWEEN ${from}::date AND ${to}::date AND p.died_on IS NULL AND ${notOptedOut}
      ORDER BY s.next_due_on, p.full_name`.execute(db)
  ).rows;
}

/** Agreements ending between `from` and `to`: to the managers of the partnership's office. */
export async function findAgreementsEnding(db: Queryable, from: string, to: string): Promise<DueRow[]> {
  return (
    await sql<DueRow>`
      SELECT a.id::text || ':' || a.ends_on::text AS item_key, a.ends_on::text AS due_on, o.id AS office_id, o.region_code,
             'user' AS recipient_kind, u.id AS recipient_id, u.full_name AS recipient_name, ${personContact},
             json_build_object('agreement', a.number, 'title', a.title, 'partnership', ps.title, 'dueOn', a.ends_on::text) AS params
      FROM partnership_agreement a
      JOIN partnership ps ON ps.id = a.partnership_id
      JOIN office o ON o.id = ps.office_id
      JOIN user_office uo ON uo.office_id = o.id
      JOIN app_user u ON u.id = uo.user_id AND u.active AND u.role = 'manager'
      ${userJoin}
      WHERE a.ends_on BETWEEN ${from}::date AND ${to}::date AND ${notOptedOut}
      ORDER BY a.ends_on, a.number, u.full_name`.execute(db)
  ).rows;
}

export type GroupReportRow = Omit<DueRow, 'item_key' | 'due_on' | 'params'> & {
  group_id: string;
  group_name: string;
  covered_until: string;
};

/**
 * USEP KM groups with what their submitted reports cover (the end of the last period reported
 * that was not returned or replaced, else the day the group formed), to the group's
 * facilitator and the supervisors of its office.
 */
export async function findUsepGroupsCovered(db: Queryable): Promise<GroupReportRow[]> {
  return (
    await sql<GroupReportRow>`
      WITH covered AS (
        SELECT g.id, g.name, g.office_id, g.region_code, g.facilitator_id,
               greatest(g.formed_on, max(r.period_end))::text AS covered_until
        FROM business_group g
        LEFT JOIN group_report r ON r.group_id = g.id AND r.status NOT IN ('draft', 'returned', 'superseded')
        WHERE g.kind = 'usep_km'
        GROUP BY g.id
      )
      SELECT g.id AS group_id, g.name AS group_name, g.covered_until, g.office_id, g.region_code,
             'user' AS recipient_kind, u.id AS recipient_id, u.full_name AS recipient_name, ${personContact}
      FROM covered g
      JOIN app_user u ON u.active AND (u.id = g.facilitator_id
        OR (u.role = 'supervisor' AND EXISTS (SELECT 1 FROM user_office uo WHERE uo.user_id = u.id AND uo.office_id = g.office_id)))
      ${userJoin}
      WHERE ${notOptedOut}
      ORDER BY g.name, u.full_name`.execute(db)
  ).rows;
}

/** Offices' books roots sealed for days between `from` and `to`: to the supervisors of the office. */
export async function findBooksRoots(db: Queryable, from: string, to: string): Promise<DueRow[]> {
  return (
    await sql<DueRow>`
      SELECT b.office_id::text || ':' || b.day::text AS item_key, b.day::text AS due_on, b.office_id, o.region_code,
             'user' AS recipient_kind, u.id AS recipient_id, u.full_name AS recipient_name, ${personContact},
             json_build_object('office', o.code, 'root', b.root, 'entries', b.entries, 'lines', b.lines, 'dueOn', b.day::text) AS params
      FROM books_root b
      JOIN office o ON o.id = b.office_id
      JOIN user_office uo ON uo.office_id = o.id
      JOIN app_user u ON u.id = uo.user_id AND u.active AND u.role = 'supervisor'
      ${userJoin}
      WHERE b.office_id IS NOT NULL AND b.day BETWEEN ${from}::date AND ${to}::date AND ${notOptedOut}
      ORDER BY b.day, o.code, u.full_name`.execute(db)
  ).rows;
}
