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
};
