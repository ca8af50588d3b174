import { z } from 'zod';
import { EXPORT_TYPES } from '../../export/table-export.ts';
import { defineRoute } from '../../http/route.ts';
import {
  addMemberInputSchema,
  assetInputSchema,
  assetViewSchema,
  createGroupInputSchema,
  groupIdParamsSchema,
  groupListSchema,
  groupMemberParamsSchema,
  groupsQuerySchema,
  groupViewSchema,
  leaveInputSchema,
  meetingInputSchema,
  meetingParamsSchema,
  meetingViewSchema,
  officersInputSchema,
} from './groups.schema.ts';
import {
  addGroupMember,
  appointOfficers,
  exportGroups,
  formGroup,
  getGroup,
  listAssets,
  listGroups,
  listKinds,
  listMeetings,
  meetingMinutesPdf,
  recordMeeting,
  registerAsset,
  removeGroupMember,
} from './groups.service.ts';

const READERS = ['admin', 'manager', 'cashier', 'facilitator', 'cadre', 'health_worker', 'supervisor', 'auditor'] as const;
const MANAGERS = ['admin', 'manager', 'facilitator'] as const;

const exportRoutes = (['csv', 'xlsx'] as const).map((format) =>
  defineRoute({
    method: 'GET',
    url: `/api/v1/groups/export.${format}`,
    tag: 'groups',
    summary: `Groups in your scope, one row each (${format.toUpperCase()})`,
    auth: READERS,
    query: z.strictObject({ village: z.string().max(20).optional() }),
    response: z.string(),
    handler: async (ctx, { query }, { reply }) => {
      reply.type(EXPORT_TYPES[format]).header('content-disposition', `attachment; filename="kelompok.${format}"`);
      return exportGroups(ctx, format, query.village) as unknown as string;
    },
  }),
);

export const groupRoutes = [
  ...exportRoutes,
  defineRoute({
    method: 'GET',
    url: '/api/v1/groups/kinds',
    tag: 'groups',
    summary: 'Group kinds with what their size limits count and the limits',
    auth: READERS,
    response: z.object({
      items: z.array(
        z.object({
          code: z.string(),
          name: z.string(),
          counts: z.enum(['households', 'members']),
          minSize: z.number().nullable(),
          maxSize: z.number().nullable(),
        }),
      ),
    }),
    handler: (ctx) => listKinds(ctx),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/v1/groups',
    tag: 'groups',
    summary: 'Form a business group (KUBE, USEP KM, JKM member group) in villages of your offices',
    auth: MANAGERS,
    body: createGroupInputSchema,
    response: groupViewSchema,
    successStatus: 201,
    handler: (ctx, { body }) => formGroup(ctx, body),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/v1/groups',
    tag: 'groups',
    summary: 'Groups in your scope',
    auth: READERS,
    query: groupsQuerySchema,
    response: groupListSchema,
    handler: (ctx, { query }) => listGroups(ctx, query),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/v1/groups/:id',
    tag: 'groups',
    summary: 'One group with members, officers and size against its kind’s limits',
    auth: READERS,
    params: groupIdParamsSchema,
    response: groupViewSchema,
    handler: (ctx, { params }) => getGroup(ctx, params.id),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/v1/groups/:id/members',
    tag: 'groups',
    summary: 'Add a member; 409 over the kind’s size limit or when the person is in another group of the kind',
    auth: MANAGERS,
    params: groupIdParamsSchema,
    body: addMemberInputSchema,
    response: groupViewSchema,
    successStatus: 201,
    handler: (ctx, { params, body }) => addGroupMember(ctx, params.id, body),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/v1/groups/:id/members/:personId/leave',
    tag: 'groups',
    summary: 'A member leaves the group (kept in its history)',
    auth: MANAGERS,
    params: groupMemberParamsSchema,
    body: leaveInputSchema,
    response: groupViewSchema,
    handler: (ctx, { params, body }) => removeGroupMember(ctx, params.id, params.personId, body.leftOn),
  }),
  defineRoute({
    method: 'PUT',
    url: '/api/v1/groups/:id/officers',
    tag: 'groups',
    summary: 'Appoint officers (ketua, sekretaris, bendahara) from the members; null removes',
    auth: MANAGERS,
    params: groupIdParamsSchema,
    body: officersInputSchema,
    response: groupViewSchema,
    handler: (ctx, { params, body }) => appointOfficers(ctx, params.id, body),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/v1/groups/:id/meetings',
    tag: 'groups',
    summary: 'Record a deliberation meeting (musyawarah): agenda, decisions, minutes, attendance',
    auth: MANAGERS,
    params: groupIdParamsSchema,
    body: meetingInputSchema,
    response: meetingViewSchema,
    successStatus: 201,
    handler: (ctx, { params, body }) => recordMeeting(ctx, params.id, body),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/v1/groups/:id/meetings',
    tag: 'groups',
    summary: 'The group’s meetings, newest first',
    auth: READERS,
    params: groupIdParamsSchema,
    response: z.object({ items: z.array(meetingViewSchema) }),
    handler: (ctx, { params }) => listMeetings(ctx, params.id),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/v1/groups/:id/assets',
    tag: 'groups',
    summary: 'Register a productive asset received in kind (item, value in rupiah, date, source programme)',
    auth: MANAGERS,
    params: groupIdParamsSchema,
    body: assetInputSchema,
    response: assetViewSchema,
    successStatus: 201,
    handler: (ctx, { params, body }) => registerAsset(ctx, params.id, body),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/v1/groups/:id/assets',
    tag: 'groups',
    summary: 'The group’s productive assets',
    auth: READERS,
    params: groupIdParamsSchema,
    response: z.object({ items: z.array(assetViewSchema) }),
    handler: (ctx, { params }) => listAssets(ctx, params.id),
  }),

  defineRoute({
    method: 'GET',
    url: '/api/v1/groups/:id/meetings/:meetingId/berita-acara.pdf',
    tag: 'groups',
    summary: 'The meeting’s minutes as a printable berita acara (PDF)',
    auth: READERS,
    params: meetingParamsSchema,
    response: z.string(),
    handler: async (ctx, { params }, { reply }) => {
      const pdf = await meetingMinutesPdf(ctx, params.id, params.meetingId);
      reply.type('application/pdf').header('content-disposition', `inline; filename="berita-acara-${params.meetingId}.pdf"`);
      return pdf as unknown as string;
    },
  }),
];
