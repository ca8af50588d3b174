import { type AnyRoute, defineRoute } from '../../http/route.ts';
import { CONTACT_ROUTE_ROLES, REMINDER_READERS } from './reminders.roles.ts';
import {
  contactInputSchema,
  contactViewSchema,
  recipientParamsSchema,
  reminderPageSchema,
  reminderParamsSchema,
  remindersQuerySchema,
  reminderViewSchema,
} from './reminders.schema.ts';
import { getContact, listReminders, retryReminder, setContact, setOptOut } from './reminders.service.ts';

const tag = 'reminders' as const;

export const reminderRoutes: AnyRoute[] = [
  defineRoute({
    method: 'GET',
    url: '/api/v1/reminders',
    tag,
    summary: 'Reminders of your regions, newest first (sent, failed, waiting), by kind, status and channel, with counts per status',
    auth: REMINDER_READERS,
    query: remindersQuerySchema,
    response: reminderPageSchema,
    handler: (ctx, { query }) => listReminders(ctx, query),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/v1/reminders/:id/retry',
    tag,
    summary: 'Send a failed reminder once more at the next run (same id, one more attempt; audited)',
    auth: REMINDER_READERS,
    params: reminderParamsSchema,
    response: reminderViewSchema,
    handler: (ctx, { params }) => retryReminder(ctx, params.id),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/v1/reminders/contacts/:kind/:id',
    tag,
    summary: 'How a person (member) or user is reached by reminders: language, phone, e-mail, and whether they opted out',
    auth: CONTACT_ROUTE_ROLES,
    params: recipientParamsSchema,
    response: contactViewSchema,
    handler: (ctx, { params }) => getContact(ctx, params),
  }),
  defineRoute({
    method: 'PUT',
    url: '/api/v1/reminders/contacts/:kind/:id',
    tag,
    summary: "Set a person's or user's reminder language, phone, e-mail and opt-out (audited)",
    auth: CONTACT_ROUTE_ROLES,
    params: recipientParamsSchema,
    body: contactInputSchema,
    response: contactViewSchema,
    handler: (ctx, { params, body }) => setContact(ctx, params, body),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/v1/reminders/contacts/:kind/:id/opt-out',
    tag,
    summary: 'The person or user takes no more reminders, on any channel; waiting ones are cancelled when their turn comes (audited)',
    auth: CONTACT_ROUTE_ROLES,
    params: recipientParamsSchema,
    response: contactViewSchema,
    handler: (ctx, { params }) => setOptOut(ctx, params, true),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/v1/reminders/contacts/:kind/:id/opt-in',
    tag,
    summary: 'The person or user takes reminders again (audited)',
    auth: CONTACT_ROUTE_ROLES,
    params: recipientParamsSchema,
    response: contactViewSchema,
    handler: (ctx, { params }) => setOptOut(ctx, params, false),
  }),
];
