import { z } from 'zod';
import { calendarDate } from '../../core/schemas.ts';
import { RELATION_WORDS } from '../registry/registry.schema.ts';
import { IKS_CATEGORIES, IKS_CODES, IKS_CONDITIONS } from './iks.rules.ts';

/** The contract of GET /households/{id}/iks and POST /health/iks-quote: exactly these keys, 12 indicators. */
export const iksViewSchema = z.strictObject({
  iks: z.string().nullable(),
  category: z.enum(IKS_CATEGORIES).nullable(),
  indicators: z.array(z.strictObject({ code: z.enum(IKS_CODES), applicable: z.boolean(), met: z.boolean() })).length(12),
});
export type IksView = z.infer<typeof iksViewSchema>;

const relationWords = Object.keys(RELATION_WORDS) as [string, ...string[]];
const answersShape = Object.fromEntries(IKS_CODES.map((code) => [code, z.boolean().optional()])) as Record<
  (typeof IKS_CODES)[number],
  z.ZodOptional<z.ZodBoolean>
>;

/** POST /health/iks-quote: a family described, nothing stored. Relations are the Kartu Keluarga words of the household import. */
export const iksQuoteInputSchema = z.strictObject({
  asOf: calendarDate,
  members: z
    .array(
      z.strictObject({
        birthDate: calendarDate,
        sex: z.enum(['M', 'F']),
        relation: z
          .string()
          .trim()
          .transform((v) => v.toUpperCase().replace(/\s+/g, ' '))
          .pipe(z.enum(relationWords)),
        conditions: z.array(z.enum(IKS_CONDITIONS)).max(3).default([]),
      }),
    )
    .min(1)
    .max(30),
  answers: z.strictObject(answersShape).default({}),
});
export type IksQuoteInput = z.infer<typeof iksQuoteInputSchema>;

const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, { error: 'YYYY-MM' });
const regionCode = z.string().trim().max(20);
export const iksAggregateQuerySchema = z.strictObject({
  by: z.enum(['village', 'office']).default('village'),
  office: z.string().trim().min(1).max(20).optional(),
  village: regionCode.optional(),
  from: month.optional(),
  to: month.optional(),
});
export type IksAggregateQuery = z.infer<typeof iksAggregateQuerySchema>;

const countsSchema = z.object({
  families: z.number(),
  meanIks: z.string().nullable(),
  /** Share of families that are sehat: the PIS-PK IKS of a village or office. */
  healthyShare: z.string().nullable(),
  sehat: z.number(),
  praSehat: z.number(),
  tidakSehat: z.number(),
});
export const iksAggregateViewSchema = z.object({
  by: z.enum(['village', 'office']),
  from: z.string(),
  to: z.string(),
  total: countsSchema,
  rows: z.array(
    countsSchema.extend({
      code: z.string(),
      name: z.string().nullable(),
      trend: z.array(countsSchema.extend({ month: z.string() })),
    }),
  ),
  trend: z.array(countsSchema.extend({ month: z.string() })),
});
export type IksAggregateView = z.infer<typeof iksAggregateViewSchema>;

export const iksRecomputeQuerySchema = z.strictObject({ village: regionCode });
export const iksRecomputeViewSchema = z.object({
  village: z.string(),
  month: z.string(),
  families: z.number(),
  meanIks: z.string().nullable(),
  sehat: z.number(),
  praSehat: z.number(),
  tidakSehat: z.number(),
});
