import { type RawBuilder, sql } from 'kysely';
import type { Queryable } from '../../db/database.ts';

/*
 * The home page's counts: one small read-only statement per figure over other modules' tables
 * (a documented exception in .dependency-cruiser.cjs, like close of day's set-based SQL). Each
 * figure keeps the same filter as the list it links to, so the count and the list agree.
 */

/** `column LIKE p1 OR …` for a scope's region patterns; null = everywhere, [] = nowhere. */
function inRegions(column: string, patterns: string[] | null): RawBuilder<boolean> {
  if (patterns === null) return sql<boolean>`true`;
  if (patterns.length === 0) return sql<boolean>`false`;
  return sql<boolean>`(${sql.join(
    patterns.map((p) => sql`${sql.ref(column)} LIKE ${p}`),
    sql` OR `,
  )})`;
}
function inOffices(column: string, officeIds: string[] | null): RawBuilder<boolean> {
  if (officeIds === null) return sql<boolean>`true`;
  if (officeIds.length === 0) return sql<boolean>`false`;
  return sql<boolean>`${sql.ref(column)} IN (${sql.join(officeIds.map((id) => sql`${id}::uuid`))})`;
}
/** A facilitator's financings: those they are responsible for, or of a group they facilitate when no one else is (as the list's filter). */
function ofFacilitator(facilitatorId: string | null): RawBuilder<boolean> {
  if (facilitatorId === null) return sql<boolean>`true`;
  return sql<boolean>`(f.facilitator_id = ${facilitatorId}::uuid OR (f.facilitator_id IS NULL AND f.group_id IN (SELECT g.id FROM business_group g WHERE g.facilitator_id = ${facilitatorId}::uuid)))`;
}

type CountAmount = { count: number; amount: string };

/** Running financings with an instalment not fully paid falling due in [from, to]: financings, members and the amount still due. */
export async function instalmentsDueBetween(
  db: Queryable,
  filter: { from: string; to: string; regionPatterns: string[] | null; facilitatorId: string | null },
) {
  const result = await sql<CountAmount & { persons: number; groups: number }>`
    SELECT count(DISTINCT f.id)::int AS count, count(DISTINCT f.person_id)::int AS persons,
           count(DISTINCT f.group_id)::int AS groups,
           coalesce(sum(i.principal - i.principal_paid + i.profit - i.profit_paid + i.penalty - i.penalty_paid), 0)::text AS amount
    FROM financing_installment i JOIN financing f ON f.id = i.financing_id
    WHERE i.due_date BETWEEN ${filter.from}::date AND ${filter.to}::date
      AND (i.principal_paid < i.principal OR i.profit_paid < i.profit)
      AND f.status = 'disbursed'
      AND ${inRegions('f.region_code', filter.regionPatterns)} AND ${ofFacilitator(filter.facilitatorId)}`.execute(db);
  return result.rows[0] as CountAmount & { persons: number; groups: number };
}

/** Standing repayments received on a day (reversed ones left out). */
export async function repaymentsOn(db: Queryable, filter: { day: string; regionPatterns: string[] | null }) {
  const result = await sql<CountAmount>`
    SELECT count(*)::int AS count, coalesce(sum(r.amount), 0)::text AS amount
    FROM financing_repayment r JOIN financing f ON f.id = r.financing_id
    WHERE r.paid_on = ${filter.day}::date AND r.reversal_entry_id IS NULL
      AND ${inRegions('f.region_code', filter.regionPatterns)}`.execute(db);
  return result.rows[0] as CountAmount;
}

