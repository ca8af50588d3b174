// Registry (households, persons, businesses, import, duplicates) and business groups: the
// API's shapes, taken from the server's zod schemas (types only), and their queries.
import { queryOptions, useInfiniteQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  assetViewSchema,
  GroupView,
  groupListSchema,
  meetingViewSchema,
  OFFICER_ROLES,
} from '../../../src/modules/groups/groups.schema.ts';
import type {
  BusinessView,
  HouseholdView,
  importResultSchema,
  NikDecoded,
  PersonView,
  RELATIONS,
  SECTORS,
} from '../../../src/modules/registry/registry.schema.ts';
import { api } from './client.ts';

export type { BusinessView, GroupView, HouseholdView, NikDecoded, PersonView };
export type Relation = (typeof RELATIONS)[number];
export type Sector = (typeof SECTORS)[number];
export type OfficerRole = (typeof OFFICER_ROLES)[number];
export type PersonDetail = PersonView & { household: HouseholdView };
export type ImportResult = z.infer<typeof importResultSchema>;
export type DuplicateReason =
  | 'same_name_birth_date_village'
  | 'similar_name_birth_date_village'
  | 'same_person_two_households'
  | 'shared_account';
export type DuplicatePair = { a: PersonDetail; b: PersonDetail; reason: DuplicateReason; reasons: DuplicateReason[]; score: number };
export type GroupListItem = z.infer<typeof groupListSchema>['items'][number];
export type GroupPage = z.infer<typeof groupListSchema>;
export type Meeting = z.infer<typeof meetingViewSchema>;
export type Asset = z.infer<typeof assetViewSchema>;
export type PersonPage = { items: PersonView[]; nextCursor: string | null };

/** The kinds of business group (rows of the server's group_kind table). */
export const GROUP_KINDS = ['kube', 'usep_km', 'jkm'] as const;

export type PersonFilters = { q?: string; village?: string };

export function usePersons(filters: PersonFilters, limit = 25) {
  return useInfiniteQuery({
    queryKey: ['persons', 'list', filters, limit],
    queryFn: ({ pageParam }) => api.get<PersonPage>('/api/v1/persons', { ...filters, cursor: pageParam, limit }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

export const personQuery = (id: string) =>
  queryOptions({
    queryKey: ['persons', 'detail', id],
    queryFn: () => api.get<PersonDetail>(`/api/v1/persons/${encodeURIComponent(id)}`),
  });

export const householdQuery = (id: string) =>
  queryOptions({
    queryKey: ['households', id],
    queryFn: () => api.get<HouseholdView>(`/api/v1/households/${encodeURIComponent(id)}`),
  });

export const businessesQuery = (personId: string) =>
  queryOptions({
    queryKey: ['persons', 'businesses', personId],
    queryFn: () => api.get<{ items: BusinessView[] }>(`/api/v1/persons/${encodeURIComponent(personId)}/businesses`),
    select: (data) => data.items,
  });

/** What the server knows of a NIK: region names and warnings (the digits are checked locally first). */
export const nikQuery = (nik: string | null) =>
  queryOptions({
    queryKey: ['nik', nik],
    queryFn: () => api.get<NikDecoded>(`/api/v1/nik/${encodeURIComponent(nik ?? '')}`),
    enabled: Boolean(nik),
    staleTime: Number.POSITIVE_INFINITY,
    retry: false,
  });

export type GroupFilters = { kind?: string; village?: string };

export function useGroups(filters: GroupFilters) {
  return useInfiniteQuery({
    queryKey: ['groups', 'list', filters],
    queryFn: ({ pageParam }) => api.get<GroupPage>('/api/v1/groups', { ...filters, cursor: pageParam, limit: 50 }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

export const groupQuery = (id: string) =>
  queryOptions({
    queryKey: ['groups', 'detail', id],
    queryFn: () => api.get<GroupView>(`/api/v1/groups/${encodeURIComponent(id)}`),
  });

export const meetingsQuery = (groupId: string) =>
  queryOptions({
    queryKey: ['groups', 'meetings', groupId],
    queryFn: () => api.get<{ items: Meeting[] }>(`/api/v1/groups/${encodeURIComponent(groupId)}/meetings`),
    select: (data) => data.items,
  });

export const assetsQuery = (groupId: string) =>
  queryOptions({
    queryKey: ['groups', 'assets', groupId],
    queryFn: () => api.get<{ items: Asset[] }>(`/api/v1/groups/${encodeURIComponent(groupId)}/assets`),
    select: (data) => data.items,
  });

export const duplicatesQuery = (village: string | null) =>
  queryOptions({
    queryKey: ['duplicates', village],
    queryFn: () => api.get<{ items: DuplicatePair[] }>('/api/v1/registry/duplicates', { village, limit: 50 }),
    select: (data) => data.items,
  });

/** After any registry change: persons, households and the groups that show their names. */
export function useInvalidateRegistry() {
  const queryClient = useQueryClient();
  return () =>
    Promise.all(['persons', 'households', 'groups', 'duplicates'].map((key) => queryClient.invalidateQueries({ queryKey: [key] }))).then(
      () => undefined,
    );
}

export const exportUrl = (format: 'csv' | 'xlsx', village: string | null) =>
  `/api/v1/persons/export.${format}${village ? `?village=${encodeURIComponent(village)}` : ''}`;

export const beritaAcaraUrl = (groupId: string, meetingId: string) =>
  `/api/v1/groups/${encodeURIComponent(groupId)}/meetings/${encodeURIComponent(meetingId)}/berita-acara.pdf`;
