import { keepPreviousData, type QueryClient, queryOptions, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { ApiError, api, setCsrfToken } from './client.ts';
import type { AuditPage, Me, OfficeView, Organisation, RegionDetail, RegionPage, SetupStatus, UserPage } from './types.ts';

export const setupQuery = queryOptions({
  queryKey: ['setup'],
  queryFn: () => api.get<SetupStatus>('/api/v1/setup'),
  staleTime: Number.POSITIVE_INFINITY,
});

/** The signed-in user, or null when there is no session. */
export const meQuery = queryOptions({
  queryKey: ['me'],
  queryFn: async (): Promise<Me | null> => {
    try {
      const me = await api.get<Me>('/api/v1/auth/me');
      setCsrfToken(me.csrfToken);
      return me;
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) return null;
      throw error;
    }
  },
  staleTime: 5 * 60_000,
});

export function rememberSession(queryClient: QueryClient, me: Me | null) {
  setCsrfToken(me?.csrfToken ?? null);
  queryClient.setQueryData(meQuery.queryKey, me);
}

export type UserFilters = { q?: string; role?: string; office?: string; active?: string; locked?: 'true' };

export function useUsers(filters: UserFilters) {
  return useInfiniteQuery({
    queryKey: ['users', filters],
    // While a new filter loads, the old rows stay (no flash of a spinner on every keystroke).
    placeholderData: keepPreviousData,
    queryFn: ({ pageParam }) => api.get<UserPage>('/api/v1/users', { ...filters, cursor: pageParam, limit: 25 }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

export const officesQuery = (includeInactive: boolean) =>
  queryOptions({
    queryKey: ['offices', { includeInactive }],
    queryFn: () => api.get<{ items: OfficeView[] }>('/api/v1/offices', { includeInactive: includeInactive || undefined }),
    select: (data) => data.items,
  });

export const useOffices = (includeInactive = false) => useQuery(officesQuery(includeInactive));

export const organisationQuery = queryOptions({
  queryKey: ['organisation'],
  queryFn: () => api.get<Organisation>('/api/v1/organisation'),
});

export function useRegionChildren(parent: string | null) {
  return useInfiniteQuery({
    queryKey: ['regions', 'children', parent],
    queryFn: ({ pageParam }) => api.get<RegionPage>('/api/v1/regions', { parent: parent ?? undefined, cursor: pageParam, limit: 100 }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    staleTime: Number.POSITIVE_INFINITY,
  });
}

export const regionSearchQuery = (q: string, limit = 30, level?: number) =>
  queryOptions({
    queryKey: ['regions', 'search', q, limit, level],
    queryFn: () => api.get<RegionPage>('/api/v1/regions', { q, limit, level }),
    enabled: q.trim().length >= 2,
    staleTime: Number.POSITIVE_INFINITY,
  });

export const regionDetailQuery = (code: string | null) =>
  queryOptions({
    queryKey: ['regions', 'detail', code],
    queryFn: () => api.get<RegionDetail>(`/api/v1/regions/${encodeURIComponent(code ?? '')}`),
    enabled: Boolean(code),
    staleTime: Number.POSITIVE_INFINITY,
  });

export type AuditFilters = { entityType?: string; actor?: string; action?: string; from?: string; to?: string };

export function useAudit(filters: AuditFilters) {
  return useInfiniteQuery({
    queryKey: ['audit', filters],
    // While a new filter loads, the old rows stay (no flash of a spinner on every keystroke).
    placeholderData: keepPreviousData,
    queryFn: ({ pageParam }) => api.get<AuditPage>('/api/v1/audit', { ...filters, cursor: pageParam, limit: 50 }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}
