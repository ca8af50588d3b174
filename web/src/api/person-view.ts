// One view of a person and a family (issue 15 §2): the person's groups, the family's cadre
// visits, the timeline with what is owed, the family overview with each member's flags, and the
// reminders outbox and a person's opt-out (§6). Types come from the server's zod schemas.
import { queryOptions, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { householdVisitListSchema } from '../../../src/modules/contributions/contributions.schema.ts';
import type { personGroupsSchema } from '../../../src/modules/groups/groups.schema.ts';
import type { Channel, ReminderKind, ReminderStatus } from '../../../src/modules/reminders/reminders.rules.ts';
import type { ContactView, ReminderView, reminderPageSchema } from '../../../src/modules/reminders/reminders.schema.ts';
import type { HouseholdOverview, TimelineEvent, TimelineView } from '../../../src/modules/timeline/timeline.schema.ts';
import { api } from './client.ts';

export type { ContactView, HouseholdOverview, ReminderKind, ReminderStatus, ReminderView, TimelineEvent, TimelineView };
export type ReminderChannel = Channel;
export type PersonGroups = z.infer<typeof personGroupsSchema>;
export type HouseholdVisits = z.infer<typeof householdVisitListSchema>;
export type ReminderPage = z.infer<typeof reminderPageSchema>;

const has = (roles: string[]) => (role: string) => roles.includes(role);
/** Roles reading a family's cadre visits (the contributions module's readers). */
export const canReadVisits = has(['admin', 'manager', 'cadre', 'supervisor', 'auditor']);
/** Roles keeping a member's reminder contact and opt-out (src/modules/reminders/reminders.roles.ts). */
export const canKeepContact = has(['admin', 'manager', 'cashier', 'facilitator', 'cadre']);
/** The outbox screen: admin and manager. */
export const canReadReminders = has(['admin', 'manager']);
/** Every staff role reads the timeline (each part for the roles reading it). */
export const canReadTimeline = (role: string) => role !== 'official';

const path = (kind: 'persons' | 'households', id: string, rest: string) => `/api/v1/${kind}/${encodeURIComponent(id)}/${rest}`;

export const personGroupsQuery = (personId: string) =>
  queryOptions({ queryKey: ['persons', personId, 'groups'], queryFn: () => api.get<PersonGroups>(path('persons', personId, 'groups')) });

export const householdVisitsQuery = (householdId: string) =>
  queryOptions({
    queryKey: ['households', householdId, 'visits'],
    queryFn: () => api.get<HouseholdVisits>(path('households', householdId, 'visits'), { limit: 10 }),
  });

export const timelineQuery = (personId: string) =>
  queryOptions({
    queryKey: ['persons', personId, 'timeline'],
    queryFn: () => api.get<TimelineView>(path('persons', personId, 'timeline')),
  });

export const householdOverviewQuery = (householdId: string) =>
  queryOptions({
    queryKey: ['households', householdId, 'overview'],
    queryFn: () => api.get<HouseholdOverview>(path('households', householdId, 'overview')),
  });

export const contactQuery = (personId: string) =>
  queryOptions({
    queryKey: ['reminders', 'contact', personId],
    queryFn: () => api.get<ContactView>(`/api/v1/reminders/contacts/person/${encodeURIComponent(personId)}`),
  });

export const setPersonOptOut = (personId: string, optedOut: boolean) =>
  api.post<ContactView>(`/api/v1/reminders/contacts/person/${encodeURIComponent(personId)}/${optedOut ? 'opt-out' : 'opt-in'}`);

export type ReminderFilters = { status?: ReminderStatus; kind?: ReminderKind; channel?: ReminderChannel; from?: string; to?: string };

export const retryReminder = (id: string) => api.post<ReminderView>(`/api/v1/reminders/${encodeURIComponent(id)}/retry`);

export function useInvalidateReminders() {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: ['reminders'] });
}
