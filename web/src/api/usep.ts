// The USEP KM screens' API shapes (types only, from the server's zod schemas) and queries:
// the group reports and their chain of signatures, the Dinas overview.
import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  coachingInputSchema,
  coachingViewSchema,
  developmentViewSchema,
  mergedViewSchema,
  mergeInputSchema,
  monthFiguresSchema,
} from '../../../src/modules/usep/development.schema.ts';
import type { overviewSchema, reportListSchema, reportViewSchema } from '../../../src/modules/usep/report.schema.ts';
import type {
  allocationInputSchema,
  chainViewSchema,
  cityMultiplierSchema,
  passOnInputSchema,
} from '../../../src/modules/usep/stimulus.schema.ts';
import { api } from './client.ts';
import { postMoney } from './ledger.ts';

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

// The chain stimulus (allocations, pass-on, chain, multiplier) and businesses over time.
export type ChainView = z.infer<typeof chainViewSchema>;
export type Recipient = ChainView['recipients'][number];
export type CityMultiplier = z.infer<typeof cityMultiplierSchema>;
export type Multiplier = CityMultiplier['total'];
export type AllocationInput = z.input<typeof allocationInputSchema>;
export type PassOnInput = z.input<typeof passOnInputSchema>;
export type DevelopmentView = z.infer<typeof developmentViewSchema>;
export type MonthFigures = z.input<typeof monthFiguresSchema>;
export type CoachingView = z.infer<typeof coachingViewSchema>;
export type CoachingInput = z.input<typeof coachingInputSchema>;
export type CoachingTopic = CoachingView['topic'];
export type MergedView = z.infer<typeof mergedViewSchema>;
export type MergeInput = z.input<typeof mergeInputSchema>;
export const COACHING_TOPIC_LIST: CoachingTopic[] = ['business_management', 'marketing', 'bookkeeping', 'production', 'other'];

export const chainQuery = (groupId: string) =>
  queryOptions({
    queryKey: ['usep', 'chain', groupId],
    queryFn: () => api.get<ChainView>(`/api/v1/usep/groups/${encodeURIComponent(groupId)}/chain`),
  });
export const multiplierQuery = (regency: string) =>
  queryOptions({
    queryKey: ['usep', 'multiplier', regency],
    queryFn: () => api.get<CityMultiplier>('/api/v1/usep/multiplier', { regency }),
    enabled: /^\d{2}\.\d{2}$/.test(regency),
  });
export const developmentQuery = (businessId: string) =>
  queryOptions({
    queryKey: ['usep', 'development', businessId],
    queryFn: () => api.get<DevelopmentView>(`/api/v1/usep/businesses/${encodeURIComponent(businessId)}/development`),
  });
export const coachingQuery = (groupId: string) =>
  queryOptions({
    queryKey: ['usep', 'coaching', groupId],
    queryFn: () => api.get<{ items: CoachingView[] }>('/api/v1/usep/coaching', { groupId }),
    select: (data) => data.items,
  });
export const mergedQuery = (groupId: string) =>
  queryOptions({
    queryKey: ['usep', 'merged', groupId],
    queryFn: () => api.get<{ items: MergedView[] }>(`/api/v1/usep/groups/${encodeURIComponent(groupId)}/merged-businesses`),
    select: (data) => data.items,
  });

/** Allocating moves money: sent once with its Idempotency-Key (a retry of the same form sends the same key). */
export const allocateStimulus = (input: AllocationInput, key: string) => postMoney<ChainView>('/api/v1/usep/allocations', input, key);
export const passOn = (groupId: string, input: PassOnInput, key: string) =>
  postMoney<ChainView>(`/api/v1/usep/groups/${encodeURIComponent(groupId)}/pass-on`, input, key);
export const putBusinessMonth = (businessId: string, month: string, figures: MonthFigures) =>
  api.put<DevelopmentView>(`/api/v1/usep/businesses/${encodeURIComponent(businessId)}/months/${month}`, figures);
export const putMergedMonth = (mergedId: string, month: string, figures: MonthFigures) =>
  api.put<MergedView>(`/api/v1/usep/merged-businesses/${encodeURIComponent(mergedId)}/months/${month}`, figures);
export const recordCoaching = (input: CoachingInput) => api.post<CoachingView>('/api/v1/usep/coaching', input);
export const mergeBusinesses = (groupId: string, input: MergeInput) =>
  api.post<MergedView>(`/api/v1/usep/groups/${encodeURIComponent(groupId)}/merged-businesses`, input);

/** After any USEP change: the chain, reports, overview and developments are read again. */
export function useInvalidateUsep() {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: ['usep'] });
}
