-- JKN-KIS contributions collected by cadres, the cash they hold until they deposit it, and
-- their visits to families. Money is on the ledger: collected cash is 1.1.03 (cash in transit,
-- tagged with the cadre) against 2.2.01 (contributions held for BPJS Kesehatan).

-- Through which month a family's PBPU contributions are paid (YYYY-MM), as recorded.
CREATE TABLE jkn_family_account (
  household_id uuid PRIMARY KEY REFERENCES household (id),
  paid_through text NOT NULL CHECK (paid_through ~ '^\d{4}-(0[1-9]|1[0-2])$'),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE jkn_contribution_payment (
  id uuid PRIMARY KEY,
  household_id uuid NOT NULL REFERENCES household (id),
  cadre_id uuid NOT NULL REFERENCES cadre (id),
  office_id uuid NOT NULL REFERENCES office (id),
  first_month text NOT NULL,
  months integer NOT NULL CHECK (months BETWEEN 1 AND 36),
  amount bigint NOT NULL CHECK (amount > 0),
  paid_on date NOT NULL,
  receipt_number text NOT NULL UNIQUE,
  received_by text NOT NULL,
  journal_entry_id uuid NOT NULL REFERENCES journal_entry (id),
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX jkn_contribution_payment_cadre ON jkn_contribution_payment (cadre_id, paid_on);
CREATE INDEX jkn_contribution_payment_household ON jkn_contribution_payment (household_id, paid_on);

CREATE TABLE jkn_cash_deposit (
  id uuid PRIMARY KEY,
  cadre_id uuid NOT NULL REFERENCES cadre (id),
  office_id uuid NOT NULL REFERENCES office (id),
  deposited_on date NOT NULL,
  amount bigint NOT NULL CHECK (amount > 0),
  channel text NOT NULL CHECK (channel IN ('bank', 'payment_point', 'office')),
  reference text NOT NULL,
  recorded_by text NOT NULL,
  journal_entry_id uuid NOT NULL REFERENCES journal_entry (id),
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX jkn_cash_deposit_cadre ON jkn_cash_deposit (cadre_id, deposited_on);

CREATE TABLE cadre_visit (
  id uuid PRIMARY KEY,
  cadre_id uuid NOT NULL REFERENCES cadre (id),
  household_id uuid NOT NULL REFERENCES household (id),
  visited_on date NOT NULL,
  kind text NOT NULL CHECK (kind IN ('socialisation', 'reminder', 'complaint', 'recruitment', 'follow_up')),
  outcome text NOT NULL CHECK (length(trim(outcome)) > 0),
  notes text,
  recorded_by text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX cadre_visit_cadre ON cadre_visit (cadre_id, visited_on);
CREATE INDEX cadre_visit_household ON cadre_visit (household_id, visited_on);
