import type { ColumnType, Selectable } from 'kysely';

type CreatedAt = ColumnType<Date, Date | undefined, never>;
type UpdatedAt = ColumnType<Date, Date | undefined, Date>;

export type GroupKindTable = {
  code: string;
  name: string;
  counts: 'households' | 'members';
  min_size: number | null;
  max_size: number | null;
};
export type BusinessGroupTable = {
  id: string;
  kind: string;
  name: string;
  office_id: string;
  region_code: string;
  facilitator_id: string | null;
  account_number: string | null;
  formed_on: string;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
};
export type GroupVillageTable = { group_id: string; village_code: string };
export type GroupMemberTable = {
  group_id: string;
  person_id: string;
  household_id: string;
  kind: string;
  joined_on: string;
  left_on: string | null;
};
export type GroupOfficerTable = { group_id: string; role: 'ketua' | 'sekretaris' | 'bendahara'; person_id: string };
export type GroupMeetingTable = {
  id: string;
  group_id: string;
  held_on: string;
  place: string;
  agenda: string;
  decisions: string;
  minutes: string;
  recorded_by: string | null;
  created_at: CreatedAt;
};
export type MeetingAttendanceTable = { meeting_id: string; person_id: string; present: boolean };
export type GroupAssetTable = {
  id: string;
  group_id: string;
  item: string;
  value_rupiah: ColumnType<string, string | bigint, never>;
  received_on: string;
  source_programme: string;
  created_at: CreatedAt;
};
export type BusinessGroupRow = Selectable<BusinessGroupTable>;
export type GroupTables = {
  group_kind: GroupKindTable;
  business_group: BusinessGroupTable;
  group_village: GroupVillageTable;
  group_member: GroupMemberTable;
  group_officer: GroupOfficerTable;
  group_meeting: GroupMeetingTable;
  meeting_attendance: MeetingAttendanceTable;
  group_asset: GroupAssetTable;
};
