// The portfolio screens' API shapes (types only, from the server's zod schemas) and queries:
// portfolio at risk of a closed day, the revolving queue of a fund, close of day.
import { keepPreviousData, queryOptions, useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  atRiskViewSchema,
  closeDayResultSchema,
  portfolioQuerySchema,
  portfolioViewSchema,
  qualityRuleViewSchema,
  queueViewSchema,
} from '../../../src/modules/financing/financing.schema.ts';
import { api } from './client.ts';

export type PortfolioView = z.infer<typeof portfolioViewSchema>;
export type PortfolioRow = PortfolioView['rows'][number];
export type Dimension = z.output<typeof portfolioQuerySchema>['by'];
export type QueueView = z.infer<typeof queueViewSchema>;
export type AtRiskView = z.infer<typeof atRiskViewSchema>;
export type AtRiskItem = AtRiskView['items'][number];
export const PAR_BUCKETS = ['1', '30', '90'] as const;
export type ParBucket = (typeof PAR_BUCKETS)[number];
export type CloseDayResult = z.infer<typeof closeDayResultSchema>;
export type QualityRuleView = z.infer<typeof qualityRuleViewSchema>;
export type QualityRuleName = QualityRuleView['rule'];

// A record (not a list) so that a dimension added on the server is a compile error here.
const DIMENSION_ORDER: Record<Dimension, number> = { office: 0, fund: 1, group: 2, facilitator: 3 };
export const DIMENSIONS = (Object.keys(DIMENSION_ORDER) as Dimension[]).sort((a, b) => DIMENSION_ORDER[a] - DIMENSION_ORDER[b]);
export const isDimension = (value: string): value is Dimension => value in DIMENSION_ORDER;

/** The error of the portfolio before any day was closed (404). */
export const NO_CLOSED_DAY = 'close_day.none_yet';

export const portfolioQuery = (by: Dimension, date: string | null) =>
  queryOptions({
    queryKey: ['financing', 'portfolio', by, date],
    queryFn: () => api.get<PortfolioView>('/api/v1/financing/portfolio', { by, date }),
    placeholderData: keepPreviousData,
  });

export const queueQuery = (fund: string | null) =>
  queryOptions({
    queryKey: ['financing', 'queue', fund],
    queryFn: () => api.get<QueueView>('/api/v1/financing/queue', { fund }),
    enabled: Boolean(fund),
  });

/** Close a business day (admin); the portfolio and the queue are read again afterwards. */
export function useCloseDay() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (date: string) => api.post<CloseDayResult>('/api/v1/financing/close-day', { date }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['financing'] }),
  });
}

/** The quality-class rule (kolektibilitas) close of day applies, and the default. */
export const qualityRuleQuery = queryOptions({
  queryKey: ['financing', 'quality-rule'],
  queryFn: () => api.get<QualityRuleView>('/api/v1/financing/settings/quality-rule'),
});

/** An admin chooses the rule; it applies from the next day closed. */
export function useSetQualityRule() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (rule: QualityRuleName) => api.put<{ rule: QualityRuleName }>('/api/v1/financing/settings/quality-rule', { rule }),
    onSuccess: () => client.invalidateQueries({ queryKey: qualityRuleQuery.queryKey }),
  });
}

/** PAR drilled down: the named financings at risk, a page at a time (optionally of one breakdown row). */
export function useAtRisk(filter: { par: ParBucket; by?: Dimension; key?: string }) {
  return useInfiniteQuery({
    queryKey: ['financing', 'at-risk', filter],
    placeholderData: keepPreviousData,
    queryFn: ({ pageParam }) => api.get<AtRiskView>('/api/v1/financing/portfolio/at-risk', { ...filter, cursor: pageParam, limit: 25 }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}
