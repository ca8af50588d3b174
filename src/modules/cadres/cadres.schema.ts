import { z } from 'zod';
import { villageCodeSchema as villageCode } from '../registry/registry.schema.ts';

export const registerCadreInputSchema = z.strictObject({
  personId: z.uuid(),
  officeCode: z.string().trim().toUpperCase().min(2).max(20),
  phone: z
    .string()
    .trim()
    .regex(/^\+?\d{8,15}$/),
  photoUrl: z.url().max(500).optional(),
  letterNumber: z.string().trim().min(1).max(80),
  letterDate: z.iso.date(),
  signedBy: z.string().trim().min(1).max(120),
  validUntil: z.iso.date(),
  villageCodes: z.array(villageCode).min(1).max(50),
  /** The cadre-role user this cadre signs in as: they then read their own record, card data and families. */
  username: z.string().trim().min(1).max(60).optional(),
});
export const cadreStatusInputSchema = z.strictObject({ status: z.enum(['active', 'suspended', 'revoked']) });
export const cadreViewSchema = z.object({
  id: z.string(),
  personId: z.string(),
  name: z.string(),
  officeCode: z.string(),
  phone: z.string(),
  photoUrl: z.string().nullable(),
  letterNumber: z.string(),
  letterDate: z.string(),
  signedBy: z.string(),
  validUntil: z.string(),
  status: z.enum(['active', 'suspended', 'revoked']),
  /** 0 until a card is issued; each new card adds one. */
  cardVersion: z.number(),
  villages: z.array(z.object({ code: z.string(), name: z.string() })),
});
export const cardViewSchema = z.object({ token: z.string(), verifyPath: z.string(), cardVersion: z.number() });
export const publicVerificationSchema = z.union([
  z.object({
    valid: z.literal(true),
    status: z.enum(['active', 'suspended', 'revoked']),
    name: z.string(),
    photoUrl: z.string().nullable(),
    letterNumber: z.string(),
    area: z.string(),
    validUntil: z.string(),
    expired: z.boolean(),
  }),
  z.object({ valid: z.literal(false), reason: z.string() }),
]);
export const cadreIdParamsSchema = z.strictObject({ id: z.uuid() });
export const tokenParamsSchema = z.strictObject({ token: z.string().max(400) });
