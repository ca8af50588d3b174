import type { ColumnType } from 'kysely';
import type { ActivityKind, Channel, PartnerKind, Pillar, ResourceKind, Step, WiderElement } from './partnership.rules.ts';

type CreatedAt = ColumnType<Date, Date | undefined, never>;
type UpdatedAt = ColumnType<Date, Date | undefined, Date>;
/** bigint columns come back as strings from both drivers; we write bigint or string. */
type Money = ColumnType<string | null, bigint | string | null, bigint | string | null>;

export type PartnerTable = {
  id: string;
  office_id: string;
  name: string;
  kind: PartnerKind;
  pillar: Pillar;
  wider_element: WiderElement | null;
  contact_name: string;
  contact_phone: string;
  contact_email: string;
  address: string;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
};
export type PartnershipTable = {
  id: string;
  office_id: string;
  title: string;
  started_on: string;
  step: ColumnType<Step, Step | undefined, Step>;
  exploration_notes: string;
  vision: string;
  goals: string;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
};
export type PartnershipVillageTable = { partnership_id: string; village_code: string };
export type PartnershipPartnerTable = { partnership_id: string; partner_id: string; responsibilities: string; joined_on: string };
export type PartnershipResourceTable = {
  id: string;
  partnership_id: string;
  partner_id: string;
  kind: ResourceKind;
  description: string;
  amount: Money;
  quantity: number | null;
  created_at: CreatedAt;
};
export type PartnershipStepTable = { partnership_id: string; step: Step; entered_on: string; entered_by: string; note: string };
export type PartnershipCommunicationTable = {
  id: string;
  partnership_id: string;
  held_on: string;
  channel: Channel;
  summary: string;
  partner_ids: string[];
  recorded_by: string;
  created_at: CreatedAt;
};
export type PartnershipActivityTable = {
  id: string;
  partnership_id: string;
  kind: ActivityKind;
  title: string;
  held_on: string;
  place: string;
  participants: number;
  notes: string;
  created_at: CreatedAt;
};
export type PartnershipActivityPartnerTable = { activity_id: string; partner_id: string };
export type PartnershipEvaluationTable = {
  id: string;
  partnership_id: string;
  evaluated_on: string;
  equity: number;
  transparency: number;
  mutual_benefit: number;
  findings: string;
  recommendations: string;
  evaluated_by: string;
  created_at: CreatedAt;
};
export type PartnershipAgreementTable = {
  id: string;
  partnership_id: string;
  number: string;
  title: string;
  starts_on: string;
  ends_on: string;
  document: Buffer | null;
  document_sha256: string | null;
  document_uploaded_at: Date | null;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
};
export type PartnershipAgreementPartyTable = { agreement_id: string; partner_id: string };

export type PartnershipTables = {
  partner: PartnerTable;
  partnership: PartnershipTable;
  partnership_village: PartnershipVillageTable;
  partnership_partner: PartnershipPartnerTable;
  partnership_resource: PartnershipResourceTable;
  partnership_step: PartnershipStepTable;
  partnership_communication: PartnershipCommunicationTable;
  partnership_activity: PartnershipActivityTable;
  partnership_activity_partner: PartnershipActivityPartnerTable;
  partnership_evaluation: PartnershipEvaluationTable;
  partnership_agreement: PartnershipAgreementTable;
  partnership_agreement_party: PartnershipAgreementPartyTable;
};
