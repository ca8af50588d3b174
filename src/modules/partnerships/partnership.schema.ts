import { z } from 'zod';
import { calendarDate, rupiah } from '../../core/schemas.ts';
import { villageCodeSchema } from '../registry/registry.schema.ts';
import { ACTIVITY_KINDS, CHANNELS, PARTNER_KINDS, PILLARS, RESOURCE_KINDS, STEPS, WIDER_ELEMENTS } from './partnership.rules.ts';

const text = (max: number) => z.string().trim().max(max);
const name = z.string().trim().min(1).max(200);
const officeCode = z.string().trim().min(1).max(20);

// ---- partners

const partnerFields = {
  name,
  kind: z.enum(PARTNER_KINDS),
  pillar: z.enum(PILLARS),
  widerElement: z.enum(WIDER_ELEMENTS).nullable().default(null),
  contactName: text(200).default(''),
  contactPhone: text(30).default(''),
  contactEmail: z.union([z.literal(''), z.email().max(200)]).default(''),
  address: text(500).default(''),
};
const widerRule = (p: { pillar?: string; widerElement?: string | null }) =>
  p.pillar === undefined || (p.pillar === 'wider') === (p.widerElement !== null && p.widerElement !== undefined);
const widerIssue = (p: { pillar?: string }) => ({
  path: ['widerElement'],
  params: { code: p.pillar === 'wider' ? 'partnerships.wider_element_required' : 'partnerships.wider_element_only_wider' },
});

export const partnerInputSchema = z.strictObject({ ...partnerFields, officeCode: officeCode.optional() }).superRefine((p, ctx) => {
  if (!widerRule(p)) ctx.addIssue({ code: 'custom', message: 'wider', ...widerIssue(p) });
});
export type PartnerInput = z.infer<typeof partnerInputSchema>;

/** PATCH: the fields given change; kind, pillar and element are given together when the pillar changes. */
export const partnerPatchSchema = z
  .strictObject({
    name: name.optional(),
    kind: z.enum(PARTNER_KINDS).optional(),
    pillar: z.enum(PILLARS).optional(),
    widerElement: z.enum(WIDER_ELEMENTS).nullable().optional(),
    contactName: text(200).optional(),
    contactPhone: text(30).optional(),
    contactEmail: z.union([z.literal(''), z.email().max(200)]).optional(),
    address: text(500).optional(),
  })
  .superRefine((p, ctx) => {
    if (p.pillar !== undefined && !widerRule({ pillar: p.pillar, widerElement: p.widerElement ?? null }))
      ctx.addIssue({ code: 'custom', message: 'wider', ...widerIssue(p) });
  });
export type PartnerPatch = z.infer<typeof partnerPatchSchema>;

export const partnerViewSchema = z.object({
  id: z.string(),
  officeCode: z.string(),
  name: z.string(),
  kind: z.enum(PARTNER_KINDS),
  pillar: z.enum(PILLARS),
  widerElement: z.enum(WIDER_ELEMENTS).nullable(),
  contactName: z.string(),
  contactPhone: z.string(),
  contactEmail: z.string(),
  address: z.string(),
  /** What the partner brings to all its partnerships: money summed, the rest listed. */
  resources: z.array(
    z.object({
      id: z.string(),
      partnershipId: z.string(),
      partnershipTitle: z.string(),
      kind: z.enum(RESOURCE_KINDS),
      description: z.string(),
      amount: z.string().nullable(),
      quantity: z.number().nullable(),
    }),
  ),
  moneyTotal: z.string(),
});
export type PartnerView = z.infer<typeof partnerViewSchema>;
export const partnerListSchema = z.object({ items: z.array(partnerViewSchema.omit({ resources: true, moneyTotal: true })) });
export const partnersQuerySchema = z.strictObject({
  kind: z.enum(PARTNER_KINDS).optional(),
  pillar: z.enum(PILLARS).optional(),
});

// ---- partnerships

export const partnershipInputSchema = z.strictObject({
  title: name,
  startedOn: calendarDate,
  officeCode: officeCode.optional(),
  villageCodes: z.array(villageCodeSchema).max(200).default([]),
  explorationNotes: text(5000).default(''),
});
export type PartnershipInput = z.infer<typeof partnershipInputSchema>;

