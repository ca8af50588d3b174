import { z } from 'zod';
import { createOfficeInputSchema } from '../organisation/organisation.schema.ts';

export const setupStatusSchema = z.object({
  needed: z.boolean(),
  organisation: z.object({ name: z.string(), isDemo: z.boolean() }).nullable(),
});

export const setupInputSchema = z.strictObject({
  organisationName: z.string().trim().min(1).max(160),
  office: createOfficeInputSchema,
  admin: z.strictObject({
    username: z
      .string()
      .trim()
      .toLowerCase()
      .refine((value) => /^[a-z0-9._-]{3,40}$/.test(value), { params: { code: 'users.username_format' } }),
    fullName: z.string().trim().min(1).max(120),
    password: z.string().min(8).max(200),
  }),
});
export type SetupInput = z.infer<typeof setupInputSchema>;
