-- Monthly partitions of the large append-only tables (issue 16 item 2, docs/partitions.md):
-- journal_line by entry_date, audit_log by at (months in UTC), jkn_contribution_payment by
-- paid_on and cadre_visit by visited_on. A query that names a date range reads only its months;
-- an old month can be detached, written to an archive file and dropped (jaring partitions
-- archive), leaving an empty "archived" partition that refuses new rows of that month.
--
-- PostgreSQL wants the partition key in every primary key and unique constraint, so the keys
-- become (…, date). No foreign key points at these tables; an id is still unique in practice
-- (UUIDv7), and a receipt number carries its payment date, so (receipt_number, paid_on) is as
-- unique as receipt_number was. aid_instruction is not partitioned: its rows change (paid,
-- failed, returned) and "never paid twice" is a unique index over every month.

-- The partitioned tables and their keys: what close of day and the archive command work on.
CREATE TABLE partition_parent (
  table_name text PRIMARY KEY,
  key_column text NOT NULL,
  -- 'date' bounds are calendar months; 'timestamptz' bounds are months in UTC.
  key_type text NOT NULL CHECK (key_type IN ('date', 'timestamptz'))
);
INSERT INTO partition_parent VALUES
  ('journal_line', 'entry_date', 'date'),
  ('audit_log', 'at', 'timestamptz'),
  ('jkn_contribution_payment', 'paid_on', 'date'),
  ('cadre_visit', 'visited_on', 'date');

-- A month of a table that was detached and written to an archive file.
CREATE TABLE archived_month (
  table_name text NOT NULL REFERENCES partition_parent (table_name),
  month date NOT NULL CHECK (extract(day FROM month) = 1),
  row_count bigint NOT NULL CHECK (row_count >= 0),
  sha256 text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
  file_name text NOT NULL,
  archived_by text NOT NULL,
  archived_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (table_name, month)
);

-- The bounds of a month of a table, as SQL literals.
CREATE FUNCTION partition_bounds(parent text, month date, OUT lower_bound text, OUT upper_bound text) LANGUAGE plpgsql STABLE AS $$
DECLARE
  kind text;
BEGIN
  SELECT key_type INTO kind FROM partition_parent WHERE table_name = parent;
  IF NOT FOUND THEN
    RAISE EXCEPTION '% is not a partitioned table', parent USING ERRCODE = 'invalid_parameter_value';
  END IF;
  IF kind = 'timestamptz' THEN
    lower_bound := quote_literal(to_char(month, 'YYYY-MM-DD') || ' 00:00:00+00');
    upper_bound := quote_literal(to_char(month + interval '1 month', 'YYYY-MM-DD') || ' 00:00:00+00');
  ELSE
    lower_bound := quote_literal(to_char(month, 'YYYY-MM-DD'));
    upper_bound := quote_literal(to_char(month + interval '1 month', 'YYYY-MM-DD'));
  END IF;
END $$;

-- Makes the partitions of the months first..last of a table that do not exist yet (archived
-- months keep their empty archived partition). A month whose rows already sit in the default
-- partition (posted further ahead than partitions were made) is left there: moving them would
-- delete from an append-only table. Returns the partitions made.
CREATE FUNCTION partition_ensure_months(parent text, first date, last date) RETURNS integer LANGUAGE plpgsql AS $$
DECLARE
  month date := date_trunc('month', first)::date;
  key text;
  bounds record;
  name text;
  crowded boolean;
  made integer := 0;
BEGIN
  SELECT key_column INTO key FROM partition_parent WHERE table_name = parent;
  IF NOT FOUND THEN
    RAISE EXCEPTION '% is not a partitioned table', parent USING ERRCODE = 'invalid_parameter_value';
  END IF;
  WHILE month <= last LOOP
    name := parent || '_p' || to_char(month, 'YYYYMM');
    IF to_regclass(quote_ident(name)) IS NULL AND to_regclass(quote_ident(parent || '_a' || to_char(month, 'YYYYMM'))) IS NULL THEN
      SELECT * INTO bounds FROM partition_bounds(parent, month);
      EXECUTE format('SELECT EXISTS (SELECT 1 FROM %I WHERE %I >= %s AND %I < %s)', parent || '_default', key, bounds.lower_bound, key, bounds.upper_bound)
        INTO crowded;
      IF NOT crowded THEN
        EXECUTE format('CREATE TABLE %I PARTITION OF %I FOR VALUES FROM (%s) TO (%s)', name, parent, bounds.lower_bound, bounds.upper_bound);
        made := made + 1;
      END IF;
    END IF;
    month := (month + interval '1 month')::date;
  END LOOP;
  RETURN made;
