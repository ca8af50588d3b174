import { z } from 'zod';
import { calendarDate, cursorParam } from '../../core/schemas.ts';
import { villageCodeSchema as villageCode } from '../registry/registry.schema.ts';

const phone = z
  .string()
  .trim()
  .regex(/^\+?\d{8,15}$/);
const letterNumber = z.string().trim().min(1).max(80);
const signedBy = z.string().trim().min(1).max(120);
const villageCodes = z.array(villageCode).min(1).max(50);

export const registerCadreInputSchema = z.strictObject({
  personId: z.uuid(),
  officeCode: z.string().trim().toUpperCase().min(2).max(20),
  phone,
  photoUrl: z.url().max(500).optional(),
  letterNumber,
  letterDate: calendarDate,
  signedBy,
  validUntil: calendarDate,
  villageCodes,
  /** The cadre-role user this cadre signs in as: they then read their own record, card data and families. */
  username: z.string().trim().min(1).max(60).optional(),
});
/**
 * What may change after recruitment: the phone, the assignment letter (a renewed letter gets a
 * new number, date, signatory and end date) and the villages, given whole (the cadre's new
 * area: villages missing from it are removed, new ones added). Fields left out stay as they are.
 */
export const updateCadreInputSchema = z.strictObject({
  phone: phone.optional(),
  letterNumber: letterNumber.optional(),
  letterDate: calendarDate.optional(),
  signedBy: signedBy.optional(),
  validUntil: calendarDate.optional(),
  villageCodes: villageCodes.optional(),
});
export type UpdateCadreInput = z.infer<typeof updateCadreInputSchema>;
export const cadreStatusInputSchema = z.strictObject({
  status: z.enum(['active', 'suspended', 'revoked']),
  /** Why (a complaint, misuse of cash, the letter withdrawn): kept in the audit log. */
  reason: z.string().trim().min(1).max(300).optional(),
});
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
export const cadreListSchema = z.object({
  items: z.array(z.object({ id: z.string(), name: z.string(), status: z.string(), letterNumber: z.string(), validUntil: z.string() })),
});
export const cardViewSchema = z.object({ token: z.string(), verifyPath: z.string(), cardVersion: z.number() });
/** What every answer of the public card check carries: whose check it is, when, and whom to tell about a fake. */
const checkContext = {
  organisation: z.string(),
  /** The number (or contact) to report a fake card to, from the organisation's settings; null when not set. */
  reportContact: z.string().nullable(),
  /** The server's time of the check (ISO), so that a screenshot can be told from a live check. */
  checkedAt: z.string(),
};
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
    ...checkContext,
  }),
  z.object({ valid: z.literal(false), reason: z.string(), ...checkContext }),
]);
export const cadreIdParamsSchema = z.strictObject({ id: z.uuid() });
export const tokenParamsSchema = z.strictObject({ token: z.string().max(400) });

const tenths = (value: number) => Math.abs(value * 10 - Math.round(value * 10)) < 1e-9;
export const trainingInputSchema = z.strictObject({
  title: z.string().trim().min(1).max(200),
  organiser: z.string().trim().min(1).max(200),
  heldOn: calendarDate,
  hours: z.number().positive().max(999).refine(tenths, { error: 'invalid_format' }),
  certificateNumber: z.string().trim().min(1).max(80).optional(),
});
export type TrainingInput = z.infer<typeof trainingInputSchema>;
export const trainingViewSchema = z.object({
  id: z.string(),
  title: z.string(),
  organiser: z.string(),
  heldOn: z.string(),
  hours: z.number(),
  certificateNumber: z.string().nullable(),
  recordedBy: z.string(),
});
export const trainingListSchema = z.object({ items: z.array(trainingViewSchema), totalHours: z.number() });

export const cadreSettingsSchema = z.object({
  /** Families one cadre may look after (about 500 in the programme). */
  caseloadCap: z.number(),
  /** Origin printed in cards' QR codes (https://jaring.example.id); null: the origin the request came in on. */
  cardOrigin: z.string().nullable(),
});
export type CadreSettings = z.infer<typeof cadreSettingsSchema>;
/** An http(s) origin exactly as a browser writes it (scheme, lower-case host, port if not the default): `new URL` throws on anything else. */
function isWebOrigin(text: string): boolean {
  try {
    const url = new URL(text);
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.origin === text;
  } catch {
    return false;
  }
}
/**
 * The origin printed in cards' QR codes: https://jaring.example.id, a trailing slash dropped.
 * No path, query, fragment or user name: the card's page is always `{origin}/v/{token}`.
 */
const cardOriginSchema = z
  .string()
  .max(200)
  .transform((text) => text.replace(/\/$/, ''))
  .refine(isWebOrigin, { params: { code: 'cadres.card_origin_invalid' } });
export const cadreSettingsInputSchema = z.strictObject({
  caseloadCap: z.number().int().min(1).max(10_000),
  cardOrigin: cardOriginSchema.nullable().optional(),
});

export const assignFamiliesInputSchema = z.strictObject({ householdIds: z.array(z.uuid()).min(1).max(100) });
export const caseloadSchema = z.object({ count: z.number(), cap: z.number() });
export const assignFamiliesResultSchema = z.object({ assigned: z.number(), caseload: caseloadSchema });
export const familyParamsSchema = z.strictObject({ id: z.uuid(), householdId: z.uuid() });
export const familiesQuerySchema = z.strictObject({
  cursor: cursorParam.optional(),
  limit: z.coerce.number().int().min(1).max(100).default(25),
});
export const familyViewSchema = z.object({
  householdId: z.string(),
  kkNumber: z.string(),
  headName: z.string().nullable(),
  villageCode: z.string(),
  villageName: z.string().nullable(),
  address: z.string(),
  members: z.number(),
  jknParticipants: z.number(),
  assignedAt: z.string(),
});
export const familyPageSchema = z.object({ items: z.array(familyViewSchema), nextCursor: z.string().nullable(), caseload: caseloadSchema });
