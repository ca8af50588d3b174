import { sql } from 'kysely';
import type { Queryable } from '../../db/database.ts';

export async function startRun(db: Queryable, date: string) {
  await sql`INSERT INTO close_day_run (business_date) VALUES (${date}) ON CONFLICT (business_date) DO NOTHING`.execute(db);
  return db.selectFrom('close_day_run').selectAll().where('business_date', '=', date).executeTakeFirstOrThrow();
}
/** Where closing stands: the last closed day, the earliest run cut off, and whether `date` is closed. */
export async function closingState(db: Queryable, date: string) {
  const { rows } = await sql<{ last_closed: string | null; first_unfinished: string | null; date_is_closed: boolean }>`
    SELECT (max(business_date) FILTER (WHERE finished_at IS NOT NULL))::text AS last_closed,
           (min(business_date) FILTER (WHERE finished_at IS NULL))::text AS first_unfinished,
           coalesce(bool_or(business_date = ${date}::date AND finished_at IS NOT NULL), false) AS date_is_closed
    FROM close_day_run`.execute(db);
  const row = rows[0];
  return {
    lastClosed: row?.last_closed ?? null,
    firstUnfinished: row?.first_unfinished ?? null,
    dateIsClosed: row?.date_is_closed ?? false,
  };
}
/** A date's run, locked until the transaction ends, so that two runs of one date do not do a step twice. */
export const lockRun = (db: Queryable, date: string) =>
  db
    .selectFrom('close_day_run')
    .select(['steps_done', 'finished_at'])
    .where('business_date', '=', date)
    .forUpdate()
    .executeTakeFirstOrThrow();
/** How many active financings a closed date's portfolio snapshot counted. */
export async function snapshotFinancings(db: Queryable, date: string): Promise<number> {
  const { rows } = await sql<{
    n: number;
  }>`SELECT coalesce(sum(financings), 0)::int AS n FROM portfolio_snapshot WHERE business_date = ${date}`.execute(db);
  return rows[0]?.n ?? 0;
}
export const markStep = (db: Queryable, date: string, step: string) =>
  sql`UPDATE close_day_run SET steps_done = array_append(steps_done, ${step}) WHERE business_date = ${date} AND NOT (${step} = ANY (steps_done))`.execute(
    db,
  );
export const finishRun = (db: Queryable, date: string) =>
  sql`UPDATE close_day_run SET finished_at = now() WHERE business_date = ${date}`.execute(db);
export const lastFinishedRun = (db: Queryable) =>
  db
    .selectFrom('close_day_run')
    .select('business_date')
    .where('finished_at', 'is not', null)
    .orderBy('business_date', 'desc')
    .limit(1)
    .executeTakeFirst();

export async function countActive(db: Queryable): Promise<number> {
  const row = await sql<{ n: number }>`SELECT count(*)::int AS n FROM financing WHERE status = 'disbursed'`.execute(db);
  return row.rows[0]?.n ?? 0;
}

/**
 * Late charges as of a date: per overdue instalment, per mille of its amount per day late,
 * capped at a percentage of it. A function of the date, never an increment, so re-running
 * the same date changes nothing; a charge never shrinks after part-payment. Driven by the
 * partial index of unpaid instalments, and only rows whose charge grows are written.
 */
export const accruePenalties = (db: Queryable, date: string) =>
  sql`
    UPDATE financing_installment i SET penalty = c.charge
    FROM (
      SELECT i.financing_id, i.n, LEAST(
               floor((i.principal + i.profit) * p.penalty_per_mille_daily * (${date}::date - i.due_date) / 1000),
               CASE WHEN p.penalty_cap_percent > 0 THEN floor((i.principal + i.profit) * p.penalty_cap_percent / 100) ELSE 'Infinity'::numeric END
             )::bigint AS charge
      FROM financing_installment i
      JOIN financing f ON f.id = i.financing_id AND f.status = 'disbursed'
      JOIN financing_product p ON p.id = f.product_id AND p.penalty_per_mille_daily > 0
      WHERE i.due_date < ${date}::date AND (i.principal_paid < i.principal OR i.profit_paid < i.profit)
    ) c
    WHERE i.financing_id = c.financing_id AND i.n = c.n AND c.charge > i.penalty`.execute(db);

/**
 * Days past due, overdue amount, outstanding late charges and quality class as of a date.
 * Only financings with something overdue (found through the partial index of unpaid
 * instalments) are computed; those whose arrears were cleared go back to current. Rows
 * whose values do not change are not written.
 */