END $$;

-- Archiving a month (jaring partitions archive, after its rows are written to a file): the
-- month's partition is detached and dropped, and an empty partition whose CHECK refuses every
-- row stands in for the month, so a late row of an archived month fails instead of landing in
-- the default partition.
CREATE FUNCTION partition_archive_month(parent text, month date) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  bounds record;
  live text := parent || '_p' || to_char(month, 'YYYYMM');
  stand_in text := parent || '_a' || to_char(month, 'YYYYMM');
BEGIN
  SELECT * INTO bounds FROM partition_bounds(parent, month);
  EXECUTE format('ALTER TABLE %I DETACH PARTITION %I', parent, live);
  EXECUTE format('DROP TABLE %I', live);
  EXECUTE format('CREATE TABLE %I PARTITION OF %I (CONSTRAINT %I CHECK (false)) FOR VALUES FROM (%s) TO (%s)',
    stand_in, parent, stand_in || '_archived', bounds.lower_bound, bounds.upper_bound);
END $$;

-- Restoring it: the rows, loaded into a staged table shaped like the parent, take the
-- stand-in's place (attaching builds the indexes and the triggers of the parent on it).
CREATE FUNCTION partition_restore_month(parent text, month date, staged text) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  bounds record;
  live text := parent || '_p' || to_char(month, 'YYYYMM');
  stand_in text := parent || '_a' || to_char(month, 'YYYYMM');
BEGIN
  SELECT * INTO bounds FROM partition_bounds(parent, month);
  EXECUTE format('ALTER TABLE %I DETACH PARTITION %I', parent, stand_in);
  EXECUTE format('DROP TABLE %I', stand_in);
  EXECUTE format('ALTER TABLE %I RENAME TO %I', staged, live);
  EXECUTE format('ALTER TABLE %I ATTACH PARTITION %I FOR VALUES FROM (%s) TO (%s)', parent, live, bounds.lower_bound, bounds.upper_bound);
END $$;

-- ---------------------------------------------------------------- journal_line
ALTER TABLE journal_line RENAME TO journal_line_unpartitioned;
CREATE TABLE journal_line (
  entry_id uuid NOT NULL REFERENCES journal_entry (id),
  line_no smallint NOT NULL CHECK (line_no > 0),
  account_code text NOT NULL REFERENCES ledger_account (code),
  office_id uuid NOT NULL REFERENCES office (id),
  entry_date date NOT NULL,
  debit bigint NOT NULL DEFAULT 0 CHECK (debit >= 0),
  credit bigint NOT NULL DEFAULT 0 CHECK (credit >= 0),
  fund_id uuid REFERENCES fund (id),
  party_type text,
  party_id uuid,
  CHECK ((debit > 0) <> (credit > 0)),
  CHECK ((party_type IS NULL) = (party_id IS NULL))
) PARTITION BY RANGE (entry_date);
CREATE TABLE journal_line_default PARTITION OF journal_line DEFAULT;
SELECT partition_ensure_months('journal_line',
  least(coalesce((SELECT min(entry_date) FROM journal_line_unpartitioned), current_date), current_date),
  (date_trunc('month', greatest(coalesce((SELECT max(entry_date) FROM journal_line_unpartitioned), current_date), current_date)) + interval '3 months')::date);
INSERT INTO journal_line SELECT entry_id, line_no, account_code, office_id, entry_date, debit, credit, fund_id, party_type, party_id
  FROM journal_line_unpartitioned;
