import type { ColumnType, Generated, Selectable } from 'kysely';
import type { Role } from '../../core/roles.ts';

type CreatedAt = ColumnType<Date, Date | undefined, never>;
type UpdatedAt = ColumnType<Date, Date | undefined, Date>;

export type AppUserTable = {
  id: string;
  username: string;
  full_name: string;
  role: Role;
  password_hash: string;
  area_codes: ColumnType<string[], string[] | undefined, string[]>;
  active: Generated<boolean>;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
};
export type UserOfficeTable = { user_id: string; office_id: string };
export type SessionTable = { id: string; token_hash: string; csrf_token: string; user_id: string; created_at: CreatedAt; expires_at: Date };
export type ApiTokenTable = {
  id: string;
  user_id: string;
  name: string;
  token_hash: string;
  token_prefix: string;
  created_at: CreatedAt;
  last_used_at: Date | null;
  revoked_at: Date | null;
};
/** Keyed by user id, or by a bucket of an unknown username's hash: never by what was typed. */
export type LoginAttemptTable = { key: string; attempted_at: Date[]; created_at: CreatedAt; updated_at: UpdatedAt };
export type UserRow = Selectable<AppUserTable>;
export type IdentityTables = {
  app_user: AppUserTable;
  user_office: UserOfficeTable;
  session: SessionTable;
  api_token: ApiTokenTable;
  login_attempt: LoginAttemptTable;
};
