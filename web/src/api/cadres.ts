// JKN-KIS cadres: the API's shapes, taken from the server's zod schemas (types only), and
// the queries of the cadre pages and the household's JKN panel.
import { queryOptions, useInfiniteQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  assignFamiliesResultSchema,
  CadreSettings,
  cadreListSchema,
  cadreViewSchema,
  cardViewSchema,
  familyPageSchema,
  trainingListSchema,
  UpdateCadreInput,
} from '../../../src/modules/cadres/cadres.schema.ts';
import type { HouseholdJknView, JKN_CLASSES, JKN_SEGMENTS, PersonJknInput } from '../../../src/modules/cadres/participants.schema.ts';
import { api, request } from './client.ts';

export type { CadreSettings, HouseholdJknView, PersonJknInput, UpdateCadreInput };
export type CadreView = z.infer<typeof cadreViewSchema>;
export type CadreListItem = z.infer<typeof cadreListSchema>['items'][number];
export type TrainingList = z.infer<typeof trainingListSchema>;
export type FamilyPage = z.infer<typeof familyPageSchema>;
export type FamilyView = FamilyPage['items'][number];
export type AssignResult = z.infer<typeof assignFamiliesResultSchema>;
export type CardView = z.infer<typeof cardViewSchema>;
export type JknSegment = (typeof JKN_SEGMENTS)[number];
export type JknClass = (typeof JKN_CLASSES)[number];

export const SEGMENTS: JknSegment[] = ['PBPU', 'PBI', 'PPU'];
export const CLASSES: JknClass[] = ['I', 'II', 'III'];

export const cadresQuery = queryOptions({
  queryKey: ['cadres', 'list'],
  queryFn: () => api.get<z.infer<typeof cadreListSchema>>('/api/v1/cadres'),
  select: (data) => data.items,
});

export const cadreQuery = (id: string) =>
  queryOptions({ queryKey: ['cadres', 'detail', id], queryFn: () => api.get<CadreView>(`/api/v1/cadres/${encodeURIComponent(id)}`) });

export const trainingsQuery = (id: string) =>
  queryOptions({
    queryKey: ['cadres', 'trainings', id],
    queryFn: () => api.get<TrainingList>(`/api/v1/cadres/${encodeURIComponent(id)}/trainings`),
  });

export const cadreSettingsQuery = queryOptions({
  queryKey: ['cadres', 'settings'],
  queryFn: () => api.get<CadreSettings>('/api/v1/cadres/settings'),
});

export function useFamilies(cadreId: string) {
  return useInfiniteQuery({
    queryKey: ['cadres', 'families', cadreId],
    queryFn: ({ pageParam }) =>
      api.get<FamilyPage>(`/api/v1/cadres/${encodeURIComponent(cadreId)}/families`, { cursor: pageParam, limit: 25 }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

/** Changes only the fields given (PATCH): phone, assignment letter, villages. */
export const updateCadre = (cadreId: string, changes: UpdateCadreInput) =>
  api.patch<CadreView>(`/api/v1/cadres/${encodeURIComponent(cadreId)}`, changes);

/** A new card: its version goes up and every earlier card of the cadre stops verifying. */
export const issueNewCard = (cadreId: string) => api.post<CardView>(`/api/v1/cadres/${encodeURIComponent(cadreId)}/card`);

/** The letter has run out: the public verification then shows the card as expired (the same rule: before today). */
export const letterExpired = (cadre: Pick<CadreView, 'validUntil'>, today: string) => cadre.validUntil < today;

export const removeFamily = (cadreId: string, householdId: string) =>
  request<void>('DELETE', `/api/v1/cadres/${encodeURIComponent(cadreId)}/families/${encodeURIComponent(householdId)}`);

export const householdJknQuery = (householdId: string) =>
  queryOptions({
    queryKey: ['households', householdId, 'jkn'],
    queryFn: () => api.get<HouseholdJknView>(`/api/v1/households/${encodeURIComponent(householdId)}/jkn`),
  });

/** After a change: every cadre query, and households' JKN panels (a family's cadre shows there). */
export function useInvalidateCadres() {
  const client = useQueryClient();
  return () => Promise.all([client.invalidateQueries({ queryKey: ['cadres'] }), client.invalidateQueries({ queryKey: ['households'] })]);
}

/** Who manages cadres (register, cards, trainings, families) and who records JKN data. */
export const canManageCadres = (role: string) => role === 'admin' || role === 'manager';
export const canRecordJkn = (role: string) => role === 'admin' || role === 'manager' || role === 'cadre';
export const canReadJkn = (role: string) => ['admin', 'manager', 'supervisor', 'auditor', 'cadre'].includes(role);
