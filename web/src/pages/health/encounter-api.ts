// The health worker's encounters, referrals and illness episodes (types from the server's zod schemas).
import { queryOptions, useInfiniteQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  encounterInputSchema,
  encounterPageSchema,
  encounterViewSchema,
  icd10ListSchema,
  referralViewSchema,
} from '../../../../src/modules/health/encounters.schema.ts';
import type { illnessListSchema, illnessStatusSchema, illnessViewSchema } from '../../../../src/modules/health/illness.schema.ts';
import { api } from '../../api/client.ts';

export type EncounterInput = z.input<typeof encounterInputSchema>;
export type EncounterView = z.infer<typeof encounterViewSchema>;
export type EncounterPage = z.infer<typeof encounterPageSchema>;
export type ReferralView = z.infer<typeof referralViewSchema>;
export type Icd10Item = z.infer<typeof icd10ListSchema>['items'][number];
export type IllnessView = z.infer<typeof illnessViewSchema>;
export type IllnessList = z.infer<typeof illnessListSchema>;
export type IllnessStatus = z.infer<typeof illnessStatusSchema>;

/** Who sees clinical details (health workers and the admin) and who writes them (health workers): as in health.roles.ts. */
export const canReadClinical = (role: string) => role === 'health_worker' || role === 'admin';
export const canWriteClinical = (role: string) => role === 'health_worker';
/** Illness (no diagnosis in it): recorded by health workers, facilitators and the admin. */
export const canRecordIllness = (role: string) => ['health_worker', 'facilitator', 'admin'].includes(role);
/** Roles that see, beside the financing, only whether a member cannot work now. */
export const canSeeIllnessStatus = (role: string) =>
  ['admin', 'manager', 'cashier', 'facilitator', 'health_worker', 'supervisor', 'auditor'].includes(role);

const base = (personId: string) => `/api/v1/persons/${encodeURIComponent(personId)}`;

export function useEncounters(personId: string) {
  return useInfiniteQuery({
    queryKey: ['health', 'encounters', personId],
    queryFn: ({ pageParam }) => api.get<EncounterPage>(`${base(personId)}/encounters`, { cursor: pageParam, limit: 10 }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

export const icd10Query = (q: string) =>
  queryOptions({
    queryKey: ['health', 'icd10', q],
    queryFn: () => api.get<{ items: Icd10Item[] }>('/api/v1/health/icd10', { q }),
    staleTime: Number.POSITIVE_INFINITY,
  });

export const illnessesQuery = (personId: string) =>
  queryOptions({ queryKey: ['health', 'illnesses', personId], queryFn: () => api.get<IllnessList>(`${base(personId)}/illnesses`) });

export const illnessStatusQuery = (personId: string) =>
  queryOptions({
    queryKey: ['health', 'illness-status', personId],
    queryFn: () => api.get<IllnessStatus>(`${base(personId)}/illness-status`),
  });

export const encountersPath = (personId: string) => `${base(personId)}/encounters`;
export const illnessesPath = (personId: string) => `${base(personId)}/illnesses`;
export const referralLetterUrl = (referralId: string) => `/api/v1/referrals/${encodeURIComponent(referralId)}/letter.pdf`;

export const saveReferralOutcome = (referralId: string, body: { outcome: string; outcomeOn: string }) =>
  api.put<ReferralView>(`/api/v1/referrals/${encodeURIComponent(referralId)}/outcome`, body);
export const correctIllness = (id: string, body: { fromOn: string; toOn: string | null; daysUnable?: number | null }) =>
  api.put<IllnessView>(`/api/v1/illnesses/${encodeURIComponent(id)}`, body);

export function useInvalidateHealth(personId: string) {
  const client = useQueryClient();
  return () =>
    Promise.all([
      client.invalidateQueries({ queryKey: ['health', 'encounters', personId] }),
      client.invalidateQueries({ queryKey: ['health', 'illnesses', personId] }),
      client.invalidateQueries({ queryKey: ['health', 'illness-status', personId] }),
    ]);
}
