// The finance screens' API shapes (types only, from the server's zod schemas) and queries.
import { keepPreviousData, queryOptions, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { DrawerReport } from '../../../src/modules/drawer-report/drawer-report.schema.ts';
import type {
  DrawerDetail,
  DrawerMovement,
  DrawerView,
  drawerMovementInputSchema,
  MovementResult,
} from '../../../src/modules/ledger/cash-drawer.schema.ts';
import type {
  ACCOUNT_SCHEMES,
  accountCreateInputSchema,
  accountUpdateInputSchema,
  accountViewSchema,
  entryListSchema,
  entryViewSchema,
  FUND_KINDS,
  fundCapitalResultSchema,
  fundViewSchema,
  statementSchema,
  trialBalanceSchema,
} from '../../../src/modules/ledger/ledger.schema.ts';
import type {
  BalanceSheetView,
  IncomeStatementView,
  StatementRowView,
  StatementSectionView,
} from '../../../src/modules/ledger/statements.schema.ts';
import { api, request, withQuery } from './client.ts';

export type {
  BalanceSheetView,
  DrawerDetail,
  DrawerMovement,
  DrawerView,
  IncomeStatementView,
  MovementResult,
  StatementRowView,
  StatementSectionView,
};
export type Account = z.infer<typeof accountViewSchema>;
export type AccountType = Account['type'];
export type AccountScheme = (typeof ACCOUNT_SCHEMES)[number];
export type AccountCreateInput = z.input<typeof accountCreateInputSchema>;
export type AccountUpdateInput = z.input<typeof accountUpdateInputSchema>;
export type TrialBalance = z.infer<typeof trialBalanceSchema>;
export type AccountStatement = z.infer<typeof statementSchema>;
export type EntryView = z.infer<typeof entryViewSchema>;
export type EntryListItem = z.infer<typeof entryListSchema>['items'][number];
export type FundCapitalResult = z.infer<typeof fundCapitalResultSchema>;
export type Fund = z.infer<typeof fundViewSchema>;
export type FundKind = (typeof FUND_KINDS)[number];
export type MovementInput = z.input<typeof drawerMovementInputSchema>;

export const FUND_KIND_LIST: FundKind[] = ['own_capital', 'stimulus', 'group_revolving'];

export const accountsQuery = queryOptions({
  queryKey: ['ledger', 'accounts'],
  queryFn: () => api.get<{ items: Account[] }>('/api/v1/ledger/accounts'),
  select: (data) => data.items,
  staleTime: 10 * 60_000,
});

export const ACCOUNT_SCHEME_LIST: AccountScheme[] = ['both', 'conventional', 'sharia'];

/** Chart of accounts kept by admins and managers: add under a group, rename, deactivate or reactivate. */
export const createAccount = (input: AccountCreateInput) => api.post<Account>('/api/v1/ledger/accounts', input);
export const updateAccount = (code: string, input: AccountUpdateInput) =>
  api.patch<Account>(`/api/v1/ledger/accounts/${encodeURIComponent(code)}`, input);

export const trialBalanceQuery = (asOf: string, office: string | null) =>
  queryOptions({
    queryKey: ['ledger', 'trial-balance', asOf, office],
    queryFn: () => api.get<TrialBalance>('/api/v1/ledger/trial-balance', { asOf, office }),
    enabled: Boolean(asOf),
    placeholderData: keepPreviousData,
  });

export type Period = { from: string; to: string; office: string | null };

export function useAccountStatement(code: string | null, period: Period) {
  return useInfiniteQuery({
    queryKey: ['ledger', 'statement', code, period],
    queryFn: ({ pageParam }) =>
      api.get<AccountStatement>(`/api/v1/ledger/accounts/${encodeURIComponent(code ?? '')}/statement`, {
        ...period,
        cursor: pageParam,
        limit: 50,
      }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    enabled: Boolean(code && period.from && period.to),
  });
}

export const balanceSheetQuery = (asOf: string, office: string | null) =>
  queryOptions({
    queryKey: ['ledger', 'balance-sheet', asOf, office],
    queryFn: () => api.get<BalanceSheetView>('/api/v1/ledger/balance-sheet', { asOf, office }),
    enabled: Boolean(asOf),
    placeholderData: keepPreviousData,
  });

export const incomeStatementQuery = (period: Period) =>
  queryOptions({
    queryKey: ['ledger', 'income-statement', period],
    queryFn: () => api.get<IncomeStatementView>('/api/v1/ledger/income-statement', { ...period }),
    enabled: Boolean(period.from && period.to),
    placeholderData: keepPreviousData,
  });

/** The link of a statement's PDF or Excel file (the session cookie goes along). */
export const statementFileUrl = (
  kind: 'balance-sheet' | 'income-statement',
  format: 'pdf' | 'xlsx',
  query: Record<string, string | null>,
) => withQuery(`/api/v1/ledger/${kind}.${format}`, query);

export const fundsQuery = queryOptions({
  queryKey: ['ledger', 'funds'],
  queryFn: () => api.get<{ items: Fund[] }>('/api/v1/funds'),
  select: (data) => data.items,
});
export const useFunds = (enabled = true) => useQuery({ ...fundsQuery, enabled });

export const fundQuery = (id: string) =>
  queryOptions({
    queryKey: ['ledger', 'fund', id],
    queryFn: () => api.get<Fund>(`/api/v1/funds/${encodeURIComponent(id)}`),
  });

export const entryQuery = (id: string) =>
  queryOptions({
    queryKey: ['ledger', 'entry', id],
    queryFn: () => api.get<EntryView>(`/api/v1/ledger/entries/${encodeURIComponent(id)}`),
  });

/** What the journal list is narrowed to (from the address: /finance/journal?source=manual&reversal=false&from=…). */
export type EntryFilters = { source?: 'manual' | 'fund'; reversal?: 'true' | 'false'; from?: string };

/** Manual and fund entries (or reversing entries of any source), newest first, 20 at a time. */
export function useRecentEntries(filters: EntryFilters = {}) {
  return useInfiniteQuery({
    queryKey: ['ledger', 'entries', filters],
    queryFn: ({ pageParam }) =>
      api.get<z.infer<typeof entryListSchema>>('/api/v1/ledger/entries', { ...filters, cursor: pageParam, limit: 20 }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

/** Narrowing of the drawer list from the address (the auditor's home count: differences since a day). */
export type DrawerListFilters = { difference?: 'true' | undefined; from?: string | undefined };

export const drawersQuery = (status: 'open' | 'closed', limit = 20, filters: DrawerListFilters = {}) =>
  queryOptions({
    queryKey: ['ledger', 'drawers', status, limit, filters],
    queryFn: () => api.get<{ items: DrawerView[] }>('/api/v1/cash-drawers', { status, limit, ...filters }),
    select: (data) => data.items,
  });

export const drawerQuery = (id: string | null) =>
  queryOptions({
    queryKey: ['ledger', 'drawer', id],
    queryFn: () => api.get<DrawerDetail>(`/api/v1/cash-drawers/${encodeURIComponent(id ?? '')}`),
    enabled: Boolean(id),
  });

/**
 * A fresh key for one money-moving request: a retry of the same request sends the same key
 * and gets the first answer. getRandomValues works on plain http too (randomUUID does not).
 */
export function newIdempotencyKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** A POST that moves money: sent with its Idempotency-Key. */
export const postMoney = <T>(path: string, body: unknown, key: string) =>
  request<T>('POST', path, body, undefined, { 'idempotency-key': key });

/** A drawer's day in detail, with people by name (the page behind the end-of-day report). */
export const drawerReportQuery = (id: string) =>
  queryOptions({
    queryKey: ['ledger', 'drawer', id, 'report'],
    queryFn: () => api.get<DrawerReport>(`/api/v1/cash-drawers/${encodeURIComponent(id)}/report`),
  });
