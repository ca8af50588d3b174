import type { ColumnType, Generated, Selectable } from 'kysely';

type CreatedAt = ColumnType<Date, Date | undefined, never>;
type UpdatedAt = ColumnType<Date, Date | undefined, Date>;

export type CadreStatus = 'active' | 'suspended' | 'revoked';
export type CadreTable = {
  id: string;
  person_id: string;
  office_id: string;
  user_id: ColumnType<string | null, string | null | undefined, string | null>;
  phone: string;
  photo_url: string | null;
  letter_number: string;
  letter_date: string;
  signed_by: string;
  valid_until: string;
  status: Generated<CadreStatus>;
  card_version: Generated<number>;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
};
export type CadreRow = Selectable<CadreTable>;
export type CadreTrainingTable = {
  id: string;
  cadre_id: string;
  title: string;
  organiser: string;
  held_on: string;
  /** numeric(5,1): read back as an exact string. */
  hours: ColumnType<string, string, string>;
  certificate_number: string | null;
  created_by: string;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
};
export type CadrePhotoTable = {
  cadre_id: string;
  content_type: 'image/jpeg' | 'image/png';
  bytes: Buffer;
  sha256: string;
  uploaded_by: string;
  uploaded_at: UpdatedAt;
};
export type CadreFamilyTable = { household_id: string; cadre_id: string; assigned_by: string; assigned_at: CreatedAt };

export type JknSegment = 'PBPU' | 'PBI' | 'PPU';
export type JknParticipantTable = {
  person_id: string;
  card_number: string;
  segment: JknSegment;
  jkn_class: 'I' | 'II' | 'III';
  status: 'active' | 'inactive';
  status_recorded_on: string;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
};
export type JknRecruitmentTable = {
  household_id: string;
  cadre_id: string;
  recruited_on: string;
  recorded_by: string;
  recorded_at: CreatedAt;
};
export type CadreTables = {
  cadre: CadreTable;
  cadre_village: { cadre_id: string; village_code: string };
  cadre_training: CadreTrainingTable;
  cadre_family: CadreFamilyTable;
  cadre_photo: CadrePhotoTable;
  jkn_participant: JknParticipantTable;
  jkn_recruitment: JknRecruitmentTable;
};