/** Financings by status (and, for running ones, past due at the last close of day). */
export async function financingCounts(db: Queryable, filter: { regionPatterns: string[] | null; facilitatorId: string | null }) {
  const result = await sql<{ applied: number; approved: number; overdue: number; overdue_persons: number; overdue_amount: string }>`
    SELECT count(*) FILTER (WHERE f.status = 'applied')::int AS applied,
           count(*) FILTER (WHERE f.status = 'approved')::int AS approved,
           count(*) FILTER (WHERE f.status = 'disbursed' AND f.days_past_due > 0)::int AS overdue,
           count(DISTINCT f.person_id) FILTER (WHERE f.status = 'disbursed' AND f.days_past_due > 0)::int AS overdue_persons,
           coalesce(sum(f.overdue_amount) FILTER (WHERE f.status = 'disbursed' AND f.days_past_due > 0), 0)::text AS overdue_amount
    FROM financing f
    WHERE f.status IN ('applied', 'approved', 'disbursed')
      AND ${inRegions('f.region_code', filter.regionPatterns)} AND ${ofFacilitator(filter.facilitatorId)}`.execute(db);
  return result.rows[0] as { applied: number; approved: number; overdue: number; overdue_persons: number; overdue_amount: string };
}

/** Approved applications of every fund in queue order (first approved first), marked when in the actor's regions. */
export async function approvedQueue(db: Queryable, regionPatterns: string[] | null) {
  const result = await sql<{ id: string; fund_id: string; principal: string; in_scope: boolean }>`
    SELECT f.id, f.fund_id, f.principal::text AS principal, ${inRegions('f.region_code', regionPatterns)} AS in_scope
    FROM financing f WHERE f.status = 'approved' ORDER BY f.fund_id, f.decided_at, f.id`.execute(db);
  return result.rows;
}

/** PAR 30 by close of day for the offices, newest first: the last `days` closed days. */
export async function parByDay(db: Queryable, officeIds: string[] | null, days: number) {
  const result = await sql<{ business_date: string; outstanding: string; at_risk_30: string }>`
    SELECT s.business_date::text AS business_date, sum(s.outstanding)::text AS outstanding, sum(s.at_risk_30)::text AS at_risk_30
    FROM portfolio_snapshot s WHERE ${inOffices('s.office_id', officeIds)}
    GROUP BY s.business_date ORDER BY s.business_date DESC LIMIT ${days}`.execute(db);
  return result.rows;
}

/** Screening recalls of the latest screening per person and method: overdue (before today) and due within the window. */
export async function recallCounts(db: Queryable, filter: { today: string; until: string; regionPatterns: string[] | null }) {
  const result = await sql<{ overdue: number; due: number }>`
    SELECT count(*) FILTER (WHERE s.next_due_on < ${filter.today}::date)::int AS overdue,
           count(*) FILTER (WHERE s.next_due_on BETWEEN ${filter.today}::date AND ${filter.until}::date)::int AS due
    FROM screening s
    WHERE s.next_due_on <= ${filter.until}::date AND ${inRegions('s.village_code', filter.regionPatterns)}
      AND NOT EXISTS (SELECT 1 FROM screening later WHERE later.person_id = s.person_id AND later.method = s.method
                      AND (later.screened_on, later.id) > (s.screened_on, s.id))`.execute(db);
  return result.rows[0] as { overdue: number; due: number };
}

/** Living pregnant women whose expected delivery falls in [from, to]. */
export async function pregnanciesNearTerm(db: Queryable, filter: { from: string; to: string; regionPatterns: string[] | null }) {
  const result = await sql<{ count: number }>`
    SELECT count(*)::int AS count FROM health_profile h JOIN person p ON p.id = h.person_id
    WHERE h.pregnant AND h.expected_delivery BETWEEN ${filter.from}::date AND ${filter.to}::date AND p.died_on IS NULL
      AND ${inRegions('p.village_code', filter.regionPatterns)}`.execute(db);
  return (result.rows[0] as { count: number }).count;
}

