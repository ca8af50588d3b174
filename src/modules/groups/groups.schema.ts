import { z } from 'zod';
import { attendanceList, calendarDate, cursorParam, rupiah } from '../../core/schemas.ts';
import { villageCodeSchema as villageCode } from '../registry/registry.schema.ts';

export const OFFICER_ROLES = ['ketua', 'sekretaris', 'bendahara'] as const;

export const createGroupInputSchema = z.strictObject({
  kind: z.string().trim().min(1).max(30),
  name: z.string().trim().min(1).max(120),
  officeCode: z.string().trim().toUpperCase().min(2).max(20),
  villageCodes: z.array(villageCode).min(1).max(20),
  facilitatorUsername: z.string().trim().toLowerCase().max(40).optional(),
  accountNumber: z.string().trim().max(40).optional(),
  formedOn: calendarDate,
});
export type CreateGroupInput = z.infer<typeof createGroupInputSchema>;

export const addMemberInputSchema = z.strictObject({ personId: z.uuid(), joinedOn: calendarDate });
export const leaveInputSchema = z.strictObject({ leftOn: calendarDate });
export const officersInputSchema = z.strictObject({
  ketua: z.uuid().nullable().optional(),
  sekretaris: z.uuid().nullable().optional(),
  bendahara: z.uuid().nullable().optional(),
});
export const meetingInputSchema = z.strictObject({
  heldOn: calendarDate,
  place: z.string().trim().max(200).default(''),
  agenda: z.string().trim().min(1).max(2000),
  decisions: z.string().trim().max(5000).default(''),
  minutes: z.string().trim().max(20_000).default(''),
  attendance: attendanceList(z.strictObject({ personId: z.uuid(), present: z.boolean() })),
});
export type MeetingInput = z.infer<typeof meetingInputSchema>;
export const assetInputSchema = z.strictObject({
  item: z.string().trim().min(1).max(200),
  valueRupiah: rupiah,
  receivedOn: calendarDate,
  sourceProgramme: z.string().trim().min(1).max(120),
});

export const groupMemberViewSchema = z.object({
  personId: z.string(),
  fullName: z.string(),
  householdId: z.string(),
  joinedOn: z.string(),
  leftOn: z.string().nullable(),
});
export const groupViewSchema = z.object({
  id: z.string(),
  kind: z.object({
    code: z.string(),
    name: z.string(),
    counts: z.enum(['households', 'members']),
    minSize: z.number().nullable(),
    maxSize: z.number().nullable(),
  }),
  name: z.string(),
  officeId: z.string(),
  villageCodes: z.array(z.string()),
  facilitator: z.object({ id: z.string(), username: z.string(), fullName: z.string() }).nullable(),
  accountNumber: z.string().nullable(),
  formedOn: z.string(),
  size: z.object({ members: z.number(), households: z.number() }),
  members: z.array(groupMemberViewSchema),
  officers: z.array(z.object({ role: z.enum(OFFICER_ROLES), personId: z.string(), fullName: z.string() })),
  assetsTotalRupiah: z.string(),
});
export type GroupView = z.infer<typeof groupViewSchema>;
export const groupListSchema = z.object({
  items: z.array(groupViewSchema.pick({ id: true, name: true, kind: true, villageCodes: true, formedOn: true, size: true })),
  nextCursor: z.string().nullable(),
});
export const groupsQuerySchema = z.strictObject({
  kind: z.string().max(30).optional(),
  village: villageCode.optional(),
  cursor: cursorParam.optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});
export const meetingViewSchema = z.object({
  id: z.string(),
  heldOn: z.string(),
  place: z.string(),
  agenda: z.string(),
  decisions: z.string(),
  minutes: z.string(),
  attendance: z.array(z.object({ personId: z.string(), fullName: z.string(), present: z.boolean() })),
});
export const assetViewSchema = z.object({
  id: z.string(),
  item: z.string(),
  valueRupiah: z.string(),
  receivedOn: z.string(),
  sourceProgramme: z.string(),
});
export const facilitatorsQuerySchema = z.strictObject({
  office: z.string().trim().toUpperCase().min(2).max(20).optional().describe('Only facilitators of this office (its code)'),
});
export const facilitatorListSchema = z.object({
  items: z.array(
    z.object({
      username: z.string(),
      displayName: z.string(),
      officeCodes: z.array(z.string()).describe('The facilitator’s offices that lie in the caller’s scope'),
    }),
  ),
});
export type FacilitatorItem = z.infer<typeof facilitatorListSchema>['items'][number];
export const groupIdParamsSchema = z.strictObject({ id: z.uuid() });
export const groupMemberParamsSchema = z.strictObject({ id: z.uuid(), personId: z.uuid() });
export const meetingParamsSchema = z.strictObject({ id: z.uuid(), meetingId: z.uuid() });

/** A person's groups, current first: through their own membership or their household's (KUBE counts households). */
export const personGroupsSchema = z.object({
  items: z.array(
    z.object({
      groupId: z.string(),
      name: z.string(),
      kind: z.string(),
      kindName: z.string(),
      through: z.enum(['self', 'household']),
      joinedOn: z.string(),
      leftOn: z.string().nullable(),
      officerRole: z.enum(OFFICER_ROLES).nullable(),
    }),
  ),
});
