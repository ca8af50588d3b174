import { z } from 'zod';
import { attendanceList, calendarDate, rupiah } from '../../core/schemas.ts';
import { villageCodeSchema } from '../registry/registry.schema.ts';

const month = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])$/)
  .describe('YYYY-MM');
export const monthParamsSchema = z.strictObject({ id: z.uuid(), month });
export const monthFiguresSchema = z.strictObject({ capitalRupiah: rupiah, revenueRupiah: rupiah, costsRupiah: rupiah });
const monthView = z.object({
  month: z.string(),
  capitalRupiah: z.string(),
  revenueRupiah: z.string(),
  costsRupiah: z.string(),
  profitRupiah: z.string(),
});
export const COACHING_TOPICS = ['business_management', 'marketing', 'bookkeeping', 'production', 'other'] as const;
export const developmentViewSchema = z.object({
  businessId: z.string(),
  months: z.array(monthView),
  coaching: z.array(
    z.object({
      sessionId: z.string(),
      heldOn: z.string(),
      topic: z.enum(COACHING_TOPICS),
      title: z.string(),
      present: z.boolean(),
      followUp: z.string(),
    }),
  ),
});
export const coachingInputSchema = z.strictObject({
  groupId: z.uuid().optional(),
  villageCode: villageCodeSchema,
  heldOn: calendarDate,
  topic: z.enum(COACHING_TOPICS),
  title: z.string().trim().min(1).max(200),
  notes: z.string().trim().max(5000).default(''),
  followUp: z.string().trim().max(2000).default('').describe('Follow-up actions agreed for all'),
  coachName: z.string().trim().min(1).max(120),
  attendance: attendanceList(
    z.strictObject({ personId: z.uuid(), present: z.boolean(), followUp: z.string().trim().max(500).default('') }),
  ),
});
export const coachingViewSchema = z.object({
  id: z.string(),
  groupId: z.string().nullable(),
  villageCode: z.string(),
  heldOn: z.string(),
  topic: z.enum(COACHING_TOPICS),
  title: z.string(),
  notes: z.string(),
  followUp: z.string(),
  coachName: z.string(),
  attendance: z.array(z.object({ personId: z.string(), fullName: z.string(), present: z.boolean(), followUp: z.string() })),
});
export const coachingQuerySchema = z.strictObject({ groupId: z.uuid() });
export const mergeInputSchema = z.strictObject({
  meetingId: z.uuid().describe('The musyawarah that agreed the merger'),
  name: z.string().trim().min(1).max(120),
  businessType: z.string().trim().min(1).max(80),
  mergedOn: calendarDate,
  members: z
    .array(
      z.strictObject({
        businessId: z.uuid(),
        shareBp: z.number().int().min(1).max(10_000).describe('Share in basis points (10000 = 100%)'),
      }),
    )
    .min(1)
    .max(30),
});
export const mergedViewSchema = z.object({
  id: z.string(),
  groupId: z.string(),
  meetingId: z.string(),
  name: z.string(),
  businessType: z.string(),
  mergedOn: z.string(),
  members: z.array(
    z.object({ businessId: z.string(), businessName: z.string(), personId: z.string(), fullName: z.string(), shareBp: z.number() }),
  ),
  months: z.array(monthView),
});
export const idParamsSchema = z.strictObject({ id: z.uuid() });
