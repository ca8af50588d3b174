import { type RawBuilder, sql } from 'kysely';
import type { Queryable } from '../../db/database.ts';
import type { DashboardSubject } from './dashboards.rules.ts';

/*
 * Filling the dashboards' monthly figures: set-based SQL over the modules' tables, once per
 * month at close of day (a documented exception in .dependency-cruiser.cjs, like close of day's
 * own statements). Each statement writes village rows and their roll-ups to district, regency,
 * province and the organisation ('') at once.
 */

type Month = { month: string; start: string; end: string };

/** Village-level figures of a subject for a month: (region_code, metric, value). */
function villageRows(subject: DashboardSubject, m: Month): RawBuilder<unknown> {
  const within = (column: string) => sql`${sql.ref(column)} >= ${m.start}::date AND ${sql.ref(column)} < ${m.end}::date`;
  switch (subject) {
    case 'portfolio':
      return sql`
        SELECT f.region_code, 'disbursed' AS metric, sum(f.principal) AS value FROM financing f
          WHERE ${within('f.disbursed_on')} GROUP BY 1
        UNION ALL SELECT f.region_code, 'disbursed_count', count(*) FROM financing f WHERE ${within('f.disbursed_on')} GROUP BY 1
        UNION ALL SELECT f.region_code, 'repaid', sum(r.amount) FROM financing_repayment r JOIN financing f ON f.id = r.financing_id
          WHERE ${within('r.paid_on')} AND r.reversal_entry_id IS NULL GROUP BY 1
        UNION ALL SELECT f.region_code, 'outstanding', sum(f.outstanding_principal) FROM financing f WHERE f.status = 'disbursed' GROUP BY 1
        UNION ALL SELECT f.region_code, 'at_risk_30', sum(f.outstanding_principal) FROM financing f
          WHERE f.status = 'disbursed' AND f.days_past_due > 30 GROUP BY 1
        UNION ALL SELECT f.region_code, 'class_' || f.quality_class, sum(f.outstanding_principal) FROM financing f
          WHERE f.status = 'disbursed' GROUP BY 1, 2`;
    case 'aid':
      return sql`
        SELECT e.village_code AS region_code, 'paid_amount' AS metric, sum(i.amount) AS value
          FROM aid_instruction i JOIN aid_entitlement e ON e.id = i.entitlement_id
          WHERE i.status = 'paid' AND ${within('i.settled_on')} GROUP BY 1
        UNION ALL SELECT e.village_code, 'paid_count', count(*) FROM aid_instruction i JOIN aid_entitlement e ON e.id = i.entitlement_id
          WHERE i.status = 'paid' AND ${within('i.settled_on')} GROUP BY 1
        UNION ALL SELECT e.village_code, 'failed_count', count(*) FROM aid_instruction i JOIN aid_entitlement e ON e.id = i.entitlement_id
          WHERE i.status IN ('failed', 'returned') AND ${within('i.settled_on')} GROUP BY 1
        UNION ALL SELECT coalesce(h.village_code, p.village_code), 'enrolled', count(DISTINCT coalesce(a.household_id, p.household_id))
          FROM aid_enrolment a LEFT JOIN household h ON h.id = a.household_id LEFT JOIN person p ON p.id = a.person_id
          WHERE a.status = 'enrolled' GROUP BY 1
        UNION ALL SELECT h.village_code, 'households', count(*) FROM household h GROUP BY 1`;
    case 'jkn':
      return sql`
        SELECT h.village_code AS region_code, 'collected' AS metric, sum(c.amount) AS value
          FROM jkn_contribution_payment c JOIN household h ON h.id = c.household_id WHERE ${within('c.paid_on')} GROUP BY 1
        UNION ALL SELECT h.village_code, 'payments', count(*)
          FROM jkn_contribution_payment c JOIN household h ON h.id = c.household_id WHERE ${within('c.paid_on')} GROUP BY 1
        UNION ALL SELECT h.village_code, 'families', count(*) FROM jkn_family_account a JOIN household h ON h.id = a.household_id GROUP BY 1
        UNION ALL SELECT h.village_code, 'families_current', count(*) FROM jkn_family_account a JOIN household h ON h.id = a.household_id
          WHERE a.paid_through >= ${m.month} GROUP BY 1`;
    case 'health':
      // IKS rounded to thousandths half-up, as iks.rules.ts: > 0.800 sehat, 0.500–0.800 pra-sehat.
      return sql`
        SELECT s.village_code AS region_code,
               'iks_' || CASE WHEN (s.met * 2000 + s.applicable) / (2 * s.applicable) > 800 THEN 'sehat'
                              WHEN (s.met * 2000 + s.applicable) / (2 * s.applicable) >= 500 THEN 'pra_sehat'
                              ELSE 'tidak_sehat' END AS metric,
               count(*) AS value
          FROM iks_snapshot s WHERE s.month = ${m.start}::date AND s.applicable > 0 GROUP BY 1, 2
        UNION ALL SELECT s.village_code, 'screenings', count(*) FROM screening s WHERE ${within('s.screened_on')} GROUP BY 1
        UNION ALL SELECT c.village_code, 'sessions', count(*) FROM counselling_session c WHERE ${within('c.held_on')} GROUP BY 1
        UNION ALL SELECT c.village_code, 'attendances', count(*) FROM session_attendance a JOIN counselling_session c ON c.id = a.session_id
          WHERE ${within('c.held_on')} GROUP BY 1`;
    case 'partnerships':
      return sql`
        SELECT v.village_code AS region_code, 'activities' AS metric, count(*) AS value
          FROM partnership_activity a JOIN partnership_village v ON v.partnership_id = a.partnership_id WHERE ${within('a.held_on')} GROUP BY 1
        UNION ALL SELECT v.village_code, 'participants', sum(a.participants)
          FROM partnership_activity a JOIN partnership_village v ON v.partnership_id = a.partnership_id WHERE ${within('a.held_on')} GROUP BY 1
        UNION ALL SELECT v.village_code, 'partnerships', count(*) FROM partnership p JOIN partnership_village v ON v.partnership_id = p.id GROUP BY 1
        UNION ALL SELECT v.village_code, 'evaluated', count(*) FROM partnership p JOIN partnership_village v ON v.partnership_id = p.id
          WHERE EXISTS (SELECT 1 FROM partnership_evaluation e WHERE e.partnership_id = p.id) GROUP BY 1`;
  }
}

