// The screening, recall and counselling-session API for the health screens (types from the server's zod schemas).
import { useInfiniteQuery, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  RecallItem,
  recallListSchema,
  ScreeningInput,
  ScreeningView,
  screeningListSchema,
} from '../../../../src/modules/health/screening.schema.ts';
import type { PersonAttendance, SessionInput, SessionView, sessionListSchema } from '../../../../src/modules/health/sessions.schema.ts';
import { api } from '../../api/client.ts';
import type { Role } from '../../api/types.ts';

export type { PersonAttendance, RecallItem, ScreeningInput, ScreeningView, SessionInput, SessionView };
export type ScreeningList = z.infer<typeof screeningListSchema>;
export type RecallPage = z.infer<typeof recallListSchema>;
export type SessionPage = z.infer<typeof sessionListSchema>;

export { SCREENING_ACTIONS, SCREENING_METHODS, SCREENING_RESULTS } from '../../../../src/modules/health/screening.rules.ts';
export { memberOn, SESSION_TOPICS } from '../../../../src/modules/health/sessions.rules.ts';

// The server decides again on every request; these only hide what would be refused.
export const canScreen = (role: Role) => role === 'health_worker';
export const canReadScreenings = (role: Role) => role === 'health_worker' || role === 'admin';
export const canWriteSessions = (role: Role) => role === 'health_worker' || role === 'admin';
export const canReadSessions = (role: Role) => ['admin', 'manager', 'facilitator', 'health_worker', 'supervisor', 'auditor'].includes(role);

export const useScreenings = (personId: string, enabled: boolean) =>
  useQuery({
    queryKey: ['health', 'screenings', personId],
    queryFn: () => api.get<ScreeningList>(`/api/v1/persons/${encodeURIComponent(personId)}/screenings`),
    enabled,
  });

export const useAttendance = (personId: string, enabled: boolean) =>
  useQuery({
    queryKey: ['health', 'attendance', personId],
    queryFn: () => api.get<PersonAttendance>(`/api/v1/persons/${encodeURIComponent(personId)}/attendance`),
    enabled,
  });

export type RecallFilters = { status: 'due' | 'overdue'; village?: string; worker?: 'me' };
export const useRecalls = (filters: RecallFilters) =>
  useInfiniteQuery({
    queryKey: ['health', 'recalls', filters],
    queryFn: ({ pageParam }) => api.get<RecallPage>('/api/v1/health/recalls', { ...filters, cursor: pageParam, limit: 50 }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });

export const useSessions = (filters: { village?: string }) =>
  useInfiniteQuery({
    queryKey: ['health', 'sessions', 'list', filters],
    queryFn: ({ pageParam }) => api.get<SessionPage>('/api/v1/health/sessions', { ...filters, cursor: pageParam, limit: 50 }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });

export const useSession = (id: string) =>
  useQuery({
    queryKey: ['health', 'sessions', 'detail', id],
    queryFn: () => api.get<SessionView>(`/api/v1/health/sessions/${encodeURIComponent(id)}`),
  });

/** Drops every cached health list and detail after a change. */
export function useInvalidateHealth() {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: ['health'] });
}
