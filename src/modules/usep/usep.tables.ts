import type { ColumnType } from 'kysely';

type CreatedAt = ColumnType<Date, Date | undefined, never>;
type UpdatedAt = ColumnType<Date, Date | undefined, Date>;
/** bigint columns come back as strings from both drivers; we write bigint or string. */
type Money = ColumnType<string, bigint | string, bigint | string>;

export type StimulusAllocationTable = {
  id: string;
  stimulus_fund_id: string;
  group_id: string;
  group_fund_id: string;
  amount: Money;
  allocated_on: string;
  reference: string;
  journal_entry_id: string;
  created_by: string;
  created_at: CreatedAt;
};
export type StimulusRecipientTable = {
  financing_id: string;
  group_id: string;
  meeting_id: string;
  person_id: string;
  household_id: string;
  amount: Money;
  generation: number;
  created_at: CreatedAt;
};
export type StimulusSourceTable = {
  financing_id: string;
  n: number;
  source_kind: 'stimulus' | 'repayment' | 'group';
  allocation_id: string | null;
  source_financing_id: string | null;
  amount: Money;
};
export type GroupReportTable = {
  id: string;
  group_id: string;
  office_id: string;
  region_code: string;
  period_start: string;
  period_end: string;
  version: number;
  previous_id: string | null;
  number: string;
  status: 'draft' | 'submitted' | 'returned' | 'accepted' | 'acknowledged' | 'received' | 'superseded';
  narrative: string;
  problems: string;
  compiled: ColumnType<unknown, string | null, string | null>;
  created_by: string;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
};
export type GroupReportStepTable = {
  report_id: string;
  n: number;
  step: 'submitted' | 'returned' | 'accepted' | 'acknowledged' | 'received' | 'copied';
  by_user_id: string | null;
  by_name: string;
  by_role: string;
  region_code: string | null;
  note: string;
  at: Date;
};
export type BusinessMonthTable = {
  business_id: string;
  month: string;
  capital_rupiah: Money;
  revenue_rupiah: Money;
  costs_rupiah: Money;
  recorded_by: string;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
};
export type CoachingSessionTable = {
  id: string;
  group_id: string | null;
  region_code: string;
  held_on: string;
  topic: 'business_management' | 'marketing' | 'bookkeeping' | 'production' | 'other';
  title: string;
  notes: string;
  follow_up: string;
  coach_name: string;
  recorded_by: string;
  created_at: CreatedAt;
};
export type CoachingAttendanceTable = { session_id: string; person_id: string; present: boolean; follow_up: string };
export type MergedBusinessTable = {
  id: string;
  group_id: string;
  meeting_id: string;
  name: string;
  business_type: string;
  merged_on: string;
  closed_on: string | null;
  created_at: CreatedAt;
};
export type MergedBusinessMemberTable = { merged_id: string; business_id: string; person_id: string; share_bp: number };
export type MergedBusinessMonthTable = {
  merged_id: string;
  month: string;
  capital_rupiah: Money;
  revenue_rupiah: Money;
  costs_rupiah: Money;
  recorded_by: string;
  created_at: CreatedAt;
};

export type UsepTables = {
  stimulus_allocation: StimulusAllocationTable;
  stimulus_recipient: StimulusRecipientTable;
  stimulus_source: StimulusSourceTable;
  group_report: GroupReportTable;
  group_report_step: GroupReportStepTable;
  business_month: BusinessMonthTable;
  coaching_session: CoachingSessionTable;
  coaching_attendance: CoachingAttendanceTable;
  merged_business: MergedBusinessTable;
  merged_business_member: MergedBusinessMemberTable;
  merged_business_month: MergedBusinessMonthTable;
};
