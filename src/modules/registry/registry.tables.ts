import type { ColumnType, Generated, Selectable } from 'kysely';

type CreatedAt = ColumnType<Date, Date | undefined, never>;
type UpdatedAt = ColumnType<Date, Date | undefined, Date>;

export type Relation =
  | 'head'
  | 'husband'
  | 'wife'
  | 'child'
  | 'child_in_law'
  | 'grandchild'
  | 'parent'
  | 'parent_in_law'
  | 'other_family'
  | 'other';

export type HouseholdTable = {
  id: string;
  kk_number: string;
  village_code: string;
  address: Generated<string>;
  rt: string | null;
  rw: string | null;
  /** The family's phone number ('' when none), for the cadre at the door. */
  phone: Generated<string>;
  welfare_decile: number | null;
  has_kks: Generated<boolean>;
  has_kis: Generated<boolean>;
  has_kip: Generated<boolean>;
  has_pkh: Generated<boolean>;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
};
export type PersonTable = {
  id: string;
  nik: string;
  full_name: string;
  sex: 'M' | 'F';
  birth_place: Generated<string>;
  birth_date: string;
  household_id: string;
  relation: Relation;
  village_code: string;
  died_on: string | null;
  /** The school the person attends now (SMA covers SMK and MA) and which year of it; null: not recorded. */
  school_level: ColumnType<'SD' | 'SMP' | 'SMA' | null, 'SD' | 'SMP' | 'SMA' | null | undefined, 'SD' | 'SMP' | 'SMA' | null>;
  school_year: ColumnType<
    'new' | 'middle' | 'final' | null,
    'new' | 'middle' | 'final' | null | undefined,
    'new' | 'middle' | 'final' | null
  >;
  merged_into: ColumnType<string | null, string | null | undefined, string | null>;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
};
export type HouseholdRow = Selectable<HouseholdTable>;
export type PersonRow = Selectable<PersonTable>;
export type RegistryTables = { household: HouseholdTable; person: PersonTable };

export type BusinessTable = {
  id: string;
  person_id: string;
  village_code: string;
  name: string;
  business_type: string;
  sector: string;
  started_on: string | null;
  capital_rupiah: ColumnType<string, string, string>;
  monthly_revenue_rupiah: ColumnType<string, string, string>;
  monthly_costs_rupiah: ColumnType<string, string, string>;
  active: Generated<boolean>;
  closed_on: ColumnType<string | null, string | null | undefined, string | null>;
  closed_reason: ColumnType<string | null, string | null | undefined, string | null>;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
};
export type DuplicateDecisionTable = {
  person_a: string;
  person_b: string;
  decision: 'merged' | 'distinct';
  kept_person: string | null;
  note: string;
  decided_by: string | null;
  decided_at: Date;
};
export type BusinessTables = { business: BusinessTable; duplicate_decision: DuplicateDecisionTable };
