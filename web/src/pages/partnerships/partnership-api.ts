// The partnerships API for the partnership screens (types from the server's zod schemas).
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  AgreementView,
  agreementListSchema,
  boardSchema,
  MonitoringView,
  PartnershipView,
  PartnerView,
  partnerListSchema,
} from '../../../../src/modules/partnerships/partnership.schema.ts';
import { api } from '../../api/client.ts';
import type { Role } from '../../api/types.ts';

export type { AgreementView, MonitoringView, PartnershipView, PartnerView };
export type Board = z.infer<typeof boardSchema>;
export type PartnerList = z.infer<typeof partnerListSchema>;
export type AgreementList = z.infer<typeof agreementListSchema>;
export {
  ACTIVITY_KINDS,
  CHANNELS,
  PARTNER_KINDS,
  PILLARS,
  RESOURCE_KINDS,
  STEPS,
  type Step,
  WIDER_ELEMENTS,
} from '../../../../src/modules/partnerships/partnership.rules.ts';

// The server decides again on every request (partnerships.roles.ts PARTNERSHIP_MANAGERS); this only hides what would be refused.
export const canManagePartnerships = (role: Role) => role === 'admin' || role === 'manager';

export const useBoard = () =>
  useQuery({ queryKey: ['partnerships', 'board'], queryFn: () => api.get<Board>('/api/v1/partnerships/board') });
export const usePartners = () =>
  useQuery({ queryKey: ['partnerships', 'partners'], queryFn: () => api.get<PartnerList>('/api/v1/partners') });
export const usePartnership = (id: string) =>
  useQuery({
    queryKey: ['partnerships', 'detail', id],
    queryFn: () => api.get<PartnershipView>(`/api/v1/partnerships/${encodeURIComponent(id)}`),
  });
export const useExpiring = () =>
  useQuery({ queryKey: ['partnerships', 'expiring'], queryFn: () => api.get<AgreementList>('/api/v1/partnerships/agreements/expiring') });
export const useMonitoring = (partnershipId: string | null) =>
  useQuery({
    queryKey: ['partnerships', 'monitoring', partnershipId],
    queryFn: () => api.get<MonitoringView>('/api/v1/partnerships/monitoring', partnershipId ? { partnershipId } : {}),
  });

/** Drops every cached partnership list and detail after a change. */
export function useInvalidatePartnerships() {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: ['partnerships'] });
}
