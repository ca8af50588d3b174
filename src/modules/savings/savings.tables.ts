import type { ColumnType, Selectable } from 'kysely';
import type { SavingsKind } from './savings.rules.ts';

type CreatedAt = ColumnType<Date, Date | undefined, never>;
type UpdatedAt = ColumnType<Date, Date | undefined, Date>;
/** bigint columns come back as strings from both drivers; we write bigint or string. */
type Money = ColumnType<string, bigint | string, bigint | string>;

export type SavingsAccountTable = {
  id: string;
  number: string;
  person_id: string;
  office_id: string;
  region_code: string;
  kind: SavingsKind;
  status: ColumnType<'open' | 'closed', 'open' | 'closed' | undefined, 'open' | 'closed'>;
  balance: ColumnType<string, bigint | string | undefined, bigint | string>;
  movement_count: ColumnType<number, number | undefined, number>;
  opened_on: ColumnType<string, string, never>;
  closed_on: string | null;
  created_by: string;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
};
export type SavingsAccountSequenceTable = { office_id: string; kind: SavingsKind; last_value: number };
export type SavingsMovementTable = {
  id: string;
  account_id: string;
  seq: number;
  type: 'deposit' | 'withdrawal' | 'reversal' | 'closure';
  amount: Money;
  balance_after: Money;
  entry_id: string;
  value_date: ColumnType<string, string, never>;
  note: string | null;
  reverses_id: string | null;
  created_by: string;
  created_at: CreatedAt;
};
export type SavingsAccountRow = Selectable<SavingsAccountTable>;
export type SavingsMovementRow = Selectable<SavingsMovementTable>;

export type SavingsTables = {
  savings_account: SavingsAccountTable;
  savings_account_sequence: SavingsAccountSequenceTable;
  savings_movement: SavingsMovementTable;
};