/** USEP group reports: waiting for acceptance, and the latest versions still a draft or returned after their period ended a month ago. */
export async function groupReportCounts(db: Queryable, filter: { lateBefore: string; regionPatterns: string[] | null }) {
  const result = await sql<{ waiting: number; late_groups: number }>`
    SELECT count(*) FILTER (WHERE r.status = 'submitted')::int AS waiting,
           count(DISTINCT r.group_id) FILTER (WHERE r.status IN ('draft', 'returned') AND r.period_end < ${filter.lateBefore}::date)::int AS late_groups
    FROM group_report r
    WHERE r.status <> 'superseded' AND ${inRegions('r.region_code', filter.regionPatterns)}`.execute(db);
  return result.rows[0] as { waiting: number; late_groups: number };
}

/** What an auditor looks at since a day: reversing entries, write-offs, manual entries, closed drawers with a difference. */
export async function auditFigures(db: Queryable, filter: { since: string; officeIds: string[] | null; regionPatterns: string[] | null }) {
  const result = await sql<{
    reversals: number;
    manual: number;
    write_offs: number;
    written_off: string;
    drawers: number;
    shortage: string;
    overage: string;
  }>`
    SELECT
      (SELECT count(*)::int FROM journal_entry e
         WHERE e.reverses_id IS NOT NULL AND e.entry_date >= ${filter.since}::date AND ${inOffices('e.office_id', filter.officeIds)}) AS reversals,
      (SELECT count(*)::int FROM journal_entry e
         WHERE e.source_type = 'manual' AND e.reverses_id IS NULL AND e.entry_date >= ${filter.since}::date
           AND ${inOffices('e.office_id', filter.officeIds)}) AS manual,
      (SELECT count(*)::int FROM financing f
         WHERE f.status = 'written_off' AND f.closed_on >= ${filter.since}::date AND ${inRegions('f.region_code', filter.regionPatterns)}) AS write_offs,
      (SELECT coalesce(sum(f.principal), 0)::text FROM financing f
         WHERE f.status = 'written_off' AND f.closed_on >= ${filter.since}::date AND ${inRegions('f.region_code', filter.regionPatterns)}) AS written_off,
      (SELECT count(*)::int FROM cash_drawer d
         WHERE d.status = 'closed' AND d.difference <> 0 AND d.business_date >= ${filter.since}::date
           AND ${inOffices('d.office_id', filter.officeIds)}) AS drawers,
      (SELECT coalesce(-sum(d.difference) FILTER (WHERE d.difference < 0), 0)::text FROM cash_drawer d
         WHERE d.status = 'closed' AND d.business_date >= ${filter.since}::date AND ${inOffices('d.office_id', filter.officeIds)}) AS shortage,
      (SELECT coalesce(sum(d.difference) FILTER (WHERE d.difference > 0), 0)::text FROM cash_drawer d
         WHERE d.status = 'closed' AND d.business_date >= ${filter.since}::date AND ${inOffices('d.office_id', filter.officeIds)}) AS overage`.execute(
    db,
  );
  return result.rows[0] as {
    reversals: number;
    manual: number;
    write_offs: number;
    written_off: string;
    drawers: number;
    shortage: string;
    overage: string;
  };
}

/**
 * Imports that stopped midway: their staging rows are deleted when an import ends (written or
 * refused), so rows still there belong to one that failed.
 */
export async function unfinishedImports(db: Queryable) {
  const result = await sql<{ count: number }>`SELECT count(DISTINCT import_id)::int AS count FROM registry_import_row`.execute(db);
  return (result.rows[0] as { count: number }).count;
}

/** Users whose sign-in is blocked now: the most attempts in the window (keyed by user id). */
export async function lockedOutUsers(db: Queryable, filter: { since: Date; max: number }) {
  const result = await sql<{ count: number }>`
    SELECT count(*)::int AS count FROM login_attempt a JOIN app_user u ON 'user:' || u.id::text = a.key
    WHERE (SELECT count(*) FROM unnest(a.attempted_at) t WHERE t > ${filter.since}) >= ${filter.max}`.execute(db);
  return (result.rows[0] as { count: number }).count;
}
