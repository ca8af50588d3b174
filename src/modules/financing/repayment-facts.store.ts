import { sql } from 'kysely';
import type { StoreDb } from '../../db/store.ts';
import type { FinancingTables } from './financing.tables.ts';
import type { MonthFact } from './repayment-facts.rules.ts';

type Queryable = StoreDb<FinancingTables>;

/** The months built so far: the day each stands at and its change stamp. */
export const findFactMonths = (db: Queryable) => db.selectFrom('financing_fact_month').select(['month', 'end_day', 'stamp']).execute();

/** Whether some financing changed since the facts were last refreshed. */
export const hasDirtyFinancings = (db: Queryable) =>
  db
    .selectFrom('financing_fact_dirty')
    .select('financing_id')
    .limit(1)
    .execute()
    .then((r) => r.length > 0);

/** One refresh at a time (the others wait, then find the work done). */
export const lockFacts = (db: Queryable) => sql`LOCK TABLE financing_fact_month IN SHARE ROW EXCLUSIVE MODE`.execute(db);

/** Takes the change marks: the financings whose facts must be recomputed. */
export const takeDirtyFinancings = (db: Queryable) =>
  sql<{ financing_id: string }>`DELETE FROM financing_fact_dirty RETURNING financing_id`
    .execute(db)
    .then((r) => r.rows.map((x) => x.financing_id));

/**
 * The financings that can have facts in months between two days: in the books, disbursed by
 * `to`, and running at some end day or with an instalment due in the span.
 */
export const findFactPopulation = (db: Queryable, from: string, to: string) =>
  sql<{ id: string }>`
    SELECT f.id FROM financing f
    WHERE f.status IN ('disbursed', 'closed', 'written_off') AND f.disbursed_on <= ${to}
      AND (f.closed_on IS NULL OR f.closed_on >= ${from}
           OR EXISTS (SELECT 1 FROM financing_installment i WHERE i.financing_id = f.id AND i.due_date BETWEEN ${from} AND ${to}))
    ORDER BY f.id`
    .execute(db)
    .then((r) => r.rows.map((x) => x.id));

/** What the facts of some financings are computed from, in three queries: the financings in the books, their schedules, their standing repayments. */
export async function findFactInputs(db: Queryable, ids: string[]) {
  if (ids.length === 0) return { financings: [], instalments: [], repayments: [] };
  const [financings, instalments, repayments] = await Promise.all([
    sql<{ id: string; person_id: string; office_id: string; disbursed_on: string; closed_on: string | null }>`
      SELECT id, person_id, office_id, disbursed_on, closed_on FROM financing
      WHERE id = ANY(${ids}::uuid[]) AND status IN ('disbursed', 'closed', 'written_off') AND disbursed_on IS NOT NULL`
      .execute(db)
      .then((r) => r.rows),
    sql<{ financing_id: string; n: number; due_date: string; principal: string; profit: string }>`
      SELECT financing_id, n, due_date, principal, profit FROM financing_installment WHERE financing_id = ANY(${ids}::uuid[])`
      .execute(db)
      .then((r) => r.rows),
    sql<{ financing_id: string; paid_on: string; principal: string; profit: string }>`
      SELECT financing_id, paid_on, principal, profit FROM financing_repayment
      WHERE financing_id = ANY(${ids}::uuid[]) AND reversal_entry_id IS NULL`
      .execute(db)
      .then((r) => r.rows),
  ]);
  return { financings, instalments, repayments };
}

/** Removes the facts of whole months (before they are built again). */
export const deleteMonthFacts = (db: Queryable, months: string[]) =>
  months.length === 0 ? Promise.resolve() : db.deleteFrom('financing_month_fact').where('month', 'in', months).execute();

/** Removes the facts of some financings in some months; answers what they were, to tell which months changed. */
export const deleteFactsOf = (db: Queryable, ids: string[], months: string[]) =>
  ids.length === 0 || months.length === 0
    ? Promise.resolve([])
    : sql<{
        month: string;
        financing_id: string;
        person_id: string;
        office_id: string;
        closed_month: string | null;
        in_portfolio: boolean;
        outstanding_principal: string;
        days_past_due: number;
        due: number;
        on_time: number;
      }>`DELETE FROM financing_month_fact WHERE financing_id = ANY(${ids}::uuid[]) AND month = ANY(${months}::text[])
         RETURNING month, financing_id, person_id, office_id, closed_month, in_portfolio, outstanding_principal, days_past_due, due, on_time`
        .execute(db)
        .then((r) => r.rows);

/** Writes facts, one statement per call. */
export async function insertFacts(db: Queryable, facts: MonthFact[]) {
  if (facts.length === 0) return;
  const col = <T>(pick: (f: MonthFact) => T) => facts.map(pick);
  await sql`
    INSERT INTO financing_month_fact (month, financing_id, person_id, office_id, closed_month, in_portfolio, outstanding_principal,
                                      days_past_due, due, on_time)
    SELECT * FROM unnest(${col((f) => f.month)}::text[], ${col((f) => f.financingId)}::uuid[], ${col((f) => f.personId)}::uuid[],
                         ${col((f) => f.officeId)}::uuid[], ${col((f) => f.closedMonth)}::text[], ${col((f) => f.inPortfolio)}::boolean[],
                         ${col((f) => f.outstandingPrincipal.toString())}::bigint[], ${col((f) => f.daysPastDue)}::int[],
                         ${col((f) => f.due)}::int[], ${col((f) => f.onTime)}::int[])`.execute(db);
}

/** Records a month as built for a day, with a new stamp. */
export const saveFactMonths = (db: Queryable, months: { month: string; end: string }[]) =>
  months.length === 0
    ? Promise.resolve()
    : sql`
        INSERT INTO financing_fact_month (month, end_day, stamp)
        SELECT m, e, nextval('financing_fact_stamp') FROM unnest(${months.map((m) => m.month)}::text[], ${months.map((m) => m.end)}::date[]) AS x(m, e)
        ON CONFLICT (month) DO UPDATE SET end_day = excluded.end_day, stamp = excluded.stamp`.execute(db);

/** Moves the stamps of months whose facts changed. */
export const bumpFactMonths = (db: Queryable, months: string[]) =>
  months.length === 0
    ? Promise.resolve()
    : sql`UPDATE financing_fact_month SET stamp = nextval('financing_fact_stamp') WHERE month = ANY(${months}::text[])`.execute(db);

/**
 * A month's facts summed per member, office and closed month: instalments due and on time,
 * financings in the portfolio with their outstanding principal, the part `parDays` or more past
 * due, and their days past due.
 */
export const findMonthFactsByPerson = (db: Queryable, month: string, parDays: number) =>
  sql<{
    person_id: string;
    office_id: string;
    closed_month: string | null;
    due: number;
    on_time: number;
    financings: number;
    outstanding: string;
    at_risk: string;
    dpd_sum: number;
  }>`
    SELECT person_id, office_id, closed_month, sum(due)::int AS due, sum(on_time)::int AS on_time,
           count(*) FILTER (WHERE in_portfolio)::int AS financings,
           COALESCE(sum(outstanding_principal) FILTER (WHERE in_portfolio), 0)::text AS outstanding,
           COALESCE(sum(outstanding_principal) FILTER (WHERE in_portfolio AND days_past_due >= ${parDays}), 0)::text AS at_risk,
           COALESCE(sum(days_past_due) FILTER (WHERE in_portfolio), 0)::int AS dpd_sum
    FROM financing_month_fact WHERE month = ${month}
    GROUP BY person_id, office_id, closed_month`
    .execute(db)
    .then((r) => r.rows);