export const partnershipPatchSchema = z.strictObject({
  title: name.optional(),
  startedOn: calendarDate.optional(),
  villageCodes: z.array(villageCodeSchema).max(200).optional(),
  explorationNotes: text(5000).optional(),
  vision: text(5000).optional(),
  goals: text(5000).optional(),
});
export type PartnershipPatch = z.infer<typeof partnershipPatchSchema>;

/** The roles matrix row of a partner: what it does in the partnership. */
export const memberInputSchema = z.strictObject({ responsibilities: text(2000).default('') });

export const resourceInputSchema = z
  .strictObject({
    partnerId: z.uuid(),
    kind: z.enum(RESOURCE_KINDS),
    description: z.string().trim().min(1).max(500),
    amount: rupiah.optional(),
    quantity: z.number().int().min(1).max(1_000_000).optional(),
  })
  .superRefine((r, ctx) => {
    if (r.kind === 'money' && (r.amount === undefined || BigInt(r.amount) === 0n))
      ctx.addIssue({ code: 'custom', message: 'amount', path: ['amount'], params: { code: 'partnerships.amount_required' } });
    if (r.kind !== 'money' && r.amount !== undefined)
      ctx.addIssue({ code: 'custom', message: 'amount', path: ['amount'], params: { code: 'partnerships.amount_only_money' } });
  });
export type ResourceInput = z.infer<typeof resourceInputSchema>;

export const advanceInputSchema = z.strictObject({ to: z.enum(STEPS), note: text(2000).default('') });

export const communicationInputSchema = z.strictObject({
  heldOn: calendarDate,
  channel: z.enum(CHANNELS),
  summary: z.string().trim().min(1).max(5000),
  partnerIds: z.array(z.uuid()).max(50).default([]),
});
export type CommunicationInput = z.infer<typeof communicationInputSchema>;

export const activityInputSchema = z.strictObject({
  kind: z.enum(ACTIVITY_KINDS),
  title: name,
  heldOn: calendarDate,
  place: z.string().trim().min(1).max(200),
  participants: z.number().int().min(0).max(100_000),
  notes: text(5000).default(''),
  partnerIds: z.array(z.uuid()).max(50).default([]),
});
export type ActivityInput = z.infer<typeof activityInputSchema>;

const score = z.number().int().min(1).max(5);
export const evaluationInputSchema = z.strictObject({
  evaluatedOn: calendarDate,
  equity: score,
  transparency: score,
  mutualBenefit: score,
  findings: text(5000).default(''),
  recommendations: text(5000).default(''),
});
export type EvaluationInput = z.infer<typeof evaluationInputSchema>;

export const agreementInputSchema = z
  .strictObject({
    number: z.string().trim().min(1).max(100),
    title: name,
    startsOn: calendarDate,
    endsOn: calendarDate,
    partnerIds: z.array(z.uuid()).min(1).max(50),
  })
  .refine((a) => a.endsOn >= a.startsOn, { path: ['endsOn'], params: { code: 'partnerships.dates_reversed' } });
export type AgreementInput = z.infer<typeof agreementInputSchema>;

const partyRef = z.object({ id: z.string(), name: z.string() });
export const agreementViewSchema = z.object({
  id: z.string(),
  partnershipId: z.string(),
  partnershipTitle: z.string(),
  number: z.string(),
  title: z.string(),
  startsOn: z.string(),
  endsOn: z.string(),
  daysLeft: z.number(),
  parties: z.array(partyRef),
  document: z.object({ url: z.string(), bytes: z.number(), sha256: z.string() }).nullable(),
});
export type AgreementView = z.infer<typeof agreementViewSchema>;
export const agreementListSchema = z.object({ items: z.array(agreementViewSchema) });
export const expiringQuerySchema = z.strictObject({ days: z.coerce.number().int().min(1).max(365).default(90) });

export const partnershipSummarySchema = z.object({
  id: z.string(),
  officeCode: z.string(),
  title: z.string(),
  startedOn: z.string(),
  step: z.enum(STEPS),
  partners: z.number(),
  villageCodes: z.array(z.string()),
});
export type PartnershipSummary = z.infer<typeof partnershipSummarySchema>;

