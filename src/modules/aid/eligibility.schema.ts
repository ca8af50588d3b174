import { z } from 'zod';

/** GET /api/v1/programmes/{id}/eligibility: one household or one person, as of today. */
export const eligibilityQuerySchema = z.strictObject({
  household: z.uuid().optional(),
  person: z.uuid().optional(),
});

export const eligibilityViewSchema = z.object({
  eligible: z.boolean(),
  /** Every rule of the programme in order: what was seen, what was required, and why it passed or not. */
  rules: z.array(
    z.object({
      rule: z.string(),
      passed: z.boolean(),
      value: z.unknown(),
      required: z.unknown(),
      message: z.string(),
    }),
  ),
});
