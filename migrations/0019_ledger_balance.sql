-- Daily balance snapshots (ARCHITECTURE: shared balances "come from the journal lines plus
-- daily balance snapshots written at close of day"). ledger_balance holds, for a closed day,
-- the cumulative debit and credit of every office, account and fund through that day;
-- ledger_balance_day lists the days whose snapshot is complete. A trial balance, a
-- statement's opening balance or a fund's cash then read the latest snapshot plus the lines
-- after it, not every line since the first.
CREATE TABLE ledger_balance_day (
  as_of date PRIMARY KEY,
  written_at timestamptz NOT NULL DEFAULT now()
);
CREATE TABLE ledger_balance (
  as_of date NOT NULL REFERENCES ledger_balance_day (as_of) ON DELETE CASCADE,
  office_id uuid NOT NULL REFERENCES office (id),
  account_code text NOT NULL REFERENCES ledger_account (code),
  fund_id uuid REFERENCES fund (id),
  debit bigint NOT NULL CHECK (debit >= 0),
  credit bigint NOT NULL CHECK (credit >= 0)
);
CREATE UNIQUE INDEX ledger_balance_key ON ledger_balance (as_of, office_id, account_code, fund_id) NULLS NOT DISTINCT;
CREATE INDEX ledger_balance_fund ON ledger_balance (fund_id, as_of) WHERE fund_id IS NOT NULL;

-- A fund's lines after a snapshot are found by date (fund cash before a disbursement).
DROP INDEX journal_line_fund;
CREATE INDEX journal_line_fund ON journal_line (fund_id, entry_date) WHERE fund_id IS NOT NULL;

-- A line dated on or before a snapshot that was already written (a back-dated entry) makes
-- that snapshot and every later one wrong: they are dropped in the same statement, and the
-- next close of day writes them again from the last one left. Done in the statement-level
-- balance check so the hot path pays one trigger call per INSERT, not two.
CREATE OR REPLACE FUNCTION journal_lines_check_balanced() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  bad record;
  earliest date;
BEGIN
  SELECT l.entry_id, count(*) AS lines, sum(l.debit) - sum(l.credit) AS difference INTO bad
  FROM journal_line l
  WHERE l.entry_id IN (SELECT DISTINCT entry_id FROM new_lines)
  GROUP BY l.entry_id
  HAVING count(*) < 2 OR sum(l.debit) <> sum(l.credit)
  LIMIT 1;
  IF FOUND THEN
    RAISE EXCEPTION 'journal entry % is unbalanced (% lines, debit - credit = %)', bad.entry_id, bad.lines, bad.difference
      USING ERRCODE = 'check_violation';
  END IF;
  SELECT min(entry_date) INTO earliest FROM new_lines;
  IF EXISTS (SELECT 1 FROM ledger_balance_day WHERE as_of >= earliest) THEN
    DELETE FROM ledger_balance_day WHERE as_of >= earliest;
  END IF;
  RETURN NULL;
END $$;