export async function updateArrears(db: Queryable, date: string, classSql: string) {
  await sql`
    UPDATE financing f
    SET days_past_due = a.dpd, overdue_amount = a.overdue, outstanding_penalty = a.penalty,
        quality_class = (SELECT ${sql.raw(classSql)} FROM financing_product p WHERE p.id = f.product_id)
    FROM (
      SELECT i.financing_id,
             coalesce(${date}::date - min(i.due_date) FILTER (WHERE i.due_date < ${date}::date AND (i.principal_paid < i.principal OR i.profit_paid < i.profit)), 0) AS dpd,
             coalesce(sum(i.principal - i.principal_paid + i.profit - i.profit_paid) FILTER (WHERE i.due_date < ${date}::date), 0)::bigint AS overdue,
             coalesce(sum(i.penalty - i.penalty_paid), 0)::bigint AS penalty
      FROM financing_installment i
      WHERE i.financing_id IN (
        SELECT financing_id FROM financing_installment
        WHERE due_date < ${date}::date AND (principal_paid < principal OR profit_paid < profit)
        UNION SELECT id FROM financing WHERE status = 'disbursed' AND (days_past_due > 0 OR outstanding_penalty > 0))
      GROUP BY i.financing_id
    ) a
    WHERE f.id = a.financing_id AND f.status = 'disbursed'
      AND (f.days_past_due, f.overdue_amount, f.outstanding_penalty) IS DISTINCT FROM (a.dpd, a.overdue, a.penalty)`.execute(db);
}

/**
 * The portfolio picture of a date by office, fund, group and facilitator, rewritten whole: a financing counts for its
 * responsible officer (assigned by a manager, or the facilitator who applied), else for its group's facilitator today.
 */
export async function writeSnapshot(db: Queryable, date: string, provisionPerMille: Record<number, number>) {
  const provision = sql.raw(
    `CASE f.quality_class ${Object.entries(provisionPerMille)
      .map(([q, pm]) => `WHEN ${Number(q)} THEN ${Number(pm)}`)
      .join(' ')} END`,
  );
  await sql`DELETE FROM portfolio_snapshot WHERE business_date = ${date}`.execute(db);
  await sql`
    INSERT INTO portfolio_snapshot (business_date, office_id, fund_id, group_id, facilitator_id, financings, outstanding,
                                    at_risk_1, at_risk_30, at_risk_90, by_class, provision)
    SELECT ${date}::date, f.office_id, f.fund_id, f.group_id, coalesce(f.facilitator_id, g.facilitator_id), count(*)::int,
           sum(f.outstanding_principal),
           coalesce(sum(f.outstanding_principal) FILTER (WHERE f.days_past_due >= 1), 0),
           coalesce(sum(f.outstanding_principal) FILTER (WHERE f.days_past_due >= 30), 0),
           coalesce(sum(f.outstanding_principal) FILTER (WHERE f.days_past_due >= 90), 0),
           ARRAY[coalesce(sum(f.outstanding_principal) FILTER (WHERE f.quality_class = 1), 0),
                 coalesce(sum(f.outstanding_principal) FILTER (WHERE f.quality_class = 2), 0),
                 coalesce(sum(f.outstanding_principal) FILTER (WHERE f.quality_class = 3), 0),
                 coalesce(sum(f.outstanding_principal) FILTER (WHERE f.quality_class = 4), 0),
                 coalesce(sum(f.outstanding_principal) FILTER (WHERE f.quality_class = 5), 0)]::bigint[],
           sum(floor(f.outstanding_principal * ${provision} / 1000))::bigint
    FROM financing f LEFT JOIN business_group g ON g.id = f.group_id
    WHERE f.status = 'disbursed'
    GROUP BY f.office_id, f.fund_id, f.group_id, coalesce(f.facilitator_id, g.facilitator_id)`.execute(db);
}

export type SnapshotTotals = {
  financings: number;
  outstanding: string;
  at_risk_1: string;
  at_risk_30: string;
  at_risk_90: string;
  provision: string;
};
/** Portfolio at risk of a date, grouped by one dimension, limited to some offices (null = all). */
export async function portfolioBy(
  db: Queryable,
  date: string,
  dimension: 'office' | 'fund' | 'group' | 'facilitator',
  officeIds: string[] | null,
) {
  const key = sql.raw({ office: 's.office_id', fund: 's.fund_id', group: 's.group_id', facilitator: 's.facilitator_id' }[dimension]);
  const scope = officeIds === null ? sql`true` : officeIds.length === 0 ? sql`false` : sql`s.office_id IN (${sql.join(officeIds)})`;
  const rows = await sql<
    SnapshotTotals & { key: string | null; class_1: string; class_2: string; class_3: string; class_4: string; class_5: string }
  >`
    SELECT ${key}::text AS key, sum(financings)::int AS financings, sum(outstanding)::text AS outstanding,
           sum(at_risk_1)::text AS at_risk_1, sum(at_risk_30)::text AS at_risk_30, sum(at_risk_90)::text AS at_risk_90,
           sum(provision)::text AS provision,
           sum(by_class[1])::text AS class_1, sum(by_class[2])::text AS class_2, sum(by_class[3])::text AS class_3,
           sum(by_class[4])::text AS class_4, sum(by_class[5])::text AS class_5
    FROM portfolio_snapshot s WHERE s.business_date = ${date} AND ${scope}
    GROUP BY ${key} ORDER BY sum(outstanding) DESC`.execute(db);
  return rows.rows;
}