DROP TABLE journal_line_unpartitioned;
ALTER TABLE journal_line ADD PRIMARY KEY (entry_id, line_no, entry_date);
CREATE INDEX journal_line_account_date ON journal_line (account_code, entry_date);
CREATE INDEX journal_line_fund ON journal_line (fund_id, entry_date) WHERE fund_id IS NOT NULL;
CREATE INDEX journal_line_party ON journal_line (party_id, entry_date) WHERE party_id IS NOT NULL;
CREATE TRIGGER journal_line_postable BEFORE INSERT ON journal_line
  FOR EACH ROW EXECUTE FUNCTION journal_line_check_account();
CREATE TRIGGER journal_line_balanced AFTER INSERT ON journal_line
  REFERENCING NEW TABLE AS new_lines FOR EACH STATEMENT EXECUTE FUNCTION journal_lines_check_balanced();
CREATE TRIGGER journal_line_append_only BEFORE UPDATE OR DELETE ON journal_line
  FOR EACH ROW EXECUTE FUNCTION journal_refuse_change();
CREATE TRIGGER journal_line_no_truncate BEFORE TRUNCATE ON journal_line
  FOR EACH STATEMENT EXECUTE FUNCTION journal_refuse_change();

-- The balance checks read only the months of the lines they check (an entry's lines carry its
-- date), not an index of every month.
CREATE OR REPLACE FUNCTION journal_check_balanced(entry uuid) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  lines integer;
  difference bigint;
  day date;
BEGIN
  SELECT entry_date INTO day FROM journal_entry WHERE id = entry;
  SELECT count(*), coalesce(sum(debit) - sum(credit), 0) INTO lines, difference
  FROM journal_line WHERE entry_id = entry AND entry_date = day;
  IF lines < 2 OR difference <> 0 THEN
    RAISE EXCEPTION 'journal entry % is unbalanced (% lines, debit - credit = %)', entry, lines, difference
      USING ERRCODE = 'check_violation';
  END IF;
END $$;

CREATE OR REPLACE FUNCTION journal_lines_check_balanced() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  bad record;
  earliest date;
  latest date;
BEGIN
  SELECT min(entry_date), max(entry_date) INTO earliest, latest FROM new_lines;
  SELECT l.entry_id, count(*) AS lines, sum(l.debit) - sum(l.credit) AS difference INTO bad
  FROM journal_line l
  WHERE l.entry_id IN (SELECT DISTINCT entry_id FROM new_lines) AND l.entry_date BETWEEN earliest AND latest
  GROUP BY l.entry_id
  HAVING count(*) < 2 OR sum(l.debit) <> sum(l.credit)
  LIMIT 1;
  IF FOUND THEN
    RAISE EXCEPTION 'journal entry % is unbalanced (% lines, debit - credit = %)', bad.entry_id, bad.lines, bad.difference
      USING ERRCODE = 'check_violation';
  END IF;
  IF EXISTS (SELECT 1 FROM ledger_balance_day WHERE as_of >= earliest) THEN
    DELETE FROM ledger_balance_day WHERE as_of >= earliest;
  END IF;
  RETURN NULL;
END $$;

-- ---------------------------------------------------------------- audit_log
ALTER TABLE audit_log RENAME TO audit_log_unpartitioned;
CREATE TABLE audit_log (
  id uuid NOT NULL,
  at timestamptz NOT NULL,
  actor_id uuid,
  actor_username text,
  action text NOT NULL,
  entity_type text NOT NULL,
  entity_id text,
  office_id uuid,
  region_code text,
  before jsonb,
  after jsonb,
  request_id text
) PARTITION BY RANGE (at);
CREATE TABLE audit_log_default PARTITION OF audit_log DEFAULT;
SELECT partition_ensure_months('audit_log',
  least(coalesce((SELECT min(at AT TIME ZONE 'UTC')::date FROM audit_log_unpartitioned), current_date), current_date),
  (date_trunc('month', greatest(coalesce((SELECT max(at AT TIME ZONE 'UTC')::date FROM audit_log_unpartitioned), current_date), current_date)) + interval '3 months')::date);
INSERT INTO audit_log SELECT id, at, actor_id, actor_username, action, entity_type, entity_id, office_id, region_code, before, after, request_id
  FROM audit_log_unpartitioned;
