import type { ColumnType, Generated, Selectable } from 'kysely';

type CreatedAt = ColumnType<Date, Date | undefined, never>;
type UpdatedAt = ColumnType<Date, Date | undefined, Date>;

export type CadreStatus = 'active' | 'suspended' | 'revoked';
export type CadreTable = {
  id: string;
  person_id: string;
  office_id: string;
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
export type CadreTables = { cadre: CadreTable; cadre_village: { cadre_id: string; village_code: string } };
