// The dashboards (GET /api/v1/dashboards/:subject): figures by month from the monthly aggregates
// filled at close of day; types from the server's zod schema.
import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { DASHBOARD_SUBJECTS, type DashboardSubject } from '../../../src/modules/dashboards/dashboards.rules.ts';
import type { DashboardView } from '../../../src/modules/dashboards/dashboards.schema.ts';
import { api, withQuery } from './client.ts';

export { DASHBOARD_SUBJECTS, type DashboardSubject, type DashboardView };
export type DashboardFilter = { office: string | null; region: string | null; from: string | null; to: string | null };

export const isDashboardSubject = (value: string | undefined): value is DashboardSubject =>
  (DASHBOARD_SUBJECTS as readonly string[]).includes(value ?? '');

export const dashboardQuery = (subject: DashboardSubject, filter: DashboardFilter) =>
  queryOptions({
    queryKey: ['dashboards', subject, filter],
    queryFn: () => api.get<DashboardView>(`/api/v1/dashboards/${subject}`, filter),
    placeholderData: keepPreviousData,
  });

/** The same figures as a PDF or Excel file. */
export const dashboardFileUrl = (subject: DashboardSubject, type: 'pdf' | 'xlsx', filter: DashboardFilter) =>
  withQuery(`/api/v1/dashboards/${subject}/export.${type}`, filter);
