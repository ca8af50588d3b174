// The financing screens' API shapes (types only, from the server's zod schemas), queries and PDF links.
import { keepPreviousData, queryOptions, useInfiniteQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  applicationInputSchema,
  exposureViewSchema,
  financingListSchema,
  financingViewSchema,
  officersViewSchema,
  PRODUCT_KIND_VALUES,
  productInputSchema,
  productViewSchema,
  repaymentViewSchema,
} from '../../../src/modules/financing/financing.schema.ts';
import { api } from './client.ts';

export type Product = z.infer<typeof productViewSchema>;
export type ProductKind = (typeof PRODUCT_KIND_VALUES)[number];
export type ProductInput = z.input<typeof productInputSchema>;
export type Rounding = z.output<typeof productInputSchema>['rounding'];
export type AllocationPart = z.output<typeof productInputSchema>['allocationOrder'][number];
export type ApplicationInput = z.input<typeof applicationInputSchema>;
export type Financing = z.infer<typeof financingViewSchema>;
export type FinancingStatus = Financing['status'];
export type FinancingListItem = z.infer<typeof financingListSchema>['items'][number];
export type Instalment = Financing['schedule'][number];
export type Repayment = z.infer<typeof repaymentViewSchema>;
export type Channel = 'counter' | 'group_meeting' | 'field';
export type Exposure = z.infer<typeof exposureViewSchema>;
export type Officer = z.infer<typeof officersViewSchema>['items'][number];

// Records (not lists) so that a kind or status added on the server is a compile error here.
const KIND_ORDER: Record<ProductKind, number> = {
  flat: 0,
  annuity: 1,
  equal_principal: 2,
  murabahah: 3,
  mudharabah: 4,
  musyarakah: 5,
  qardh: 6,
};
export const PRODUCT_KINDS = (Object.keys(KIND_ORDER) as ProductKind[]).sort((a, b) => KIND_ORDER[a] - KIND_ORDER[b]);
const STATUS_ORDER: Record<FinancingStatus, number> = { applied: 0, approved: 1, disbursed: 2, closed: 3, rejected: 4, written_off: 5 };
export const FINANCING_STATUSES = (Object.keys(STATUS_ORDER) as FinancingStatus[]).sort((a, b) => STATUS_ORDER[a] - STATUS_ORDER[b]);
export const CHANNELS: Channel[] = ['counter', 'group_meeting', 'field'];
const ROUNDING_ORDER: Record<Rounding, number> = { 'half-up': 0, 'half-even': 1 };
export const ROUNDINGS = (Object.keys(ROUNDING_ORDER) as Rounding[]).sort((a, b) => ROUNDING_ORDER[a] - ROUNDING_ORDER[b]);
/** What a repayment pays first when nothing else is chosen: penalty, then profit, then principal (DOMAIN.md). */
export const DEFAULT_ALLOCATION_ORDER: readonly AllocationPart[] = ['penalty', 'profit', 'principal'];
export const isShariaKind = (kind: string) => ['murabahah', 'mudharabah', 'musyarakah', 'qardh'].includes(kind);
export const sharesProfit = (kind: string) => kind === 'mudharabah' || kind === 'musyarakah';

export const productsQuery = queryOptions({
  queryKey: ['financing', 'products'],
  queryFn: () => api.get<{ items: Product[] }>('/api/v1/financing/products'),
  select: (data) => data.items,
  staleTime: 60_000,
});

export type FinancingFilters = {
  status?: string;
  fund?: string;
  person?: string;
  group?: string;
  dueFrom?: string;
  dueTo?: string;
  overdue?: string;
  facilitator?: string;
  paidOn?: string;
  closedFrom?: string;
};
/** The filters a link (the home page's figures) may carry besides the status. */
export const LINKED_FINANCING_FILTERS = ['dueFrom', 'dueTo', 'overdue', 'facilitator', 'paidOn', 'closedFrom'] as const;

export function useFinancings(filters: FinancingFilters) {
  return useInfiniteQuery({
    queryKey: ['financing', 'list', filters],
    placeholderData: keepPreviousData,
    queryFn: ({ pageParam }) =>
      api.get<z.infer<typeof financingListSchema>>('/api/v1/financings', { ...filters, cursor: pageParam, limit: 25 }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

export const financingQuery = (id: string) =>
  queryOptions({
    queryKey: ['financing', 'detail', id],
    queryFn: () => api.get<Financing>(`/api/v1/financings/${encodeURIComponent(id)}`),
  });

/** After a change: the financing, the lists, and the funds whose cash moved. */
export function useInvalidateFinancing() {
  const queryClient = useQueryClient();
  return () => Promise.all(['financing', 'ledger'].map((key) => queryClient.invalidateQueries({ queryKey: [key] }))).then(() => undefined);
}

const base = (id: string) => `/api/v1/financings/${encodeURIComponent(id)}`;
export const receiptUrl = (financingId: string, repaymentId: string) =>
  `${base(financingId)}/repayments/${encodeURIComponent(repaymentId)}/receipt.pdf`;
export const agreementUrl = (financingId: string) => `${base(financingId)}/agreement.pdf`;
export const passbookUrl = (financingId: string) => `${base(financingId)}/passbook.pdf`;
export const collectionSheetUrl = (groupId: string, date: string) =>
  `/api/v1/groups/${encodeURIComponent(groupId)}/collection-sheet.pdf?date=${encodeURIComponent(date)}`;

/** The member's and household's other financings, for the approval screen. */
export const exposureQuery = (id: string) =>
  queryOptions({
    queryKey: ['financing', 'exposure', id],
    queryFn: () => api.get<Exposure>(`${base(id)}/household-exposure`),
  });

/** Facilitators and managers who may be responsible for a financing (of one office, or of every office of the user). */
export const officersQuery = (office?: string) =>
  queryOptions({
    queryKey: ['financing', 'officers', office ?? null],
    queryFn: () => api.get<{ items: Officer[] }>('/api/v1/financing/officers', { office }),
    select: (data) => data.items,
    staleTime: 60_000,
  });