const QUALITY_RULE_KEY = 'financing.quality_rule';
export async function qualityRuleSetting(db: Queryable): Promise<'bank' | 'lkm'> {
  const row = await db.selectFrom('setting').select('value').where('key', '=', QUALITY_RULE_KEY).executeTakeFirst();
  return row?.value === 'lkm' ? 'lkm' : 'bank';
}
export const saveQualityRuleSetting = (db: Queryable, rule: 'bank' | 'lkm') =>
  sql`INSERT INTO setting (key, value) VALUES (${QUALITY_RULE_KEY}, ${JSON.stringify(rule)}::jsonb)
      ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value, updated_at = now()`.execute(db);

/** Names for the rows of a portfolio by group (the group's name) or by facilitator (the user's full name). */
export async function portfolioLabels(db: Queryable, by: 'group' | 'facilitator', ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows =
    by === 'group'
      ? await db.selectFrom('business_group').select(['id', 'name']).where('id', 'in', ids).execute()
      : await db.selectFrom('app_user').select(['id', 'full_name as name']).where('id', 'in', ids).execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** The provision the portfolio snapshot of a date requires, per office and fund. */
export async function requiredProvisions(db: Queryable, date: string) {
  const rows = await sql<{ office_id: string; fund_id: string; provision: string }>`
    SELECT office_id, fund_id, sum(provision)::text AS provision FROM portfolio_snapshot
    WHERE business_date = ${date} GROUP BY office_id, fund_id`.execute(db);
  return rows.rows;
}

export type AtRiskFilter = {
  /** Days past due at least (PAR 1, 30, 90). */
  minDays: number;
  by?: { dimension: 'office' | 'fund' | 'group' | 'facilitator'; key: string | null };
  officeIds: string[] | null;
  regionPatterns: string[] | null;
  offset: number;
  limit: number;
};

function atRiskWhere(filter: AtRiskFilter) {
  const officer = sql`coalesce(f.facilitator_id, g.facilitator_id)`;
  const conditions = [sql`f.status = 'disbursed'`, sql`f.days_past_due >= ${filter.minDays}`];
  if (filter.officeIds !== null)
    conditions.push(filter.officeIds.length === 0 ? sql`false` : sql`f.office_id IN (${sql.join(filter.officeIds)})`);
  if (filter.regionPatterns !== null)
    conditions.push(
      filter.regionPatterns.length === 0
        ? sql`false`
        : sql`(${sql.join(
            filter.regionPatterns.map((p) => sql`f.region_code LIKE ${p}`),
            sql` OR `,
          )})`,
    );
  const by = filter.by;
  if (by) {
    const column = { office: sql`f.office_id`, fund: sql`f.fund_id`, group: sql`f.group_id`, facilitator: officer }[by.dimension];
    conditions.push(by.key === null ? sql`${column} IS NULL` : sql`${column}::text = ${by.key}`);
  }
  return sql.join(conditions, sql` AND `);
}

/**
 * The named financings behind a PAR figure as of the last close of day (days past due and the
 * outstanding principal it counted), most days late first; each with its responsible officer
 * as the snapshot counts it (assigned, else the group's facilitator). Totals over every match.
 */
export async function atRiskFinancings(db: Queryable, filter: AtRiskFilter) {
  const where = atRiskWhere(filter);
  const [page, totals] = await Promise.all([
    sql<{
      id: string;
      number: string;
      person_id: string;
      office_id: string;
      fund_id: string;
      group_id: string | null;
      officer_id: string | null;
      outstanding: string;
      overdue: string;
      days_past_due: number;
      quality_class: number;
    }>`
      SELECT f.id, f.number, f.person_id, f.office_id, f.fund_id, f.group_id,
             coalesce(f.facilitator_id, g.facilitator_id) AS officer_id,
             f.outstanding_principal::text AS outstanding, f.overdue_amount::text AS overdue, f.days_past_due, f.quality_class
      FROM financing f LEFT JOIN business_group g ON g.id = f.group_id
      WHERE ${where}
      ORDER BY f.days_past_due DESC, f.outstanding_principal DESC, f.id
      OFFSET ${filter.offset} LIMIT ${filter.limit}`.execute(db),
    sql<{ financings: number; outstanding: string }>`
      SELECT count(*)::int AS financings, coalesce(sum(f.outstanding_principal), 0)::text AS outstanding
      FROM financing f LEFT JOIN business_group g ON g.id = f.group_id
      WHERE ${where}`.execute(db),
  ]);
  return { rows: page.rows, totals: totals.rows[0] ?? { financings: 0, outstanding: '0' } };
}
