-- Financing: products (conventional and sharia), applications through closure, the
-- instalment schedule with what has been paid, repayments, and the daily arrears picture.

CREATE TABLE financing_product (
  id uuid PRIMARY KEY,
  code text NOT NULL UNIQUE CHECK (code ~ '^[A-Z0-9-]{2,20}$'),
  name text NOT NULL CHECK (length(trim(name)) > 0),
  kind text NOT NULL CHECK (kind IN ('flat', 'annuity', 'equal_principal', 'murabahah', 'mudharabah', 'musyarakah', 'qardh')),
  -- Conventional: yearly interest rate. Murabahah: margin over the whole term, % of cost.
  rate_percent numeric(9, 4) NOT NULL DEFAULT 0 CHECK (rate_percent >= 0),
  -- Mudharabah / musyarakah: the member's share of profit (the LKM keeps the rest).
  member_nisbah_percent numeric(7, 4) CHECK (member_nisbah_percent BETWEEN 0 AND 100),
  frequency text NOT NULL CHECK (frequency IN ('weekly', 'fortnightly', 'monthly')),
  min_amount bigint NOT NULL CHECK (min_amount > 0),
  max_amount bigint NOT NULL,
  min_installments integer NOT NULL CHECK (min_installments > 0),
  max_installments integer NOT NULL,
  grace_on_principal integer NOT NULL DEFAULT 0 CHECK (grace_on_principal >= 0),
  grace_on_profit integer NOT NULL DEFAULT 0 CHECK (grace_on_profit >= 0),
  rounding text NOT NULL DEFAULT 'half-up' CHECK (rounding IN ('half-up', 'half-even')),
  in_multiples_of bigint CHECK (in_multiples_of > 0),
  -- Late charge: per mille of the overdue instalment per day late, at most a cap per instalment.
  penalty_per_mille_daily numeric(7, 4) NOT NULL DEFAULT 0 CHECK (penalty_per_mille_daily >= 0),
  penalty_cap_percent numeric(7, 4) NOT NULL DEFAULT 0 CHECK (penalty_cap_percent >= 0),
  allocation_order text[] NOT NULL DEFAULT ARRAY['penalty', 'profit', 'principal'],
  active boolean NOT NULL DEFAULT true,
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK (max_amount >= min_amount),
  CHECK (max_installments >= min_installments),
  CHECK ((kind IN ('mudharabah', 'musyarakah')) = (member_nisbah_percent IS NOT NULL))
);

CREATE TABLE financing (
  id uuid PRIMARY KEY,
  number text NOT NULL UNIQUE,
  person_id uuid NOT NULL REFERENCES person (id),
  office_id uuid NOT NULL REFERENCES office (id),
  region_code text NOT NULL REFERENCES region (code),
  fund_id uuid NOT NULL REFERENCES fund (id),
  product_id uuid NOT NULL REFERENCES financing_product (id),
  group_id uuid REFERENCES business_group (id),
  business_id uuid REFERENCES business (id),
  facilitator_id uuid REFERENCES app_user (id),
  status text NOT NULL CHECK (status IN ('applied', 'approved', 'rejected', 'disbursed', 'closed', 'written_off')),
  principal bigint NOT NULL CHECK (principal > 0),
  installments integer NOT NULL CHECK (installments > 0),
  -- Musyarakah: the LKM's share of the venture's capital, in %.
  lkm_capital_percent numeric(7, 4),
  purpose text NOT NULL,
  group_recommendation text,
  health_notes text,
  applied_on date NOT NULL,
  created_by uuid REFERENCES app_user (id),
  created_by_name text NOT NULL,
  decided_by uuid REFERENCES app_user (id),
  decided_at timestamptz,
  decision_note text,
  disbursed_on date,
  disbursement_method text CHECK (disbursement_method IN ('cash', 'transfer')),
  first_due_date date,
  -- The member-side balances, updated with the row locked in each posting transaction.
  outstanding_principal bigint NOT NULL DEFAULT 0,
  outstanding_profit bigint NOT NULL DEFAULT 0,
  outstanding_penalty bigint NOT NULL DEFAULT 0,
  -- The close of day's picture.
  days_past_due integer NOT NULL DEFAULT 0,
  overdue_amount bigint NOT NULL DEFAULT 0,
  quality_class smallint NOT NULL DEFAULT 1 CHECK (quality_class BETWEEN 1 AND 5),
  closed_on date,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX financing_person ON financing (person_id);
CREATE INDEX financing_queue ON financing (fund_id, decided_at) WHERE status = 'approved';
CREATE INDEX financing_active ON financing (office_id) WHERE status = 'disbursed';
CREATE INDEX financing_group ON financing (group_id) WHERE group_id IS NOT NULL;

CREATE TABLE financing_installment (
  financing_id uuid NOT NULL REFERENCES financing (id),
  n integer NOT NULL CHECK (n > 0),
  due_date date NOT NULL,
  principal bigint NOT NULL CHECK (principal >= 0),
  profit bigint NOT NULL CHECK (profit >= 0),
  principal_paid bigint NOT NULL DEFAULT 0,
  profit_paid bigint NOT NULL DEFAULT 0,
  penalty bigint NOT NULL DEFAULT 0,
  penalty_paid bigint NOT NULL DEFAULT 0,
  -- Mudharabah / musyarakah: the member's reported result for the period.
  reported_profit bigint,
  PRIMARY KEY (financing_id, n),
  CHECK (principal_paid BETWEEN 0 AND principal),
  CHECK (profit_paid BETWEEN 0 AND profit),
  CHECK (penalty_paid BETWEEN 0 AND penalty)
);
CREATE INDEX financing_installment_due ON financing_installment (due_date) WHERE principal_paid < principal OR profit_paid < profit;

CREATE TABLE financing_repayment (
  id uuid PRIMARY KEY,
  financing_id uuid NOT NULL REFERENCES financing (id),
  paid_on date NOT NULL,
  amount bigint NOT NULL CHECK (amount > 0),
  principal bigint NOT NULL,
  profit bigint NOT NULL,
  penalty bigint NOT NULL,
  -- [{n, principal, profit, penalty}] so that a reversal can undo exactly this allocation.
  allocation jsonb NOT NULL,
  channel text NOT NULL CHECK (channel IN ('counter', 'group_meeting', 'field')),
  received_by text NOT NULL,
  journal_entry_id uuid NOT NULL REFERENCES journal_entry (id),
  reversal_entry_id uuid REFERENCES journal_entry (id),
  reversal_reason text,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX financing_repayment_financing ON financing_repayment (financing_id, paid_on);

-- Close of day: one run per date; its steps are marked done so a killed run resumes.
CREATE TABLE close_day_run (
  business_date date PRIMARY KEY,
  started_at timestamptz NOT NULL DEFAULT now(),
  finished_at timestamptz,
  steps_done text[] NOT NULL DEFAULT '{}'
);
CREATE TABLE portfolio_snapshot (
  business_date date NOT NULL,
  office_id uuid NOT NULL REFERENCES office (id),
  fund_id uuid NOT NULL REFERENCES fund (id),
  group_id uuid,
  facilitator_id uuid,
  financings integer NOT NULL,
  outstanding bigint NOT NULL,
  at_risk_1 bigint NOT NULL,
  at_risk_30 bigint NOT NULL,
  at_risk_90 bigint NOT NULL,
  by_class bigint[] NOT NULL,
  provision bigint NOT NULL
);
CREATE INDEX portfolio_snapshot_date ON portfolio_snapshot (business_date, office_id);
