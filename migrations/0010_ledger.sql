-- Double-entry ledger in integer rupiah: chart of accounts, journal entries and lines,
-- funds (pools of capital as a dimension on lines) and idempotency records for
-- money-moving requests. Posted lines are append-only; corrections are counter-entries.

CREATE TABLE ledger_account (
  code text PRIMARY KEY CHECK (code ~ '^[1-5](\.[0-9]{1,3}){0,3}$'),
  name_id text NOT NULL,
  name_en text NOT NULL,
  type text NOT NULL CHECK (type IN ('asset', 'liability', 'equity', 'income', 'expense')),
  parent_code text REFERENCES ledger_account (code),
  -- Header accounts group others and take no postings.
  postable boolean NOT NULL DEFAULT true,
  -- Which institutions use it: both, conventional LKM only, or sharia (KSPPS) only.
  scheme text NOT NULL DEFAULT 'both' CHECK (scheme IN ('both', 'conventional', 'sharia')),
  -- A contra account sits under its type with the opposite normal side (e.g. loan-loss reserve).
  contra boolean NOT NULL DEFAULT false,
  active boolean NOT NULL DEFAULT true,
  created_at timestamptz NOT NULL DEFAULT now()
);

-- Default chart for an Indonesian LKM / KSPPS (after SAK EP and PSAK 102/105/106 usage).
INSERT INTO ledger_account (code, name_id, name_en, type, parent_code, postable, scheme, contra) VALUES
  ('1', 'Aset', 'Assets', 'asset', NULL, false, 'both', false),
  ('1.1', 'Kas dan setara kas', 'Cash and cash equivalents', 'asset', '1', false, 'both', false),
  ('1.1.01', 'Kas teller', 'Teller cash', 'asset', '1.1', true, 'both', false),
  ('1.1.02', 'Kas di bank', 'Cash at bank', 'asset', '1.1', true, 'both', false),
  ('1.1.03', 'Kas dalam perjalanan (setoran kader/pendamping)', 'Cash in transit (cadre/facilitator collections)', 'asset', '1.1', true, 'both', false),
  ('1.2', 'Pembiayaan yang diberikan', 'Financing receivable', 'asset', '1', false, 'both', false),
  ('1.2.01', 'Pinjaman yang diberikan', 'Loans receivable', 'asset', '1.2', true, 'conventional', false),
  ('1.2.02', 'Piutang murabahah', 'Murabahah receivable', 'asset', '1.2', true, 'sharia', false),
  ('1.2.03', 'Margin murabahah ditangguhkan', 'Deferred murabahah margin', 'asset', '1.2', true, 'sharia', true),
  ('1.2.04', 'Pembiayaan mudharabah', 'Mudharabah financing', 'asset', '1.2', true, 'sharia', false),
  ('1.2.05', 'Pembiayaan musyarakah', 'Musyarakah financing', 'asset', '1.2', true, 'sharia', false),
  ('1.2.06', 'Pinjaman qardh', 'Qardh loans', 'asset', '1.2', true, 'sharia', false),
  ('1.2.09', 'Cadangan kerugian pembiayaan (PPAP)', 'Allowance for financing losses', 'asset', '1.2', true, 'both', true),
  ('1.3', 'Piutang lain', 'Other receivables', 'asset', '1', false, 'both', false),
  ('1.3.01', 'Pendapatan bunga/margin yang akan diterima', 'Accrued interest/profit receivable', 'asset', '1.3', true, 'both', false),
  ('1.3.02', 'Piutang denda', 'Penalties receivable', 'asset', '1.3', true, 'both', false),
  ('2', 'Kewajiban', 'Liabilities', 'liability', NULL, false, 'both', false),
  ('2.1', 'Simpanan anggota', 'Member savings', 'liability', '2', false, 'both', false),
  ('2.1.01', 'Simpanan sukarela', 'Voluntary savings', 'liability', '2.1', true, 'both', false),
  ('2.2', 'Titipan', 'Funds held for others', 'liability', '2', false, 'both', false),
  ('2.2.01', 'Titipan iuran JKN', 'JKN contributions held', 'liability', '2.2', true, 'both', false),
  ('2.2.02', 'Dana kebajikan (denda syariah)', 'Benevolence fund (sharia penalties)', 'liability', '2.2', true, 'sharia', false),
  ('2.2.03', 'Titipan lain', 'Other funds held', 'liability', '2.2', true, 'both', false),
  ('3', 'Ekuitas', 'Equity', 'equity', NULL, false, 'both', false),
  ('3.1', 'Modal anggota', 'Members'' capital', 'equity', '3', false, 'both', false),
  ('3.1.01', 'Simpanan pokok', 'Principal membership savings', 'equity', '3.1', true, 'both', false),
  ('3.1.02', 'Simpanan wajib', 'Mandatory savings', 'equity', '3.1', true, 'both', false),
  ('3.2', 'Modal dana', 'Fund capital', 'equity', '3', false, 'both', false),
  ('3.2.01', 'Modal sendiri LKM', 'Own capital', 'equity', '3.2', true, 'both', false),
  ('3.2.02', 'Dana hibah / stimulus (dana bergulir)', 'Grants and stimulus (revolving funds)', 'equity', '3.2', true, 'both', false),
  ('3.3', 'Saldo laba', 'Retained earnings', 'equity', '3', false, 'both', false),
  ('3.3.01', 'Saldo laba ditahan', 'Retained earnings', 'equity', '3.3', true, 'both', false),
  ('4', 'Pendapatan', 'Income', 'income', NULL, false, 'both', false),
  ('4.1', 'Pendapatan pembiayaan', 'Financing income', 'income', '4', false, 'both', false),
  ('4.1.01', 'Pendapatan bunga', 'Interest income', 'income', '4.1', true, 'conventional', false),
  ('4.1.02', 'Pendapatan margin murabahah', 'Murabahah margin income', 'income', '4.1', true, 'sharia', false),
  ('4.1.03', 'Pendapatan bagi hasil mudharabah', 'Mudharabah profit share', 'income', '4.1', true, 'sharia', false),
  ('4.1.04', 'Pendapatan bagi hasil musyarakah', 'Musyarakah profit share', 'income', '4.1', true, 'sharia', false),
  ('4.2', 'Pendapatan lain', 'Other income', 'income', '4', false, 'both', false),
  ('4.2.01', 'Pendapatan denda', 'Penalty income', 'income', '4.2', true, 'conventional', false),
  ('4.2.02', 'Pendapatan administrasi', 'Administration fees', 'income', '4.2', true, 'both', false),
  ('4.2.03', 'Selisih lebih kas', 'Cash overage', 'income', '4.2', true, 'both', false),
  ('4.2.04', 'Penerimaan kembali pembiayaan dihapus buku', 'Recoveries of written-off financing', 'income', '4.2', true, 'both', false),
  ('5', 'Beban', 'Expenses', 'expense', NULL, false, 'both', false),
  ('5.1', 'Beban pembiayaan', 'Financing expenses', 'expense', '5', false, 'both', false),
  ('5.1.01', 'Beban penyisihan kerugian pembiayaan', 'Provision for financing losses', 'expense', '5.1', true, 'both', false),
  ('5.1.02', 'Beban kerugian mudharabah/musyarakah', 'Mudharabah/musyarakah losses', 'expense', '5.1', true, 'sharia', false),
  ('5.2', 'Beban operasional', 'Operating expenses', 'expense', '5', false, 'both', false),
  ('5.2.01', 'Selisih kurang kas', 'Cash shortage', 'expense', '5.2', true, 'both', false),
  ('5.2.02', 'Beban operasional lain', 'Other operating expenses', 'expense', '5.2', true, 'both', false);

