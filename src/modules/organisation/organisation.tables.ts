import type { ColumnType, Generated, Selectable } from 'kysely';

type CreatedAt = ColumnType<Date, Date | undefined, never>;
type UpdatedAt = ColumnType<Date, Date | undefined, Date>;

export type OrganisationTable = {
  id: string;
  name: string;
  is_demo: Generated<boolean>;
  /** Migration 0045: the letterhead's address, and the number to report a fake cadre card. */
  address: ColumnType<string | null, string | null | undefined, string | null>;
  report_contact: ColumnType<string | null, string | null | undefined, string | null>;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
};
export type OfficeKind = 'head' | 'branch' | 'unit';
export type OfficeTable = {
  id: string;
  code: string;
  name: string;
  kind: OfficeKind;
  region_code: string;
  address: string | null;
  active: Generated<boolean>;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
};
export type OfficeRegionTable = { office_id: string; region_code: string };
export type SettingTable = { key: string; value: unknown; updated_at: UpdatedAt };
export type OfficeRow = Selectable<OfficeTable>;
export type OrganisationTables = {
  organisation: OrganisationTable;
  office: OfficeTable;
  office_region: OfficeRegionTable;
  setting: SettingTable;
};
