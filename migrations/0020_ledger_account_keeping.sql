-- The institution keeps its chart of accounts: it adds postable accounts under a group account,
-- renames them, and deactivates or reactivates them. An inactive account takes no new lines;
-- its history stays in every report.
ALTER TABLE ledger_account ADD COLUMN updated_at timestamptz NOT NULL DEFAULT now();
ALTER TABLE ledger_account ADD CONSTRAINT ledger_account_names CHECK (length(trim(name_id)) > 0 AND length(trim(name_en)) > 0);
-- A code is its parent's code and one more segment (5.2 → 5.2.03); a top-level code has no parent.
ALTER TABLE ledger_account ADD CONSTRAINT ledger_account_code_under_parent CHECK (
  CASE WHEN parent_code IS NULL THEN strpos(code, '.') = 0
  ELSE starts_with(code, parent_code || '.') AND strpos(substr(code, length(parent_code) + 2), '.') = 0 END
);

-- Says which refusal it is: a header (or unknown) account, or an inactive one (the hint
-- carries the message code, so the application can answer 422 naming the account).
CREATE OR REPLACE FUNCTION journal_line_check_account() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  account record;
BEGIN
  SELECT postable, active INTO account FROM ledger_account WHERE code = NEW.account_code;
  IF NOT FOUND OR NOT account.postable THEN
    RAISE EXCEPTION 'account % takes no postings', NEW.account_code USING ERRCODE = 'check_violation';
  END IF;
  IF NOT account.active THEN
    RAISE EXCEPTION 'account % is inactive: it takes no new postings', NEW.account_code
      USING ERRCODE = 'check_violation', HINT = 'ledger.account_inactive', DETAIL = NEW.account_code;
  END IF;
  RETURN NEW;
END $$;
