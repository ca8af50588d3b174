-- A cashier's cash drawer (laci kas) for one business day at one office. Its money is the
-- teller-cash lines (1.1.01) tagged with it (party_type 'cash_drawer'); the row only holds
-- the counted float, the count at closing and the difference posted then.

CREATE TABLE cash_drawer (
  id uuid PRIMARY KEY,
  office_id uuid NOT NULL REFERENCES office (id),
  cashier_id uuid NOT NULL REFERENCES app_user (id),
  business_date date NOT NULL,
  opening_float bigint NOT NULL CHECK (opening_float >= 0),
  status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed')),
  opened_by text NOT NULL,
  closed_at timestamptz,
  closed_by text,
  -- At closing: what the journal says the drawer holds, what was counted, counted − expected.
  expected_cash bigint,
  counted_cash bigint CHECK (counted_cash >= 0),
  difference bigint,
  difference_entry_id uuid REFERENCES journal_entry (id),
  closing_note text,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK ((status = 'closed') = (closed_at IS NOT NULL)),
  CHECK (
    status = 'open'
    OR (expected_cash IS NOT NULL AND counted_cash IS NOT NULL AND difference = counted_cash - expected_cash)
  )
);
-- One open drawer per cashier; a second open is refused by the database too.
CREATE UNIQUE INDEX cash_drawer_one_open ON cash_drawer (cashier_id) WHERE status = 'open';
CREATE INDEX cash_drawer_office_date ON cash_drawer (office_id, business_date);
