import type { ColumnType } from 'kysely';

type CreatedAt = ColumnType<Date, Date | undefined, never>;
type UpdatedAt = ColumnType<Date, Date | undefined, Date>;
/** numeric columns arrive as strings from both databases. */
type Decimal = ColumnType<string, string | number, string | number>;

export type Disability = 'none' | 'physical' | 'sensory' | 'intellectual' | 'mental' | 'multiple';
export type KbMethod = 'none' | 'pill' | 'injection' | 'implant' | 'iud' | 'condom' | 'tubectomy' | 'vasectomy' | 'lam' | 'other';
export type ConditionCode = 'hipertensi' | 'diabetes' | 'tb_paru' | 'gangguan_jiwa' | 'lainnya';
export type Profession = 'doctor' | 'midwife' | 'nurse';
export type ScreeningMethod = 'iva' | 'pap_smear';
export type ScreeningResult = 'negative' | 'positive' | 'suspected_cancer' | 'inadequate';
export type ScreeningAction = 'none' | 'cryotherapy' | 'thermal_ablation' | 'referral' | 'repeat';
export type SessionTopic = 'reproductive_health' | 'nutrition' | 'hygiene' | 'tb' | 'hypertension' | 'jkn' | 'other';

export type HealthProfileTable = {
  person_id: string;
  pregnant: boolean;
  last_menstrual_period: string | null;
  expected_delivery: string | null;
  pregnancies: number | null;
  disability: Disability;
  smoker: boolean | null;
  kb_method: KbMethod | null;
  updated_at: UpdatedAt;
  updated_by: string | null;
};
export type HealthConditionTable = {
  person_id: string;
  code: ConditionCode;
  note: string;
  since: string | null;
  treated_regularly: boolean | null;
};
export type HouseholdHealthTable = {
  household_id: string;
  clean_water: boolean | null;
  healthy_latrine: boolean | null;
  updated_at: UpdatedAt;
  updated_by: string | null;
};
export type IksAnswerTable = { household_id: string; indicator: string; met: boolean; answered_on: string; answered_by: string | null };
export type IksSnapshotTable = { household_id: string; month: string; village_code: string; applicable: number; met: number };
export type HealthEncounterTable = {
  id: string;
  person_id: string;
  village_code: string;
  office_id: string;
  worker_id: string;
  profession: Profession;
  place: 'home' | 'clinic';
  encountered_on: string;
  complaint: string;
  systolic: number | null;
  diastolic: number | null;
  weight_kg: Decimal | null;
  height_cm: Decimal | null;
  temperature_c: Decimal | null;
  glucose_mg_dl: number | null;
  treatment: string;
  created_at: CreatedAt;
};
export type EncounterDiagnosisTable = { encounter_id: string; code: string; rank: number };
export type ReferralTable = {
  id: string;
  encounter_id: string;
  person_id: string;
  village_code: string;
  destination_kind: 'puskesmas' | 'hospital';
  destination: string;
  reason: string;
  referred_on: string;
  outcome: string | null;
  outcome_on: string | null;
  outcome_by: string | null;
  created_at: CreatedAt;
};
export type IllnessEpisodeTable = {
  id: string;
  person_id: string;
  village_code: string;
  from_on: string;
  to_on: string | null;
  days_unable: number | null;
  recorded_by: string | null;
  created_at: CreatedAt;
};
export type CounsellingSessionTable = {
  id: string;
  office_id: string;
  village_code: string;
  topic: SessionTopic;
  topic_note: string;
  held_on: string;
  place: string;
  group_id: string | null;
  worker_id: string;
  created_at: CreatedAt;
};
export type SessionAttendanceTable = { session_id: string; person_id: string };
export type ScreeningTable = {
  id: string;
  person_id: string;
  village_code: string;
  office_id: string;
  worker_id: string;
  method: ScreeningMethod;
  screened_on: string;
  result: ScreeningResult;
  action: ScreeningAction;
  next_due_on: string;
  created_at: CreatedAt;
};
export type ScreeningRuleTable = { effective_from: string; method: string; result: string; action: string; interval_months: number };
export type ScreeningTargetTable = { effective_from: string; method: string; sex: 'M' | 'F'; min_age: number; max_age: number };

/** Care-event months' change stamps and the comparison's monthly aggregates: migrations/0024. */
export type HealthCareMonthTable = { month: string; stamp: ColumnType<string, string | bigint, string | bigint> };
export type RepaymentComparisonMonthTable = {
  month: string;
  end_day: string;
  financing_stamp: ColumnType<string, string | bigint, string | bigint>;
  care_stamp: ColumnType<string, string | bigint, string | bigint>;
  figures: ColumnType<unknown, string, string>;
};

export type HealthTables = {
  health_care_month: HealthCareMonthTable;
  repayment_comparison_month: RepaymentComparisonMonthTable;
  health_profile: HealthProfileTable;
  health_condition: HealthConditionTable;
  household_health: HouseholdHealthTable;
  iks_answer: IksAnswerTable;
  iks_snapshot: IksSnapshotTable;
  health_encounter: HealthEncounterTable;
  encounter_diagnosis: EncounterDiagnosisTable;
  referral: ReferralTable;
  illness_episode: IllnessEpisodeTable;
  counselling_session: CounsellingSessionTable;
  session_attendance: SessionAttendanceTable;
  screening: ScreeningTable;
  screening_rule: ScreeningRuleTable;
  screening_target: ScreeningTargetTable;
};
