import type { ColumnType } from 'kysely';

type CreatedAt = ColumnType<Date, Date | undefined, never>;
/** bigint columns come back as strings from both drivers; we write bigint or string. */
type Money = ColumnType<string, bigint | string, never>;

export type LedgerAccountTable = {
  code: string;
  name_id: string;
  name_en: string;
  type: 'asset' | 'liability' | 'equity' | 'income' | 'expense';
  parent_code: string | null;
  postable: boolean;
  scheme: 'both' | 'conventional' | 'sharia';
  contra: boolean;
  active: boolean;
  created_at: CreatedAt;
  updated_at: ColumnType<Date, Date | undefined, Date>;
};
export type FundTable = {
  id: string;
  code: string;
  name: string;
  kind: 'own_capital' | 'stimulus' | 'group_revolving';
  source: string;
  office_id: string;
  group_id: string | null;
  active: ColumnType<boolean, boolean | undefined, boolean>;
  created_at: CreatedAt;
};
export type JournalEntryTable = {
  id: string;
  office_id: string;
  entry_date: ColumnType<string, string, never>;
  memo: string;
  source_type: string;
  source_id: string | null;
  reverses_id: string | null;
  created_by: string;
  created_at: CreatedAt;
};
export type JournalLineTable = {
  entry_id: string;
  line_no: number;
  account_code: string;
  office_id: string;
  entry_date: ColumnType<string, string, never>;
  debit: Money;
  credit: Money;
  fund_id: string | null;
  party_type: string | null;
  party_id: string | null;
};
export type CashDrawerTable = {
  id: string;
  office_id: string;
  cashier_id: string;
  business_date: ColumnType<string, string, never>;
  opening_float: ColumnType<string, bigint | string, never>;
  status: ColumnType<'open' | 'closed', 'open' | undefined, 'closed'>;
  opened_by: string;
  closed_at: ColumnType<Date | null, never, Date>;
  closed_by: ColumnType<string | null, never, string>;
  expected_cash: ColumnType<string | null, never, bigint | string>;
  counted_cash: ColumnType<string | null, never, bigint | string>;
  difference: ColumnType<string | null, never, bigint | string>;
  difference_entry_id: ColumnType<string | null, never, string | null>;
  closing_note: ColumnType<string | null, never, string | null>;
  /** jsonb: [{ value, pieces }] of the closing count (migration 0044). */
  counted_pieces: ColumnType<{ value: number; pieces: number }[] | null, never, string | null>;
  created_at: CreatedAt;
  updated_at: ColumnType<Date, Date | undefined, Date>;
};

export type LedgerTables = {
  ledger_account: LedgerAccountTable;
  fund: FundTable;
  journal_entry: JournalEntryTable;
  journal_line: JournalLineTable;
  cash_drawer: CashDrawerTable;
};
