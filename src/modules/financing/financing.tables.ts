import type { ColumnType } from 'kysely';

type CreatedAt = ColumnType<Date, Date | undefined, never>;
type UpdatedAt = ColumnType<Date, Date | undefined, Date>;
/** bigint and numeric come back as strings from both drivers. */
type Money = ColumnType<string, bigint | string, bigint | string>;
type Defaulted<T> = ColumnType<T, T | undefined, T>;

export type FinancingProductTable = {
  id: string;
  code: string;
  name: string;
  kind: 'flat' | 'annuity' | 'equal_principal' | 'murabahah' | 'mudharabah' | 'musyarakah' | 'qardh';
  rate_percent: ColumnType<string, string, string>;
  member_nisbah_percent: string | null;
  frequency: 'weekly' | 'fortnightly' | 'monthly';
  min_amount: Money;
  max_amount: Money;
  min_installments: number;
  max_installments: number;
  grace_on_principal: number;
  grace_on_profit: number;
  rounding: 'half-up' | 'half-even';
  in_multiples_of: Money | null;
  penalty_per_mille_daily: ColumnType<string, string, string>;
  penalty_cap_percent: ColumnType<string, string, string>;
  allocation_order: ColumnType<string[], string[] | undefined, string[]>;
  active: Defaulted<boolean>;
  created_at: CreatedAt;
};

export type FinancingStatus = 'applied' | 'approved' | 'rejected' | 'disbursed' | 'closed' | 'written_off';
export type FinancingTable = {
  id: string;
  number: string;
  person_id: string;
  office_id: string;
  region_code: string;
  fund_id: string;
  product_id: string;
  group_id: string | null;
  business_id: string | null;
  facilitator_id: string | null;
  status: FinancingStatus;
  principal: Money;
  installments: number;
  lkm_capital_percent: string | null;
  purpose: string;
  group_recommendation: string | null;
  health_notes: string | null;
  applied_on: ColumnType<string, string, string>;
  created_by: string | null;
  created_by_name: string;
  decided_by: string | null;
  decided_at: Date | null;
  decision_note: string | null;
  disbursed_on: string | null;
  disbursement_method: 'cash' | 'transfer' | null;
  first_due_date: string | null;
  outstanding_principal: Defaulted<string | bigint>;
  outstanding_profit: Defaulted<string | bigint>;
  outstanding_penalty: Defaulted<string | bigint>;
  days_past_due: Defaulted<number>;
  overdue_amount: Defaulted<string | bigint>;
  quality_class: Defaulted<number>;
  closed_on: string | null;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
};

export type FinancingInstallmentTable = {
  financing_id: string;
  n: number;
  due_date: string;
  principal: Money;
  profit: Money;
  principal_paid: Defaulted<string | bigint>;
  profit_paid: Defaulted<string | bigint>;
  penalty: Defaulted<string | bigint>;
  penalty_paid: Defaulted<string | bigint>;
  reported_profit: string | bigint | null;
  reported_negligent: Defaulted<boolean>;
};

export type FinancingRepaymentTable = {
  id: string;
  financing_id: string;
  paid_on: string;
  amount: Money;
  principal: Money;
  profit: Money;
  penalty: Money;
  allocation: ColumnType<unknown, string, string>;
  channel: 'counter' | 'group_meeting' | 'field';
  received_by: string;
  journal_entry_id: string;
  reversal_entry_id: string | null;
  reversal_reason: string | null;
  /** The number of the receipt a field worker's phone gave (F007-00012), null at the counter. */
  field_receipt_number: ColumnType<string | null, string | null | undefined, never>;
  created_at: CreatedAt;
};

export type CloseDayRunTable = {
  business_date: string;
  started_at: CreatedAt;
  finished_at: Date | null;
  steps_done: ColumnType<string[], string[] | undefined, string[]>;
};

export type PortfolioSnapshotTable = {
  business_date: string;
  office_id: string;
  fund_id: string;
  group_id: string | null;
  facilitator_id: string | null;
  financings: number;
  outstanding: string;
  at_risk_1: string;
  at_risk_30: string;
  at_risk_90: string;
  by_class: string[];
  provision: string;
};

/** A financing as it stood at a month's end (or the business date in the month not over): migrations/0024. */
export type FinancingMonthFactTable = {
  month: string;
  financing_id: string;
  person_id: string;
  office_id: string;
  closed_month: string | null;
  in_portfolio: boolean;
  outstanding_principal: ColumnType<string, string | bigint, string | bigint>;
  days_past_due: number;
  due: number;
  on_time: number;
};
export type FinancingFactMonthTable = { month: string; end_day: string; stamp: ColumnType<string, string | bigint, string | bigint> };
export type FinancingFactDirtyTable = { financing_id: string };

export type FinancingTables = {
  portfolio_snapshot: PortfolioSnapshotTable;
  financing_month_fact: FinancingMonthFactTable;
  financing_fact_month: FinancingFactMonthTable;
  financing_fact_dirty: FinancingFactDirtyTable;
  financing_product: FinancingProductTable;
  financing: FinancingTable;
  financing_installment: FinancingInstallmentTable;
  financing_repayment: FinancingRepaymentTable;
  close_day_run: CloseDayRunTable;
};
