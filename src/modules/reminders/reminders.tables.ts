import type { ColumnType } from 'kysely';
import type { Locale } from '../../core/locale.ts';
import type { Channel, ReminderKind, ReminderStatus } from './reminders.rules.ts';

type CreatedAt = ColumnType<Date, Date | undefined, never>;
type UpdatedAt = ColumnType<Date, Date | undefined, Date>;

export type RecipientKind = 'person' | 'user';

export type ReminderContactTable = {
  recipient_kind: RecipientKind;
  recipient_id: string;
  language: Locale;
  phone: string | null;
  email: string | null;
  opted_out: boolean;
  opted_out_at: Date | null;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
};

export type ReminderTable = {
  id: string;
  kind: ReminderKind;
  item_key: string;
  channel: Channel;
  recipient_kind: RecipientKind;
  recipient_id: string;
  recipient_name: string;
  address: string | null;
  office_id: string | null;
  region_code: string;
  due_on: string;
  language: Locale;
  params: Record<string, string | number>;
  status: ColumnType<ReminderStatus, ReminderStatus | undefined, ReminderStatus>;
  attempts: ColumnType<number, number | undefined, number>;
  max_attempts: number;
  next_attempt_at: Date;
  claimed_at: Date | null;
  sent_at: Date | null;
  last_error: string | null;
  provider_id: string | null;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
};

export type ReminderTables = { reminder: ReminderTable; reminder_contact: ReminderContactTable };
