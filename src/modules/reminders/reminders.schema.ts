import { z } from 'zod';
import { LOCALES } from '../../core/locale.ts';
import { calendarDate, cursorParam } from '../../core/schemas.ts';
import { CHANNELS, REMINDER_KINDS, REMINDER_STATUSES } from './reminders.rules.ts';

export const remindersQuerySchema = z.strictObject({
  kind: z.enum(REMINDER_KINDS).optional(),
  status: z.enum(REMINDER_STATUSES).optional(),
  channel: z.enum(CHANNELS).optional(),
  /** Due on or after this day. */
  from: calendarDate.optional(),
  /** Due on or before this day. */
  to: calendarDate.optional(),
  cursor: cursorParam.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type RemindersQuery = z.infer<typeof remindersQuerySchema>;

export const reminderViewSchema = z.object({
  id: z.string(),
  kind: z.enum(REMINDER_KINDS),
  channel: z.enum(CHANNELS),
  status: z.enum(REMINDER_STATUSES),
  recipientKind: z.enum(['person', 'user']),
  recipientId: z.string(),
  recipientName: z.string(),
  address: z.string().nullable(),
  language: z.enum(LOCALES),
  dueOn: z.string(),
  /** The message's subject as the recipient reads it. */
  subject: z.string(),
  attempts: z.number().int(),
  maxAttempts: z.number().int(),
  nextAttemptAt: z.string().nullable(),
  sentAt: z.string().nullable(),
  lastError: z.string().nullable(),
  createdAt: z.string(),
});
export type ReminderView = z.infer<typeof reminderViewSchema>;

export const reminderPageSchema = z.object({
  items: z.array(reminderViewSchema),
  nextCursor: z.string().nullable(),
  counts: z.object({
    waiting: z.number().int(),
    sending: z.number().int(),
    sent: z.number().int(),
    failed: z.number().int(),
    cancelled: z.number().int(),
  }),
});

export const reminderParamsSchema = z.strictObject({ id: z.uuid() });

export const recipientParamsSchema = z.strictObject({ kind: z.enum(['person', 'user']), id: z.uuid() });

export const contactInputSchema = z.strictObject({
  language: z.enum(LOCALES).default('id'),
  /** Digits, optionally with a leading +: 0812… or +62812… */
  phone: z
    .string()
    .trim()
    .regex(/^\+?[0-9]{8,15}$/)
    .nullable()
    .default(null),
  email: z.email().max(200).nullable().default(null),
  optedOut: z.boolean().default(false),
});
export type ContactInput = z.infer<typeof contactInputSchema>;

export const contactViewSchema = z.object({
  recipientKind: z.enum(['person', 'user']),
  recipientId: z.string(),
  language: z.enum(LOCALES),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  optedOut: z.boolean(),
  optedOutAt: z.string().nullable(),
});
export type ContactView = z.infer<typeof contactViewSchema>;

export const runSummarySchema = z.object({
  queued: z.number().int(),
  sent: z.number().int(),
  retrying: z.number().int(),
  failed: z.number().int(),
  cancelled: z.number().int(),
  deferred: z.number().int(),
});
export type RunSummary = z.infer<typeof runSummarySchema>;
