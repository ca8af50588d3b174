import { z } from 'zod';
import { calendarDate, cursorParam } from '../../core/schemas.ts';
import { villageCodeSchema } from '../registry/registry.schema.ts';
import { SESSION_TOPICS } from './sessions.rules.ts';

const sessionFields = {
  topic: z.enum(SESSION_TOPICS),
  /** What "other" was about (required then); a note on any other topic. */
  topicNote: z.string().trim().max(200).default(''),
  heldOn: calendarDate,
  place: z.string().trim().min(1).max(200),
  villageCode: villageCodeSchema,
  groupId: z.uuid().optional(),
  personIds: z.array(z.uuid()).max(500).default([]),
};
const noteForOther = (input: { topic: string; topicNote: string }) => input.topic !== 'other' || input.topicNote !== '';
const noteIssue = { path: ['topicNote'], params: { code: 'health.session_topic_note_required' } };

/** The body of `POST /health/sessions` (the server picks the id). */
export const sessionInputSchema = z.strictObject(sessionFields).refine(noteForOther, noteIssue);
export type SessionInput = z.infer<typeof sessionInputSchema>;

/**
 * The `session_attendance` sync op and `recordSessionAttendance`: creates the session with this id
 * when new, then adds the attendance (a person already there is a no-op).
 */
export const sessionAttendanceInputSchema = z.strictObject({ sessionId: z.uuid(), ...sessionFields }).refine(noteForOther, noteIssue);
export type SessionAttendanceInput = z.infer<typeof sessionAttendanceInputSchema>;

/** `PUT /health/sessions/{id}/attendance`: who attended, replacing the list. */
export const attendanceInputSchema = z.strictObject({ personIds: z.array(z.uuid()).max(500) });

export const sessionSummarySchema = z.object({
  id: z.string(),
  topic: z.enum(SESSION_TOPICS),
  topicNote: z.string(),
  heldOn: z.string(),
  place: z.string(),
  villageCode: z.string(),
  groupId: z.string().nullable(),
  worker: z.object({ id: z.string(), fullName: z.string() }),
  attendeeCount: z.number(),
});
export const sessionViewSchema = sessionSummarySchema.extend({
  groupName: z.string().nullable(),
  /** Members of the group on the day (the sessions held for them count in their attendance rate). */
  invitedCount: z.number(),
  attendees: z.array(z.object({ personId: z.string(), fullName: z.string(), villageCode: z.string() })),
});
export type SessionView = z.infer<typeof sessionViewSchema>;

export const sessionListSchema = z.object({ items: z.array(sessionSummarySchema), nextCursor: z.string().nullable() });
export const sessionsQuerySchema = z.strictObject({
  village: villageCodeSchema.optional(),
  groupId: z.uuid().optional(),
  cursor: cursorParam.optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});
export type SessionsQuery = z.infer<typeof sessionsQuerySchema>;

export const personAttendanceSchema = z.object({
  personId: z.string(),
  attended: z.number(),
  /** Sessions held for a group she or he belonged to on the day, plus open sessions attended. */
  held: z.number(),
  /** attended ÷ held with three decimals ("0.667"); null when none was held. */
  rate: z.string().nullable(),
  sessions: z.array(
    z.object({ id: z.string(), topic: z.enum(SESSION_TOPICS), heldOn: z.string(), place: z.string(), attended: z.boolean() }),
  ),
});
export type PersonAttendance = z.infer<typeof personAttendanceSchema>;