-- A fund is a pool of capital lent, repaid and lent again: the LKM's own capital, a USEP
-- stimulus budget, a group's revolving fund. Its money is the lines tagged with it.
CREATE TABLE fund (
  id uuid PRIMARY KEY,
  code text NOT NULL UNIQUE CHECK (code ~ '^[A-Z0-9-]{2,20}$'),
  name text NOT NULL CHECK (length(trim(name)) > 0),
  kind text NOT NULL CHECK (kind IN ('own_capital', 'stimulus', 'group_revolving')),
  source text NOT NULL CHECK (length(trim(source)) > 0),
  office_id uuid NOT NULL REFERENCES office (id),
  group_id uuid REFERENCES business_group (id),
  -- Disbursements lock this row so two cannot together overdraw the fund.
  active boolean NOT NULL DEFAULT true,
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK ((kind = 'group_revolving') = (group_id IS NOT NULL))
);

CREATE TABLE journal_entry (
  id uuid PRIMARY KEY,
  office_id uuid NOT NULL REFERENCES office (id),
  entry_date date NOT NULL,
  memo text NOT NULL,
  source_type text NOT NULL,
  source_id uuid,
  -- A counter-entry names the entry it reverses; an entry is reversed at most once.
  reverses_id uuid UNIQUE REFERENCES journal_entry (id),
  created_by text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX journal_entry_source ON journal_entry (source_type, source_id);
CREATE INDEX journal_entry_office_date ON journal_entry (office_id, entry_date);

CREATE TABLE journal_line (
  entry_id uuid NOT NULL REFERENCES journal_entry (id),
  line_no smallint NOT NULL CHECK (line_no > 0),
  account_code text NOT NULL REFERENCES ledger_account (code),
  office_id uuid NOT NULL REFERENCES office (id),
  entry_date date NOT NULL,
  debit bigint NOT NULL DEFAULT 0 CHECK (debit >= 0),
  credit bigint NOT NULL DEFAULT 0 CHECK (credit >= 0),
  fund_id uuid REFERENCES fund (id),
  -- The member-side record the line belongs to (a financing, a savings account, a cadre).
  party_type text,
  party_id uuid,
  PRIMARY KEY (entry_id, line_no),
  CHECK ((debit > 0) <> (credit > 0)),
  CHECK ((party_type IS NULL) = (party_id IS NULL))
);
CREATE INDEX journal_line_account_date ON journal_line (account_code, entry_date);
CREATE INDEX journal_line_fund ON journal_line (fund_id, account_code) WHERE fund_id IS NOT NULL;
CREATE INDEX journal_line_party ON journal_line (party_id, entry_date) WHERE party_id IS NOT NULL;

-- Only postable accounts take lines.
CREATE FUNCTION journal_line_check_account() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM ledger_account WHERE code = NEW.account_code AND postable AND active) THEN
    RAISE EXCEPTION 'account % takes no postings', NEW.account_code USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER journal_line_postable BEFORE INSERT ON journal_line
  FOR EACH ROW EXECUTE FUNCTION journal_line_check_account();