export const partnershipViewSchema = partnershipSummarySchema.extend({
  explorationNotes: z.string(),
  vision: z.string(),
  goals: z.string(),
  /** What the current step still needs before the next (error codes of the catalogue). */
  missingToAdvance: z.array(z.string()),
  nextStep: z.enum(STEPS).nullable(),
  steps: z.array(z.object({ step: z.enum(STEPS), enteredOn: z.string(), enteredBy: z.string(), note: z.string() })),
  members: z.array(
    z.object({
      partnerId: z.string(),
      name: z.string(),
      kind: z.enum(PARTNER_KINDS),
      pillar: z.enum(PILLARS),
      responsibilities: z.string(),
      joinedOn: z.string(),
    }),
  ),
  resources: z.array(
    z.object({
      id: z.string(),
      partnerId: z.string(),
      kind: z.enum(RESOURCE_KINDS),
      description: z.string(),
      amount: z.string().nullable(),
      quantity: z.number().nullable(),
    }),
  ),
  communications: z.array(
    z.object({ id: z.string(), heldOn: z.string(), channel: z.enum(CHANNELS), summary: z.string(), partnerIds: z.array(z.string()) }),
  ),
  activities: z.array(
    z.object({
      id: z.string(),
      kind: z.enum(ACTIVITY_KINDS),
      title: z.string(),
      heldOn: z.string(),
      place: z.string(),
      participants: z.number(),
      notes: z.string(),
      partners: z.array(partyRef),
    }),
  ),
  evaluations: z.array(
    z.object({
      id: z.string(),
      evaluatedOn: z.string(),
      equity: z.number(),
      transparency: z.number(),
      mutualBenefit: z.number(),
      findings: z.string(),
      recommendations: z.string(),
      evaluatedBy: z.string(),
    }),
  ),
  agreements: z.array(agreementViewSchema),
});
export type PartnershipView = z.infer<typeof partnershipViewSchema>;

export const partnershipListSchema = z.object({ items: z.array(partnershipSummarySchema) });
export const partnershipsQuerySchema = z.strictObject({ step: z.enum(STEPS).optional() });
export const boardSchema = z.object({ columns: z.array(z.object({ step: z.enum(STEPS), items: z.array(partnershipSummarySchema) })) });

// ---- M&E

const outcomeSchema = z.object({
  from: z.string(),
  to: z.string(),
  targetWomen: z.number(),
  screenedWomen: z.number(),
  screeningCoverage: z.string().nullable(),
  counsellingSessions: z.number(),
  counselledPersons: z.number(),
  iksFamilies: z.number(),
  meanIks: z.string().nullable(),
  healthyShare: z.string().nullable(),
});
const countByKind = z.object({ items: z.number(), quantity: z.number() });
export const monitoringViewSchema = z.object({
  asOf: z.string(),
  partnershipId: z.string().nullable(),
  title: z.string().nullable(),
  input: z.object({
    partnerships: z.number(),
    partners: z.number(),
    partnersByKind: z.object({ government: z.number(), business: z.number(), non_government: z.number() }),
    money: z.string(),
    goods: countByKind,
    people: countByKind,
    facilities: countByKind,
  }),
  process: z.object({
    meeting: z.number(),
    workshop: z.number(),
    agreement: z.number(),
    seminar: z.number(),
    communications: z.number(),
  }),
  output: z.object({
    network: z.number(),
    activeAgreements: z.number(),
    jointProgrammes: z.number(),
    carriedOut: z.number(),
    planned: z.number(),
    byStep: z.array(z.object({ step: z.enum(STEPS), count: z.number() })),
  }),
  principles: z.object({ equity: z.string().nullable(), transparency: z.string().nullable(), mutualBenefit: z.string().nullable() }),
  outcome: z.object({
    villageCodes: z.array(z.string()),
    /** The earliest start of the partnerships counted: before is the 12 months before it. */
    startedOn: z.string().nullable(),
    before: outcomeSchema.nullable(),
    after: outcomeSchema.nullable(),
  }),
});
export type MonitoringView = z.infer<typeof monitoringViewSchema>;
export const monitoringQuerySchema = z.strictObject({ partnershipId: z.uuid().optional() });
export type MonitoringQuery = z.infer<typeof monitoringQuerySchema>;
