-- Member savings (simpanan pokok, wajib, sukarela) on the ledger. The account row holds the
-- member's balance, updated in the posting transaction with the row locked; every movement
-- is one journal entry and one append-only movement row carrying the running balance.

CREATE TABLE savings_account (
  id uuid PRIMARY KEY,
  -- Readable: office code, kind code, sequence per office and kind (YK01-SS-000042).
  number text NOT NULL UNIQUE,
  person_id uuid NOT NULL REFERENCES person (id),
  office_id uuid NOT NULL REFERENCES office (id),
  -- The member's village when the account was opened (the shard key of ARCHITECTURE.md).
  region_code text NOT NULL REFERENCES region (code),
  kind text NOT NULL CHECK (kind IN ('pokok', 'wajib', 'sukarela')),
  status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed')),
  balance bigint NOT NULL DEFAULT 0 CHECK (balance >= 0),
  movement_count integer NOT NULL DEFAULT 0 CHECK (movement_count >= 0),
  opened_on date NOT NULL,
  closed_on date,
  created_by text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK ((status = 'closed') = (closed_on IS NOT NULL)),
  CHECK (status = 'open' OR balance = 0)
);
-- One open account per person and kind; a member who left may join again later.
CREATE UNIQUE INDEX savings_account_open_per_kind ON savings_account (person_id, kind) WHERE status = 'open';
CREATE INDEX savings_account_office_number ON savings_account (office_id, number);

-- The last sequence used per office and kind; touched only when an account is opened.
CREATE TABLE savings_account_sequence (
  office_id uuid NOT NULL REFERENCES office (id),
  kind text NOT NULL CHECK (kind IN ('pokok', 'wajib', 'sukarela')),
  last_value integer NOT NULL CHECK (last_value > 0),
  PRIMARY KEY (office_id, kind)
);

CREATE TABLE savings_movement (
  id uuid PRIMARY KEY,
  account_id uuid NOT NULL REFERENCES savings_account (id),
  -- 1, 2, 3… per account: the statement's order and its cursor.
  seq integer NOT NULL CHECK (seq > 0),
  type text NOT NULL CHECK (type IN ('deposit', 'withdrawal', 'reversal', 'closure')),
  -- Signed: into the account (+) or out of it (−); never zero.
  amount bigint NOT NULL CHECK (amount <> 0),
  balance_after bigint NOT NULL CHECK (balance_after >= 0),
  entry_id uuid NOT NULL UNIQUE REFERENCES journal_entry (id),
  value_date date NOT NULL,
  note text,
  -- A counter-movement names the movement it reverses; a movement is reversed at most once.
  reverses_id uuid UNIQUE REFERENCES savings_movement (id),
  created_by text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (account_id, seq),
  CHECK ((type = 'reversal') = (reverses_id IS NOT NULL))
);

-- Movements are append-only like the journal they mirror (journal_refuse_change of 0010).
CREATE TRIGGER savings_movement_append_only BEFORE UPDATE OR DELETE ON savings_movement
  FOR EACH ROW EXECUTE FUNCTION journal_refuse_change();
CREATE TRIGGER savings_movement_no_truncate BEFORE TRUNCATE ON savings_movement
  FOR EACH STATEMENT EXECUTE FUNCTION journal_refuse_change();
