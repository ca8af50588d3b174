import { sql } from 'kysely';
import type { StoreDb } from '../../db/store.ts';
import type { DashboardTables } from './dashboards.tables.ts';

type Queryable = StoreDb<DashboardTables>;

/** The period's monthly figures of one dashboard, summed over the region codes given (none beneath another). */
export async function findDashboardRows(db: Queryable, filter: { subject: string; regionCodes: string[]; from: string; to: string }) {
  if (filter.regionCodes.length === 0) return [];
  return db
    .selectFrom('dashboard_month')
    .select(['month', 'metric', sql<string>`sum(value)::text`.as('value')])
    .where('subject', '=', filter.subject)
    .where('region_code', 'in', filter.regionCodes)
    .where('month', '>=', filter.from)
    .where('month', '<=', filter.to)
    .groupBy(['month', 'metric'])
    .execute();
}

/** The day the latest filled month of a period was filled for. */
export async function findRefreshedFor(db: Queryable, from: string, to: string) {
  const row = await db
    .selectFrom('dashboard_refresh')
    .select(sql<string>`refreshed_for::text`.as('refreshed_for'))
    .where('month', '>=', from)
    .where('month', '<=', to)
    .orderBy('month', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row?.refreshed_for ?? null;
}

export async function findRefreshedMonths(db: Queryable, months: string[]) {
  if (months.length === 0) return [];
  return (await db.selectFrom('dashboard_refresh').select('month').where('month', 'in', months).execute()).map((r) => r.month);
}