-- Debits equal credits for every entry, checked by the database at commit, whoever writes.
CREATE FUNCTION journal_check_balanced(entry uuid) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  lines integer;
  difference bigint;
BEGIN
  SELECT count(*), coalesce(sum(debit) - sum(credit), 0) INTO lines, difference FROM journal_line WHERE entry_id = entry;
  IF lines < 2 OR difference <> 0 THEN
    RAISE EXCEPTION 'journal entry % is unbalanced (% lines, debit - credit = %)', entry, lines, difference
      USING ERRCODE = 'check_violation';
  END IF;
END $$;
CREATE FUNCTION journal_entry_check_balanced() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM journal_check_balanced(NEW.id);
  RETURN NULL;
END $$;
CREATE FUNCTION journal_line_check_balanced() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM journal_check_balanced(NEW.entry_id);
  RETURN NULL;
END $$;
CREATE CONSTRAINT TRIGGER journal_entry_balanced AFTER INSERT ON journal_entry
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION journal_entry_check_balanced();
CREATE CONSTRAINT TRIGGER journal_line_balanced AFTER INSERT ON journal_line
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION journal_line_check_balanced();

CREATE FUNCTION journal_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only: % refused (post a reversing entry instead)', TG_TABLE_NAME, TG_OP
    USING ERRCODE = 'insufficient_privilege';
END $$;
CREATE TRIGGER journal_entry_append_only BEFORE UPDATE OR DELETE ON journal_entry
  FOR EACH ROW EXECUTE FUNCTION journal_refuse_change();
CREATE TRIGGER journal_entry_no_truncate BEFORE TRUNCATE ON journal_entry
  FOR EACH STATEMENT EXECUTE FUNCTION journal_refuse_change();
CREATE TRIGGER journal_line_append_only BEFORE UPDATE OR DELETE ON journal_line
  FOR EACH ROW EXECUTE FUNCTION journal_refuse_change();
CREATE TRIGGER journal_line_no_truncate BEFORE TRUNCATE ON journal_line
  FOR EACH STATEMENT EXECUTE FUNCTION journal_refuse_change();

-- A money-moving request's key: the same key and body return the first response.
CREATE TABLE idempotency_record (
  actor text NOT NULL,
  key text NOT NULL CHECK (length(key) BETWEEN 1 AND 200),
  operation text NOT NULL,
  request_hash text NOT NULL,
  status_code integer,
  response jsonb,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (actor, key)
);
