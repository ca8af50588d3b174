// The USEP KM screens' API shapes (types only, from the server's zod schemas) and queries:
// the group reports and their chain of signatures, the Dinas overview.
import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { overviewSchema, reportListSchema, reportViewSchema } from '../../../src/modules/usep/report.schema.ts';
import { api } from './client.ts';

export type ReportList = z.infer<typeof reportListSchema>;
export type ReportView = z.infer<typeof reportViewSchema>;
export type Overview = z.infer<typeof overviewSchema>;
export type ReportAction = 'submit' | 'accept' | 'return' | 'acknowledge' | 'receive' | 'revise';

export const reportsQuery = queryOptions({
  queryKey: ['usep', 'reports'],
  queryFn: () => api.get<ReportList>('/api/v1/usep/reports'),
});
export const reportQuery = (id: string | null) =>
  queryOptions({
    queryKey: ['usep', 'report', id],
    queryFn: () => api.get<ReportView>(`/api/v1/usep/reports/${id}`),
    enabled: Boolean(id),
  });
export const overviewQuery = (regency: string) =>
  queryOptions({
    queryKey: ['usep', 'overview', regency],
    queryFn: () => api.get<Overview>('/api/v1/usep/overview', { regency }),
  });

/** One step of the chain; the lists and the report are read again afterwards. */
export function useReportStep() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, action, note }: { id: string; action: ReportAction; note: string }) => {
      if (action === 'accept' || action === 'return')
        return api.post<ReportView>(`/api/v1/usep/reports/${id}/review`, { decision: action, note });
      if (action === 'revise') return api.post<ReportView>(`/api/v1/usep/reports/${id}/revise`, {});
      return api.post<ReportView>(`/api/v1/usep/reports/${id}/${action}`, { note });
    },
    onSuccess: () => client.invalidateQueries({ queryKey: ['usep'] }),
  });
}
