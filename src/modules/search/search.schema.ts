import { z } from 'zod';

/** What the header search box sends: at least two characters (a name fragment, a NIK, a KK, a number). */
export const searchQuerySchema = z.strictObject({
  q: z.string().trim().min(2).max(80),
  limit: z.coerce.number().int().min(1).max(20).default(8),
});
export type SearchQuery = z.infer<typeof searchQuerySchema>;

/** Matches by kind; a kind the caller's role may not read is always empty. NIK masked where the role may not see it. */
export const searchResultSchema = z.object({
  persons: z.array(
    z.object({
      id: z.string(),
      fullName: z.string(),
      nik: z.string(),
      nikMasked: z.boolean(),
      householdId: z.string(),
      kkNumber: z.string(),
      villageName: z.string().nullable(),
      deceased: z.boolean(),
      /** The person's cadre record when the person is a cadre and the role reads cadres. */
      cadreId: z.string().nullable(),
    }),
  ),
  households: z.array(
    z.object({ id: z.string(), kkNumber: z.string(), headName: z.string().nullable(), villageName: z.string().nullable() }),
  ),
  financings: z.array(
    z.object({ id: z.string(), number: z.string(), status: z.string(), personName: z.string(), daysPastDue: z.number() }),
  ),
  groups: z.array(z.object({ id: z.string(), name: z.string(), kind: z.string(), regionCode: z.string() })),
});
export type SearchResult = z.infer<typeof searchResultSchema>;
