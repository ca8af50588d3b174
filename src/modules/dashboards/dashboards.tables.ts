import type { Generated } from 'kysely';

export type DashboardTables = {
  dashboard_month: { subject: string; region_code: string; month: string; metric: string; value: string };
  dashboard_refresh: { month: string; refreshed_for: string; refreshed_at: Generated<Date> };
};
