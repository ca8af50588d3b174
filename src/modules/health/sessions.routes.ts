import { z } from 'zod';
import { defineRoute } from '../../http/route.ts';
import { SESSION_READERS, SESSION_WRITERS } from './health.roles.ts';
import {
  attendanceInputSchema,
  personAttendanceSchema,
  sessionInputSchema,
  sessionListSchema,
  sessionsQuerySchema,
  sessionViewSchema,
} from './sessions.schema.ts';
import { getSession, listSessions, personAttendance, recordSession, setSessionAttendance } from './sessions.service.ts';

const idParams = z.strictObject({ id: z.uuid() });

export const sessionsRoutes = [
  defineRoute({
    method: 'POST',
    url: '/api/v1/health/sessions',
    tag: 'health',
    summary: 'Record a counselling session (penyuluhan): topic, day, place, village, group or open, and who attended',
    auth: SESSION_WRITERS,
    body: sessionInputSchema,
    response: sessionViewSchema,
    successStatus: 201,
    idempotency: 'optional',
    handler: (ctx, { body, idempotencyKey }) => recordSession(ctx, body, idempotencyKey),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/v1/health/sessions',
    tag: 'health',
    summary: 'Counselling sessions in your regions, newest first',
    auth: SESSION_READERS,
    query: sessionsQuerySchema,
    response: sessionListSchema,
    handler: (ctx, { query }) => listSessions(ctx, query),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/v1/health/sessions/:id',
    tag: 'health',
    summary: 'One counselling session with its attendees by name',
    auth: SESSION_READERS,
    params: idParams,
    response: sessionViewSchema,
    handler: (ctx, { params }) => getSession(ctx, params.id),
  }),
  defineRoute({
    method: 'PUT',
    url: '/api/v1/health/sessions/:id/attendance',
    tag: 'health',
    summary: 'Who attended a counselling session (replaces the list): the group’s members or anyone in your regions',
    auth: SESSION_WRITERS,
    params: idParams,
    body: attendanceInputSchema,
    response: sessionViewSchema,
    handler: (ctx, { params, body }) => setSessionAttendance(ctx, params.id, body.personIds),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/v1/persons/:id/attendance',
    tag: 'health',
    summary: 'A person’s counselling attendance: sessions attended ÷ sessions held for the groups she or he belonged to on the day',
    auth: SESSION_READERS,
    params: idParams,
    response: personAttendanceSchema,
    handler: (ctx, { params }) => personAttendance(ctx, params.id),
  }),
];
