// JKN-KIS collection by a cadre: the API's shapes (types only, from the server's zod schemas)
// and the queries of the cadre page's collection, visits and performance sections. Every key
// starts with 'cadres' or 'households', so useInvalidateCadres() refreshes them after a change.
import { queryOptions } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  cadresOverviewSchema,
  cashViewSchema,
  collectionListSchema,
  contributionViewSchema,
  depositListSchema,
  depositViewSchema,
  familyDuesSchema,
  performanceSchema,
  VISIT_KINDS,
  visitListSchema,
  worklistSchema,
} from '../../../src/modules/contributions/contributions.schema.ts';
import { api } from './client.ts';

export type CashView = z.infer<typeof cashViewSchema>;
export type CadresOverview = z.infer<typeof cadresOverviewSchema>;
export type CadreOverviewItem = CadresOverview['items'][number];
export type Contribution = z.infer<typeof contributionViewSchema>;
export type CollectionList = z.infer<typeof collectionListSchema>;
export type DepositView = z.infer<typeof depositViewSchema>;
export type DepositList = z.infer<typeof depositListSchema>;
export type FamilyDues = z.infer<typeof familyDuesSchema>;
export type Performance = z.infer<typeof performanceSchema>;
export type VisitList = z.infer<typeof visitListSchema>;
export type Worklist = z.infer<typeof worklistSchema>;
export type WorklistFamily = Worklist['items'][number];
export type VisitKind = (typeof VISIT_KINDS)[number];
export type DepositChannel = 'bank' | 'payment_point' | 'office';

export const VISIT_KIND_OPTIONS: VisitKind[] = ['reminder', 'socialisation', 'recruitment', 'complaint', 'follow_up'];
export const DEPOSIT_CHANNELS: DepositChannel[] = ['bank', 'payment_point', 'office'];

const cadrePath = (cadreId: string, rest: string) => `/api/v1/cadres/${encodeURIComponent(cadreId)}/${rest}`;

export const cashQuery = (cadreId: string) =>
  queryOptions({ queryKey: ['cadres', 'cash', cadreId], queryFn: () => api.get<CashView>(cadrePath(cadreId, 'cash')) });

export const collectionsQuery = (cadreId: string) =>
  queryOptions({
    queryKey: ['cadres', 'collections', cadreId],
    queryFn: () => api.get<CollectionList>(cadrePath(cadreId, 'contributions'), { limit: 10 }),
    select: (data) => data.items,
  });

export const depositsQuery = (cadreId: string) =>
  queryOptions({
    queryKey: ['cadres', 'deposits', cadreId],
    queryFn: () => api.get<DepositList>(cadrePath(cadreId, 'deposits'), { limit: 10 }),
    select: (data) => data.items,
  });

export const worklistQuery = (cadreId: string) =>
  queryOptions({ queryKey: ['cadres', 'worklist', cadreId], queryFn: () => api.get<Worklist>(cadrePath(cadreId, 'worklist')) });

export const visitsQuery = (cadreId: string) =>
  queryOptions({
    queryKey: ['cadres', 'visits', cadreId],
    queryFn: () => api.get<VisitList>(cadrePath(cadreId, 'visits'), { limit: 20 }),
    select: (data) => data.items,
  });

export const performanceQuery = (cadreId: string, month: string) =>
  queryOptions({
    queryKey: ['cadres', 'performance', cadreId, month],
    queryFn: () => api.get<Performance>(cadrePath(cadreId, 'performance'), { month }),
  });

/** Across the cadres in scope: caseload, cash held (flagged first) and this month's collected against due, in one request. */
export const cadresOverviewQuery = queryOptions({
  queryKey: ['cadres', 'overview'],
  queryFn: () => api.get<CadresOverview>('/api/v1/cadres/overview'),
});

export const familyDuesQuery = (householdId: string | null) =>
  queryOptions({
    queryKey: ['households', householdId, 'jkn-dues'],
    queryFn: () => api.get<FamilyDues>(`/api/v1/households/${encodeURIComponent(householdId ?? '')}/jkn-dues`),
    enabled: householdId !== null,
  });

/** Records through which month (YYYY-MM) the family's PBPU contributions are paid; answers its dues. */
export const savePaidThrough = (householdId: string, paidThrough: string) =>
  api.put<FamilyDues>(`/api/v1/households/${encodeURIComponent(householdId)}/jkn-account`, { paidThrough });

/** Who records collections, deposits and visits (the cadre themself, or a manager for them). */
export const canCollect = (role: string) => role === 'admin' || role === 'manager' || role === 'cadre';

/** YYYY-MM of a month `offset` months from the one of `today` (YYYY-MM-DD). */
export function shiftMonth(today: string, offset: number): string {
  const index = Number(today.slice(0, 4)) * 12 + Number(today.slice(5, 7)) - 1 + offset;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}
