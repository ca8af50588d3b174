import { z } from 'zod';
import { calendarDate, cursorParam, rupiah } from '../../core/schemas.ts';

export const RELATIONS = [
  'head',
  'husband',
  'wife',
  'child',
  'child_in_law',
  'grandchild',
  'parent',
  'parent_in_law',
  'other_family',
  'other',
] as const;
export type Relation = (typeof RELATIONS)[number];
/** The words on a Kartu Keluarga, as offices write them in their files. */
export const RELATION_WORDS: Record<string, (typeof RELATIONS)[number]> = {
  'KEPALA KELUARGA': 'head',
  SUAMI: 'husband',
  ISTRI: 'wife',
  ANAK: 'child',
  MENANTU: 'child_in_law',
  CUCU: 'grandchild',
  'ORANG TUA': 'parent',
  MERTUA: 'parent_in_law',
  'FAMILI LAIN': 'other_family',
  LAINNYA: 'other',
};

const digits16 = (code: string) =>
  z
    .string()
    .trim()
    .refine((v) => /^\d{16}$/.test(v), { params: { code } });
export const villageCodeSchema = z
  .string()
  .trim()
  .transform((v) => (/^\d{10}$/.test(v) ? `${v.slice(0, 2)}.${v.slice(2, 4)}.${v.slice(4, 6)}.${v.slice(6)}` : v))
  .refine((v) => /^\d{2}\.\d{2}\.\d{2}\.\d{4}$/.test(v), { params: { code: 'registry.village_code_format' } });

export const memberInputSchema = z.strictObject({
  nik: digits16('registry.nik_not_16_digits'),
  fullName: z.string().trim().min(1).max(120),
  sex: z.enum(['M', 'F']),
  birthPlace: z.string().trim().max(80).default(''),
  birthDate: calendarDate,
  relation: z.enum(RELATIONS),
});
export type MemberInput = z.infer<typeof memberInputSchema>;

export const householdInputSchema = z.strictObject({
  kkNumber: digits16('registry.kk_not_16_digits'),
  villageCode: villageCodeSchema,
  address: z.string().trim().max(300).default(''),
  rt: z
    .string()
    .trim()
    .regex(/^\d{1,3}$/)
    .optional(),
  rw: z
    .string()
    .trim()
    .regex(/^\d{1,3}$/)
    .optional(),
  /** The family's phone number (08…, +62…), for the cadre's visits. */
  phone: z
    .string()
    .trim()
    .regex(/^(\+?[0-9][0-9 -]{5,18}[0-9])?$/)
    .optional(),
  welfareDecile: z.number().int().min(1).max(10).nullable().optional(),
  cards: z.strictObject({ kks: z.boolean(), kis: z.boolean(), kip: z.boolean(), pkh: z.boolean() }).partial().default({}),
  members: z.array(memberInputSchema).min(1).max(30),
});
export type HouseholdInput = z.infer<typeof householdInputSchema>;

export const nikParamsSchema = z.strictObject({ nik: z.string().max(40) });
export const nikQuerySchema = z.strictObject({ birthDate: calendarDate.optional() });
const warningSchema = z.object({ code: z.string(), message: z.string() });
export const nikDecodedSchema = z.object({
  nik: z.string(),
  sex: z.enum(['M', 'F']),
  birthDate: z.string(),
  provinceCode: z.string(),
  regencyCode: z.string(),
  districtCode: z.string(),
  serial: z.string(),
  provinceName: z.string().nullable(),
  regencyName: z.string().nullable(),
  districtName: z.string().nullable(),
  warnings: z.array(warningSchema),
});
export type NikDecoded = z.infer<typeof nikDecodedSchema>;

export const personViewSchema = z.object({
  id: z.string(),
  nik: z.string(),
  nikMasked: z.boolean(),
  fullName: z.string(),
  sex: z.enum(['M', 'F']),
  birthPlace: z.string(),
  birthDate: z.string(),
  relation: z.enum(RELATIONS),
  householdId: z.string(),
  kkNumber: z.string(),
  villageCode: z.string(),
  villageName: z.string().nullable(),
  deceased: z.boolean(),
  diedOn: z.string().nullable(),
  /** The school attended now (SMA covers SMK and MA) and which year of it; null: not recorded. */
  schoolLevel: z.enum(['SD', 'SMP', 'SMA']).nullable(),
  schoolYear: z.enum(['new', 'middle', 'final']).nullable(),
});
export type PersonView = z.infer<typeof personViewSchema>;