/**
 * Replaces a subject's figures of a month (only `metrics`: a past month keeps the states written
 * at its own close of day) with village rows and their roll-ups.
 */
export async function refreshSubjectMonth(db: Queryable, subject: DashboardSubject, m: Month, metrics: string[]) {
  if (metrics.length === 0) return;
  const keep = sql.join(metrics.map((k) => sql`${k}`));
  await sql`DELETE FROM dashboard_month WHERE subject = ${subject} AND month = ${m.month} AND metric IN (${keep})`.execute(db);
  await sql`
    INSERT INTO dashboard_month (subject, region_code, month, metric, value)
    SELECT ${subject}, up.code, ${m.month}, v.metric, sum(v.value)
    FROM (${villageRows(subject, m)}) v
    CROSS JOIN LATERAL (
      SELECT DISTINCT code FROM (VALUES (v.region_code), (left(v.region_code, 8)), (left(v.region_code, 5)), (left(v.region_code, 2)), ('')) c (code)
    ) up
    WHERE v.metric IN (${keep}) AND v.value IS NOT NULL
    GROUP BY up.code, v.metric`.execute(db);
}

export async function markMonthRefreshed(db: Queryable, month: string, day: string) {
  await sql`
    INSERT INTO dashboard_refresh (month, refreshed_for) VALUES (${month}, ${day}::date)
    ON CONFLICT (month) DO UPDATE SET refreshed_for = greatest(dashboard_refresh.refreshed_for, EXCLUDED.refreshed_for), refreshed_at = now()`.execute(
    db,
  );
}
