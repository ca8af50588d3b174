import { z } from 'zod';

export const officeCodeSchema = z
  .string()
  .trim()
  .toUpperCase()
  .refine((value) => /^[A-Z0-9-]{2,20}$/.test(value), { params: { code: 'offices.code_format' } });
export const regionCodeSchema = z
  .string()
  .trim()
  .refine((value) => /^\d{2}(\.\d{2}(\.\d{2}(\.\d{4})?)?)?$/.test(value), { params: { code: 'regions.code_format' } });
export const officeKindSchema = z.enum(['head', 'branch', 'unit']);

export const officeViewSchema = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  kind: officeKindSchema,
  regionCode: z.string(),
  regionName: z.string().nullable(),
  address: z.string().nullable(),
  active: z.boolean(),
  regions: z.array(z.object({ code: z.string(), name: z.string(), level: z.number() })),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type OfficeView = z.infer<typeof officeViewSchema>;

export const createOfficeInputSchema = z.strictObject({
  code: officeCodeSchema,
  name: z.string().trim().min(1).max(120),
  kind: officeKindSchema,
  regionCode: regionCodeSchema,
  address: z.string().trim().max(300).optional(),
  coveredRegionCodes: z.array(regionCodeSchema).min(1).max(500),
});
export type CreateOfficeInput = z.infer<typeof createOfficeInputSchema>;

export const updateOfficeInputSchema = z.strictObject({
  name: z.string().trim().min(1).max(120).optional(),
  kind: officeKindSchema.optional(),
  regionCode: regionCodeSchema.optional(),
  address: z.string().trim().max(300).nullable().optional(),
  coveredRegionCodes: z.array(regionCodeSchema).min(1).max(500).optional(),
  active: z.boolean().optional(),
});
export type UpdateOfficeInput = z.infer<typeof updateOfficeInputSchema>;

export const officeIdParamsSchema = z.strictObject({ id: z.uuid() });
export const officeListSchema = z.object({ items: z.array(officeViewSchema) });

export const organisationViewSchema = z.object({
  id: z.string(),
  name: z.string(),
  isDemo: z.boolean(),
  /** Printed under the name in letterheads (kop surat). */
  address: z.string().nullable(),
  /** The number (or contact) the public card check gives for reporting a fake cadre card. */
  reportContact: z.string().nullable(),
});
/** Empty text clears an optional field. */
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .transform((text) => text || null)
    .nullable()
    .optional();
export const updateOrganisationInputSchema = z.strictObject({
  name: z.string().trim().min(1).max(160),
  address: optionalText(300),
  reportContact: optionalText(120),
});