export const householdViewSchema = z.object({
  id: z.string(),
  kkNumber: z.string(),
  villageCode: z.string(),
  villagePath: z.string(),
  address: z.string(),
  rt: z.string().nullable(),
  rw: z.string().nullable(),
  phone: z.string(),
  welfareDecile: z.number().nullable(),
  cards: z.object({ kks: z.boolean(), kis: z.boolean(), kip: z.boolean(), pkh: z.boolean() }),
  members: z.array(personViewSchema),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type HouseholdView = z.infer<typeof householdViewSchema>;

export const personsQuerySchema = z.strictObject({
  q: z.string().trim().min(2).max(80).optional(),
  village: villageCodeSchema.optional(),
  cursor: cursorParam.optional(),
  limit: z.coerce.number().int().min(1).max(100).default(25),
});
export type PersonsQuery = z.infer<typeof personsQuerySchema>;
export const personPageSchema = z.object({ items: z.array(personViewSchema), nextCursor: z.string().nullable() });
export const idParamsSchema = z.strictObject({ id: z.uuid() });

export const addMemberInputSchema = z.strictObject({
  event: z.enum(['birth', 'join']),
  member: memberInputSchema,
});
export const SCHOOL_LEVELS = ['SD', 'SMP', 'SMA'] as const;
export const SCHOOL_YEARS = ['new', 'middle', 'final'] as const;
/** PUT /persons/{id}/school: the school attended now and which year of it; null clears (not recorded). */
export const schoolInputSchema = z.strictObject({
  level: z.enum(SCHOOL_LEVELS).nullable(),
  year: z.enum(SCHOOL_YEARS).nullable().default(null),
});
export const deathInputSchema = z.strictObject({ diedOn: calendarDate });
export const moveInputSchema = z.strictObject({
  kkNumber: z
    .string()
    .trim()
    .refine((v) => /^\d{16}$/.test(v), { params: { code: 'registry.kk_not_16_digits' } }),
  relation: z.enum(RELATIONS),
  /** Needed only when the KK is new: where the new household lives. */
  villageCode: villageCodeSchema.optional(),
  address: z.string().trim().max(300).optional(),
});
export const newHeadInputSchema = z.strictObject({
  personId: z.uuid(),
  previousHeadRelation: z.enum(RELATIONS).exclude(['head']).default('other_family'),
});

export const SECTORS = ['trade', 'food', 'agriculture', 'livestock', 'fishery', 'craft', 'services', 'manufacturing', 'other'] as const;
/** Whole rupiah (the shared schema, under the name this module's readers know). */
export const rupiahSchema = rupiah;
export const businessInputSchema = z.strictObject({
  name: z.string().trim().min(1).max(120),
  businessType: z.string().trim().min(1).max(80),
  sector: z.enum(SECTORS),
  startedOn: calendarDate.nullable().optional(),
  capitalRupiah: rupiahSchema.default('0'),
  monthlyRevenueRupiah: rupiahSchema.default('0'),
  monthlyCostsRupiah: rupiahSchema.default('0'),
});
export type BusinessInput = z.infer<typeof businessInputSchema>;
/** A business corrected: any of its fields (the figures of a month go to its monthly record). */
export const businessEditSchema = z.strictObject({
  name: z.string().trim().min(1).max(120).optional(),
  businessType: z.string().trim().min(1).max(80).optional(),
  sector: z.enum(SECTORS).optional(),
  startedOn: calendarDate.nullable().optional(),
  capitalRupiah: rupiahSchema.optional(),
  monthlyRevenueRupiah: rupiahSchema.optional(),
  monthlyCostsRupiah: rupiahSchema.optional(),
});
export const businessCloseSchema = z.strictObject({ closedOn: calendarDate, reason: z.string().trim().min(3).max(300) });
export const businessParamsSchema = z.strictObject({ id: z.uuid(), businessId: z.uuid() });
export const businessViewSchema = z.object({
  id: z.string(),
  personId: z.string(),
  name: z.string(),
  businessType: z.string(),
  sector: z.enum(SECTORS),
  startedOn: z.string().nullable(),
  capitalRupiah: z.string(),
  monthlyRevenueRupiah: z.string(),
  monthlyCostsRupiah: z.string(),
  monthlyProfitRupiah: z.string(),
  active: z.boolean(),
  closedOn: z.string().nullable(),
  closedReason: z.string().nullable(),
});
export type BusinessView = z.infer<typeof businessViewSchema>;

export const importQuerySchema = z.strictObject({
  dryRun: z.enum(['true', 'false']).default('true'),
  skipInvalid: z.enum(['true', 'false']).default('false'),
});
export const importResultSchema = z.object({
  importedHouseholds: z.number(),
  importedPersons: z.number(),
  rejectedRows: z.number(),
  unchangedPersons: z.number(),
  committed: z.boolean(),
  /** `code` and `params` are a message of src/core/messages.ts; `reason` is its text in the request's language. */
  problems: z.array(
    z.object({
      line: z.number(),
      column: z.string(),
      code: z.string(),
      params: z.record(z.string(), z.union([z.string(), z.number()])),
      reason: z.string(),
    }),
  ),
  summary: z.string(),
});

export const duplicatesQuerySchema = z.strictObject({
  village: villageCodeSchema.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export const duplicateDecisionInputSchema = z
  .strictObject({
    personIds: z.tuple([z.uuid(), z.uuid()]),
    decision: z.enum(['merge', 'distinct']),
    keepPersonId: z.uuid().optional(),
    note: z.string().trim().max(500).default(''),
  })
  .refine((v) => v.personIds[0] !== v.personIds[1], { path: ['personIds'], params: { code: 'registry.same_person' } })
  .refine((v) => v.decision !== 'merge' || (v.keepPersonId !== undefined && v.personIds.includes(v.keepPersonId)), {
    path: ['keepPersonId'],
    params: { code: 'registry.keep_one_of_pair' },
  });
export type DuplicateDecisionInput = z.infer<typeof duplicateDecisionInputSchema>;
export const duplicateSettingsSchema = z.strictObject({ nameSimilarity: z.number().min(0.3).max(1) });
