import { z } from 'zod';
import { calendarDate } from '../../core/schemas.ts';
import { REPORT_STATUSES } from './report.rules.ts';

export const reportInputSchema = z.strictObject({
  periodStart: calendarDate,
  periodEnd: calendarDate,
  narrative: z.string().trim().max(10_000).default('').describe("The group's own account of the period"),
  problems: z.string().trim().max(10_000).default('').describe('Problems met and help asked for'),
});
export type ReportInput = z.infer<typeof reportInputSchema>;
export const reportEditSchema = z.strictObject({
  narrative: z.string().trim().max(10_000).optional(),
  problems: z.string().trim().max(10_000).optional(),
});
export const reviewInputSchema = z.strictObject({
  decision: z.enum(['accept', 'return']),
  note: z.string().trim().max(2000).default(''),
});
export const signInputSchema = z.strictObject({ note: z.string().trim().max(2000).default('') });
export const reportIdParamsSchema = z.strictObject({ id: z.uuid() });
export const reportsQuerySchema = z.strictObject({
  groupId: z.uuid().optional(),
  status: z.enum(REPORT_STATUSES).optional(),
});

const figuresSchema = z.object({ capital: z.string(), revenue: z.string(), costs: z.string(), profit: z.string() });
export const compiledSchema = z.object({
  members: z.object({ active: z.number(), joined: z.number(), left: z.number(), names: z.array(z.string()) }),
  businesses: z.object({
    count: z.number(),
    start: figuresSchema,
    end: figuresSchema,
    items: z.array(z.object({ owner: z.string(), name: z.string(), active: z.boolean(), start: figuresSchema, end: figuresSchema })),
  }),
  stimulus: z.object({
    stimulusRupiah: z.string(),
    revolvedRupiah: z.string(),
    families: z.number(),
    rounds: z.number(),
    multiplier: z.string(),
  }),
  arrears: z.object({ overdueRupiah: z.string(), recipientsInArrears: z.number() }),
  meetings: z.object({
    held: z.number(),
    attendancePercent: z.string(),
    items: z.array(z.object({ heldOn: z.string(), agenda: z.string(), present: z.number(), total: z.number() })),
  }),
  assets: z.object({
    count: z.number(),
    valueRupiah: z.string(),
    items: z.array(z.object({ item: z.string(), valueRupiah: z.string(), receivedOn: z.string() })),
  }),
});
export const reportViewSchema = z.object({
  id: z.string(),
  groupId: z.string(),
  groupName: z.string(),
  villageCodes: z.array(z.string()),
  number: z.string(),
  version: z.number(),
  previousId: z.string().nullable(),
  periodStart: z.string(),
  periodEnd: z.string(),
  status: z.enum(REPORT_STATUSES),
  narrative: z.string(),
  problems: z.string(),
  compiled: compiledSchema.describe('Frozen at submission; a draft shows the records as they are now'),
  steps: z.array(
    z.object({
      step: z.enum(['submitted', 'returned', 'accepted', 'acknowledged', 'received', 'copied']),
      byName: z.string(),
      byRole: z.string(),
      regionCode: z.string().nullable(),
      note: z.string(),
      at: z.string(),
    }),
  ),
});
export type ReportView = z.infer<typeof reportViewSchema>;
export const reportListSchema = z.object({
  items: z.array(
    reportViewSchema.pick({
      id: true,
      groupId: true,
      groupName: true,
      number: true,
      version: true,
      periodStart: true,
      periodEnd: true,
      status: true,
    }),
  ),
});
export const overviewQuerySchema = z.strictObject({
  regency: z
    .string()
    .trim()
    .regex(/^\d{2}\.\d{2}$/)
    .describe('Regency/city code, e.g. 34.71'),
});
export const overviewSchema = z.object({
  regency: z.object({ code: z.string(), name: z.string() }),
  counts: z.object({ groups: z.number(), received: z.number(), inProgress: z.number(), returned: z.number(), late: z.number() }),
  multiplier: z.object({
    stimulusRupiah: z.string(),
    revolvedRupiah: z.string(),
    families: z.number(),
    rounds: z.number(),
    multiplier: z.string(),
  }),
  groups: z.array(
    z.object({
      groupId: z.string(),
      name: z.string(),
      villageCodes: z.array(z.string()),
      latest: z.object({ id: z.string(), number: z.string(), periodEnd: z.string(), status: z.enum(REPORT_STATUSES) }).nullable(),
      late: z.boolean(),
      returnedCount: z.number(),
      multiplier: z.string(),
      overdueRupiah: z.string(),
      recipientsInArrears: z.number(),
    }),
  ),
});
