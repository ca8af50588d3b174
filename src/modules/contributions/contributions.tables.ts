import type { ColumnType } from 'kysely';

type CreatedAt = ColumnType<Date, Date | undefined, never>;
type Money = ColumnType<string, bigint | string, never>;

export type JknFamilyAccountTable = { household_id: string; paid_through: string; updated_at: ColumnType<Date, Date | undefined, Date> };
export type JknContributionPaymentTable = {
  id: string;
  household_id: string;
  cadre_id: string;
  office_id: string;
  first_month: string;
  months: number;
  amount: Money;
  paid_on: string;
  receipt_number: string;
  received_by: string;
  journal_entry_id: string;
  created_at: CreatedAt;
};
export type JknCashDepositTable = {
  id: string;
  cadre_id: string;
  office_id: string;
  deposited_on: string;
  amount: Money;
  channel: 'bank' | 'payment_point' | 'office';
  reference: string;
  recorded_by: string;
  journal_entry_id: string;
  created_at: CreatedAt;
};
export type CadreVisitTable = {
  id: string;
  cadre_id: string;
  household_id: string;
  visited_on: string;
  kind: 'socialisation' | 'reminder' | 'complaint' | 'recruitment' | 'follow_up';
  outcome: string;
  notes: string | null;
  recorded_by: string;
  created_at: CreatedAt;
};
export type ContributionTables = {
  jkn_family_account: JknFamilyAccountTable;
  jkn_contribution_payment: JknContributionPaymentTable;
  jkn_cash_deposit: JknCashDepositTable;
  cadre_visit: CadreVisitTable;
};