DROP TABLE audit_log_unpartitioned;
ALTER TABLE audit_log ADD PRIMARY KEY (id, at);
CREATE INDEX audit_log_at ON audit_log (at DESC, id DESC);
CREATE INDEX audit_log_entity ON audit_log (entity_type, entity_id);
CREATE INDEX audit_log_office_at ON audit_log (office_id, at, id);
CREATE TRIGGER audit_log_no_update_delete BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_log_refuse_change();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION audit_log_refuse_change();

-- ---------------------------------------------------------------- jkn_contribution_payment
ALTER TABLE jkn_contribution_payment RENAME TO jkn_contribution_payment_unpartitioned;
CREATE TABLE jkn_contribution_payment (
  id uuid NOT NULL,
  household_id uuid NOT NULL REFERENCES household (id),
  cadre_id uuid NOT NULL REFERENCES cadre (id),
  office_id uuid NOT NULL REFERENCES office (id),
  first_month text NOT NULL,
  months integer NOT NULL CHECK (months BETWEEN 1 AND 36),
  amount bigint NOT NULL CHECK (amount > 0),
  paid_on date NOT NULL,
  receipt_number text NOT NULL,
  received_by text NOT NULL,
  journal_entry_id uuid NOT NULL REFERENCES journal_entry (id),
  created_at timestamptz NOT NULL DEFAULT now()
) PARTITION BY RANGE (paid_on);
CREATE TABLE jkn_contribution_payment_default PARTITION OF jkn_contribution_payment DEFAULT;
SELECT partition_ensure_months('jkn_contribution_payment',
  least(coalesce((SELECT min(paid_on) FROM jkn_contribution_payment_unpartitioned), current_date), current_date),
  (date_trunc('month', greatest(coalesce((SELECT max(paid_on) FROM jkn_contribution_payment_unpartitioned), current_date), current_date)) + interval '3 months')::date);
INSERT INTO jkn_contribution_payment
  SELECT id, household_id, cadre_id, office_id, first_month, months, amount, paid_on, receipt_number, received_by, journal_entry_id, created_at
  FROM jkn_contribution_payment_unpartitioned;
DROP TABLE jkn_contribution_payment_unpartitioned;
ALTER TABLE jkn_contribution_payment ADD PRIMARY KEY (id, paid_on);
ALTER TABLE jkn_contribution_payment ADD CONSTRAINT jkn_contribution_payment_receipt_number_key UNIQUE (receipt_number, paid_on);
CREATE INDEX jkn_contribution_payment_cadre ON jkn_contribution_payment (cadre_id, paid_on);
CREATE INDEX jkn_contribution_payment_household ON jkn_contribution_payment (household_id, paid_on);

-- ---------------------------------------------------------------- cadre_visit
ALTER TABLE cadre_visit RENAME TO cadre_visit_unpartitioned;
CREATE TABLE cadre_visit (
  id uuid NOT NULL,
  cadre_id uuid NOT NULL REFERENCES cadre (id),
  household_id uuid NOT NULL REFERENCES household (id),
  visited_on date NOT NULL,
  kind text NOT NULL CHECK (kind IN ('socialisation', 'reminder', 'complaint', 'recruitment', 'follow_up')),
  outcome text NOT NULL CHECK (length(trim(outcome)) > 0),
  notes text,
  recorded_by text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
) PARTITION BY RANGE (visited_on);
CREATE TABLE cadre_visit_default PARTITION OF cadre_visit DEFAULT;
SELECT partition_ensure_months('cadre_visit',
  least(coalesce((SELECT min(visited_on) FROM cadre_visit_unpartitioned), current_date), current_date),
  (date_trunc('month', greatest(coalesce((SELECT max(visited_on) FROM cadre_visit_unpartitioned), current_date), current_date)) + interval '3 months')::date);
INSERT INTO cadre_visit SELECT id, cadre_id, household_id, visited_on, kind, outcome, notes, recorded_by, created_at FROM cadre_visit_unpartitioned;
DROP TABLE cadre_visit_unpartitioned;
ALTER TABLE cadre_visit ADD PRIMARY KEY (id, visited_on);
CREATE INDEX cadre_visit_cadre ON cadre_visit (cadre_id, visited_on);
CREATE INDEX cadre_visit_household ON cadre_visit (household_id, visited_on);
