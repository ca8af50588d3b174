import type { ColumnType, Selectable } from 'kysely';

type CreatedAt = ColumnType<Date, Date | undefined, never>;
type UpdatedAt = ColumnType<Date, Date | undefined, Date>;
/** bigint columns come back as strings from both drivers; we write bigint or string. */
type Money = ColumnType<string, bigint | string, bigint | string>;
/** jsonb: read parsed, written as JSON text. */
type Json<T> = ColumnType<T, string, string>;

export type TargetUnit = 'household' | 'person';
export type AidPeriod = 'month' | 'year' | 'stage';
export type AidChannel = 'lkd' | 'giro_pos' | 'bank';
export type RateBasis = 'unit' | 'member';
export type EnrolmentStatus = 'pending_account' | 'enrolled' | 'suspended' | 'ended';

export type AidProgrammeTable = {
  id: string;
  code: string;
  name_id: string;
  name_en: string;
  target_unit: TargetUnit;
  period: AidPeriod;
  stages_per_year: number | null;
  channel: AidChannel;
  fund_id: string | null;
  member_cap: number | null;
  new_year_percent: number | null;
  final_year_percent: number | null;
  eligibility: Json<unknown>;
  /** Region codes rolled out first (seed 001: the 19 priority regencies); progress lists them first. */
  priority_regions: ColumnType<string[], string[] | undefined, string[]>;
  built_in: ColumnType<boolean, boolean | undefined, never>;
  active: boolean;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
};
export type AidBenefitRateTable = {
  id: string;
  programme_id: string;
  priority: number;
  category: string;
  basis: RateBasis;
  condition: Json<unknown>;
  amount: Money;
  max_per_unit: number | null;
  effective_from: string;
  effective_to: string | null;
};
export type AidPaymentWindowTable = { id: string; programme_id: string; starts_on: string; ends_on: string };
export type AidEnrolmentTable = {
  id: string;
  programme_id: string;
  household_id: string | null;
  person_id: string | null;
  unit_household_id: string;
  village_code: string;
  recipient_id: string;
  channel: AidChannel;
  account: string | null;
  status: EnrolmentStatus;
  enrolled_on: string;
  ended_on: string | null;
  reason: string | null;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
};

export type AidProgrammeRow = Selectable<AidProgrammeTable>;
export type AidBenefitRateRow = Selectable<AidBenefitRateTable>;
export type AidPaymentWindowRow = Selectable<AidPaymentWindowTable>;
export type AidEnrolmentRow = Selectable<AidEnrolmentTable>;

export type AidTables = {
  aid_programme: AidProgrammeTable;
  aid_benefit_rate: AidBenefitRateTable;
  aid_payment_window: AidPaymentWindowTable;
  aid_enrolment: AidEnrolmentTable;
} & AidPaymentTables;

export type CycleStatus = 'open' | 'approved' | 'closed';
export type ComputeState = 'idle' | 'computing' | 'computed';
export type EntitlementStatus = 'computed' | 'excluded' | 'approved' | 'instructed' | 'paid' | 'failed' | 'returned';
export type InstructionStatus = 'instructed' | 'paid' | 'failed' | 'returned';
export type ReconciliationOutcome = 'duplicate' | 'unknown' | 'mismatch' | 'invalid' | 'unchanged';

export type AidCycleTable = {
  id: string;
  programme_id: string;
  name: string;
  period_start: string;
  period_end: string;
  status: CycleStatus;
  compute_state: ComputeState;
  computed_at: Date | null;
  created_by: string;
  created_by_name: string;
  created_at: CreatedAt;
  approved_by: string | null;
  approved_by_name: string | null;
  approved_at: Date | null;
};
export type AidEntitlementTable = {
  id: string;
  cycle_id: string;
  enrolment_id: string;
  unit_household_id: string;
  person_id: string | null;
  village_code: string;
  recipient_id: string;
  channel: AidChannel;
  account: string;
  amount: Money;
  components: Json<unknown>;
  status: EntitlementStatus;
  exclusion_reason: string | null;
  excluded_by: string | null;
  approved_by: string | null;
  approved_at: Date | null;
  paid_on: string | null;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
};
export type AidInstructionBatchTable = {
  id: string;
  cycle_id: string;
  channel: AidChannel;
  number: number;
  instruction_count: number;
  total: Money;
  created_by: string;
  created_at: CreatedAt;
};
export type AidInstructionTable = {
  id: string;
  batch_id: string;
  entitlement_id: string;
  /** The period start of the instruction's cycle: the partition key (migration 0048). */
  period_start: string;
  reference: string;
  attempt: number;
  amount: Money;
  /** The recipient's name and KK number as instructed (the file is rebuilt from them). */
  payee_name: string;
  payee_kk: string;
  status: InstructionStatus;
  channel_reference: string | null;
  settled_on: string | null;
  reconciliation_id: string | null;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
};
export type AidReconciliationTable = {
  id: string;
  cycle_id: string;
  channel: AidChannel;
  file_name: string;
  file_sha256: string;
  line_count: number;
  counts: Json<Record<string, number>>;
  paid_total: Money;
  returned_total: Money;
  created_by: string;
  created_at: CreatedAt;
};
export type AidReconciliationIssueTable = {
  id: string;
  reconciliation_id: string;
  line_no: number;
  outcome: ReconciliationOutcome;
  reference: string | null;
  detail: string;
};

export type AidCycleRow = Selectable<AidCycleTable>;
export type AidEntitlementRow = Selectable<AidEntitlementTable>;
export type AidInstructionRow = Selectable<AidInstructionTable>;

export type AidPaymentTables = {
  aid_cycle: AidCycleTable;
  aid_entitlement: AidEntitlementTable;
  aid_instruction_batch: AidInstructionBatchTable;
  aid_instruction: AidInstructionTable;
  aid_reconciliation: AidReconciliationTable;
  aid_reconciliation_issue: AidReconciliationIssueTable;
};
