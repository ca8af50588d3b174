import { z } from 'zod';

export const timelineParamsSchema = z.strictObject({ id: z.uuid() });

export const TIMELINE_KINDS = [
  'registered',
  'group_joined',
  'group_left',
  'financing_applied',
  'financing_approved',
  'financing_rejected',
  'financing_disbursed',
  'financing_repaid',
  'financing_closed',
  'financing_written_off',
  'aid_paid',
  'jkn_paid',
  'cadre_visit',
  'health_encounter',
] as const;
export type TimelineKind = (typeof TIMELINE_KINDS)[number];

export const timelineEventSchema = z.object({
  on: z.string(),
  kind: z.enum(TIMELINE_KINDS),
  /** What the event is about, to link to: a financing, a group, an aid cycle, an encounter (or null). */
  ref: z.object({ type: z.enum(['financing', 'group', 'cycle', 'encounter']), id: z.string() }).nullable(),
  /** A financing's number, a group's name, a cycle's name, a visit's outcome, an encounter's primary diagnosis. */
  label: z.string().nullable(),
  /** Whole rupiah as a decimal string, when the event moved money. */
  amount: z.string().nullable(),
});
export type TimelineEvent = z.infer<typeof timelineEventSchema>;

/**
 * A person's timeline, newest first, and what they owe: only the parts the role reads (a part it
 * may not read is null, its events left out).
 */
export const timelineSchema = z.object({
  personId: z.string(),
  asOf: z.string(),
  totals: z.object({
    /** Running financings: what instalments due before today still ask for, and everything still owed. */
    financing: z.object({ running: z.number(), overdue: z.string(), owed: z.string() }).nullable(),
    /** The family's JKN contributions (PBPU): months in arrears and the amount owed for them (null: no paying members or unknown). */
    jkn: z.object({ status: z.enum(['active', 'inactive']), arrearsMonths: z.number(), arrearsAmount: z.string() }).nullable(),
  }),
  events: z.array(timelineEventSchema),
});
export type TimelineView = z.infer<typeof timelineSchema>;

/** A family at a glance: where, how to reach them, and each member's flags (null: a part the role does not read). */
export const householdOverviewSchema = z.object({
  householdId: z.string(),
  address: z.string(),
  rt: z.string().nullable(),
  rw: z.string().nullable(),
  phone: z.string(),
  asOf: z.string(),
  /** Which parts the role reads: a member's null flag in a part it reads means "none" (no financing, no card). */
  parts: z.object({ financing: z.boolean(), jkn: z.boolean(), aid: z.boolean() }),
  /** The family's own programmes (a KKS household card, PKH). */
  aidProgrammes: z.array(z.object({ code: z.string(), name: z.string(), status: z.string() })).nullable(),
  members: z.array(
    z.object({
      personId: z.string(),
      fullName: z.string(),
      relation: z.string(),
      deceased: z.boolean(),
      financing: z.object({ running: z.number(), overdue: z.string(), daysPastDue: z.number() }).nullable(),
      jkn: z.object({ segment: z.string(), jknClass: z.string(), status: z.enum(['active', 'inactive']) }).nullable(),
      aidProgrammes: z.array(z.object({ code: z.string(), name: z.string(), status: z.string() })).nullable(),
    }),
  ),
  totals: z.object({ financingOverdue: z.string().nullable(), membersInArrears: z.number().nullable() }),
});
export type HouseholdOverview = z.infer<typeof householdOverviewSchema>;
