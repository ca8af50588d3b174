// The health profile of a person and a family, and the Keluarga Sehat index (types from the server's zod schemas).
import { queryOptions, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { iksAggregateViewSchema, iksViewSchema } from '../../../src/modules/health/iks.schema.ts';
import type {
  HouseholdHealthInput,
  householdHealthViewSchema,
  ProfileInput,
  profileViewSchema,
} from '../../../src/modules/health/profile.schema.ts';
import { api } from './client.ts';

export type ProfileView = z.infer<typeof profileViewSchema>;
export type HouseholdHealthView = z.infer<typeof householdHealthViewSchema>;
export type IksView = z.infer<typeof iksViewSchema>;
export type IksAggregateView = z.infer<typeof iksAggregateViewSchema>;
export type { HouseholdHealthInput, ProfileInput };

// The role sets of src/modules/health/health.roles.ts (the web app may not import server code).
/** Health workers and the admin read clinical records (each read audited). */
export const canReadClinical = (role: string) => role === 'health_worker' || role === 'admin';
/** Only health workers record them. */
export const canRecordClinical = (role: string) => role === 'health_worker';

export const personHealthQuery = (personId: string) =>
  queryOptions({
    queryKey: ['persons', personId, 'health'],
    queryFn: () => api.get<ProfileView>(`/api/v1/persons/${encodeURIComponent(personId)}/health`),
    retry: false,
  });
export const householdHealthQuery = (householdId: string) =>
  queryOptions({
    queryKey: ['households', householdId, 'health'],
    queryFn: () => api.get<HouseholdHealthView>(`/api/v1/households/${encodeURIComponent(householdId)}/health`),
    retry: false,
  });
export const householdIksQuery = (householdId: string) =>
  queryOptions({
    queryKey: ['households', householdId, 'iks'],
    queryFn: () => api.get<IksView>(`/api/v1/households/${encodeURIComponent(householdId)}/iks`),
    retry: false,
  });
export const iksAggregateQuery = (query: { by: 'village' | 'office'; from?: string; to?: string }) =>
  queryOptions({
    queryKey: ['health', 'iks', query],
    queryFn: () => api.get<IksAggregateView>('/api/v1/health/iks', query),
  });

export const savePersonHealth = (personId: string, body: ProfileInput) =>
  api.put<ProfileView>(`/api/v1/persons/${encodeURIComponent(personId)}/health`, body);
export const saveHouseholdHealth = (householdId: string, body: HouseholdHealthInput) =>
  api.put<HouseholdHealthView>(`/api/v1/households/${encodeURIComponent(householdId)}/health`, body);
export const recomputeVillage = (village: string) =>
  api.post<{ village: string; families: number }>(`/api/v1/health/iks/recompute?village=${encodeURIComponent(village)}`);

export function useInvalidateHealth() {
  const client = useQueryClient();
  return (keys: 'persons' | 'households' | 'health', id?: string) => client.invalidateQueries({ queryKey: id ? [keys, id] : [keys] });
}
