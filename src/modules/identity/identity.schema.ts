import { z } from 'zod';
import { ROLES } from '../../core/roles.ts';
import { cursorParam } from '../../core/schemas.ts';

export const usernameSchema = z
  .string()
  .trim()
  .toLowerCase()
  .refine((value) => /^[a-z0-9._-]{3,40}$/.test(value), { params: { code: 'users.username_format' } });
export const passwordSchema = z.string().min(8).max(200);
export const roleSchema = z.enum(ROLES);
export const officeCodeSchema = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z0-9-]{2,20}$/);

export const loginInputSchema = z.strictObject({
  username: z.string().trim().toLowerCase().min(1).max(100),
  password: z.string().min(1).max(200),
});

export const officeRefSchema = z.object({ id: z.string(), code: z.string(), name: z.string(), regionCodes: z.array(z.string()) });
export const meSchema = z.object({
  id: z.string(),
  username: z.string(),
  fullName: z.string(),
  role: roleSchema,
  offices: z.array(officeRefSchema),
  scope: z.union([z.object({ kind: z.literal('all') }), z.object({ kind: z.literal('regions'), regionCodes: z.array(z.string()) })]),
  csrfToken: z.string().nullable(),
  organisation: z.object({ name: z.string(), isDemo: z.boolean() }).nullable(),
});
export type Me = z.infer<typeof meSchema>;

export const userViewSchema = z.object({
  id: z.string(),
  username: z.string(),
  fullName: z.string(),
  role: roleSchema,
  active: z.boolean(),
  offices: z.array(z.object({ id: z.string(), code: z.string(), name: z.string() })),
  areaCodes: z.array(z.string()).describe('The area narrowing the offices’ scope (empty: the offices’ whole regions)'),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type UserView = z.infer<typeof userViewSchema>;

/** A region code of any level: 34, 34.71, 34.71.01 or 34.71.01.1001. */
const areaCodesSchema = z
  .array(
    z
      .string()
      .trim()
      .regex(/^\d{2}(\.\d{2}(\.\d{2}(\.\d{4})?)?)?$/),
  )
  .max(20)
  .describe('Region codes narrowing the offices’ scope: a lurah’s kelurahan, a camat’s kecamatan');

export const createUserInputSchema = z.strictObject({
  username: usernameSchema,
  fullName: z.string().trim().min(1).max(120),
  role: roleSchema,
  password: passwordSchema,
  officeCodes: z.array(officeCodeSchema).max(50).default([]),
  areaCodes: areaCodesSchema.default([]),
});
export type CreateUserInput = z.infer<typeof createUserInputSchema>;

export const updateUserInputSchema = z.strictObject({
  fullName: z.string().trim().min(1).max(120).optional(),
  role: roleSchema.optional(),
  officeCodes: z.array(officeCodeSchema).max(50).optional(),
  areaCodes: areaCodesSchema.optional(),
  active: z.boolean().optional(),
});
export type UpdateUserInput = z.infer<typeof updateUserInputSchema>;

export const resetPasswordInputSchema = z.strictObject({ password: passwordSchema });

export const listUsersQuerySchema = z.strictObject({
  q: z.string().trim().max(60).optional(),
  role: roleSchema.optional(),
  office: officeCodeSchema.optional(),
  active: z.enum(['true', 'false']).optional(),
  /** true: only users locked out now by failed sign-ins. */
  locked: z.enum(['true']).optional(),
  cursor: cursorParam.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type ListUsersQuery = z.infer<typeof listUsersQuerySchema>;

export const userPageSchema = z.object({ items: z.array(userViewSchema), nextCursor: z.string().nullable() });
export const userIdParamsSchema = z.strictObject({ id: z.uuid() });
