import { z } from 'zod';
import { calendarDate } from '../../core/schemas.ts';
import { programmeCode, SCHOOL_LEVELS, SCHOOL_YEARS } from './programme.schema.ts';

/**
 * POST /api/v1/aid/entitlement-quote: what a family or person described in the body would be
 * owed by a programme on a day, from the programme's dated benefit table; nothing is stored.
 * Fields a member does not have may be left out (false / null).
 */
export const quoteMemberSchema = z.strictObject({
  birthDate: calendarDate,
  sex: z.enum(['M', 'F']),
  pregnant: z.boolean().default(false),
  schoolLevel: z.enum(SCHOOL_LEVELS).nullable().default(null),
  schoolYear: z.enum(SCHOOL_YEARS).nullable().default(null),
  disability: z.literal('severe').nullable().default(null),
});
export type QuoteMember = z.infer<typeof quoteMemberSchema>;

export const entitlementQuoteInputSchema = z.strictObject({
  /** A programme's code: the built-in pkh, pip, kks, sembako, or one an organisation added. */
  programme: programmeCode,
  asOf: calendarDate,
  members: z.array(quoteMemberSchema).min(1).max(40),
});

export const entitlementQuoteViewSchema = z.object({
  /** Whole rupiah, as a decimal string: the sum of the components. */
  amount: z.string(),
  /** What the amount covers: the programme's period, or `stage` inside a lump-sum window. */
  per: z.enum(['month', 'year', 'stage']),
  components: z.array(z.object({ member: z.number(), category: z.string(), amount: z.string() })),
});
