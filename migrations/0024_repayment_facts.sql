-- Facts for the repayment comparison (GET /health/repayment-comparison), so that a request reads
-- a few aggregates instead of rebuilding every financing's history.
--
-- Financing side (financing module): one row per financing and month as the financing stood at
-- the month's end (or at the business date in the month not yet over: `end_day`), computed from
-- the financing's whole schedule and its standing repayments. Built lazily by month (the first
-- request for a month, or close of day for the current one) and kept true by change marks:
-- any change to a financing's schedule, its repayments (a reversal, a backdated repayment) or
-- its status marks it dirty, and the next refresh recomputes that financing's rows for every
-- built month and moves those months' stamps.
CREATE TABLE financing_month_fact (
  month text NOT NULL,
  financing_id uuid NOT NULL,
  person_id uuid NOT NULL,
  office_id uuid NOT NULL,
  -- The month the financing left the portfolio when that was before this month began: its
  -- instalments due this month count only in comparisons starting by then (as the history did).
  closed_month text,
  in_portfolio boolean NOT NULL,
  outstanding_principal bigint NOT NULL,
  days_past_due integer NOT NULL,
  due integer NOT NULL,
  on_time integer NOT NULL,
  PRIMARY KEY (month, financing_id)
);
CREATE INDEX financing_month_fact_financing ON financing_month_fact (financing_id);

-- The months built, the day each was built for, and a stamp that moves whenever a row of the
-- month changes (readers keep what they derived while the stamp stands).
CREATE SEQUENCE financing_fact_stamp;
CREATE TABLE financing_fact_month (
  month text PRIMARY KEY,
  end_day date NOT NULL,
  stamp bigint NOT NULL
);

CREATE TABLE financing_fact_dirty (financing_id uuid PRIMARY KEY);

CREATE FUNCTION financing_fact_mark_row() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_TABLE_NAME = 'financing' THEN
    INSERT INTO financing_fact_dirty (financing_id) VALUES (COALESCE(NEW.id, OLD.id)) ON CONFLICT DO NOTHING;
  ELSE
    IF TG_OP <> 'INSERT' THEN
      INSERT INTO financing_fact_dirty (financing_id) VALUES (OLD.financing_id) ON CONFLICT DO NOTHING;
    END IF;
    IF TG_OP <> 'DELETE' THEN
      INSERT INTO financing_fact_dirty (financing_id) VALUES (NEW.financing_id) ON CONFLICT DO NOTHING;
    END IF;
  END IF;
  RETURN NULL;
END $$;

-- Inserts and deletes of many rows (a schedule, a bulk load) mark once per statement.
CREATE FUNCTION financing_fact_mark_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_TABLE_NAME = 'financing' THEN
    INSERT INTO financing_fact_dirty (financing_id) SELECT DISTINCT id FROM new_rows ON CONFLICT DO NOTHING;
  ELSE
    INSERT INTO financing_fact_dirty (financing_id) SELECT DISTINCT financing_id FROM new_rows ON CONFLICT DO NOTHING;
  END IF;
  RETURN NULL;
END $$;

CREATE FUNCTION financing_fact_mark_deleted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO financing_fact_dirty (financing_id) SELECT DISTINCT financing_id FROM old_rows ON CONFLICT DO NOTHING;
  RETURN NULL;
END $$;

CREATE TRIGGER financing_fact_insert AFTER INSERT ON financing
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION financing_fact_mark_inserted();
CREATE TRIGGER financing_fact_update AFTER UPDATE OF status, disbursed_on, closed_on, office_id, person_id ON financing
  FOR EACH ROW WHEN (OLD.status IS DISTINCT FROM NEW.status OR OLD.disbursed_on IS DISTINCT FROM NEW.disbursed_on
    OR OLD.closed_on IS DISTINCT FROM NEW.closed_on OR OLD.office_id IS DISTINCT FROM NEW.office_id
    OR OLD.person_id IS DISTINCT FROM NEW.person_id)
  EXECUTE FUNCTION financing_fact_mark_row();
CREATE TRIGGER financing_fact_delete AFTER DELETE ON financing FOR EACH ROW EXECUTE FUNCTION financing_fact_mark_row();

CREATE TRIGGER financing_fact_insert AFTER INSERT ON financing_installment
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION financing_fact_mark_inserted();
CREATE TRIGGER financing_fact_update AFTER UPDATE OF financing_id, n, due_date, principal, profit ON financing_installment
  FOR EACH ROW WHEN (OLD.financing_id IS DISTINCT FROM NEW.financing_id OR OLD.n IS DISTINCT FROM NEW.n
    OR OLD.due_date IS DISTINCT FROM NEW.due_date OR OLD.principal IS DISTINCT FROM NEW.principal
    OR OLD.profit IS DISTINCT FROM NEW.profit)
  EXECUTE FUNCTION financing_fact_mark_row();
CREATE TRIGGER financing_fact_delete AFTER DELETE ON financing_installment
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION financing_fact_mark_deleted();

CREATE TRIGGER financing_fact_insert AFTER INSERT ON financing_repayment
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION financing_fact_mark_inserted();
CREATE TRIGGER financing_fact_update AFTER UPDATE OF financing_id, paid_on, principal, profit, reversal_entry_id ON financing_repayment
  FOR EACH ROW WHEN (OLD.financing_id IS DISTINCT FROM NEW.financing_id OR OLD.paid_on IS DISTINCT FROM NEW.paid_on
    OR OLD.principal IS DISTINCT FROM NEW.principal OR OLD.profit IS DISTINCT FROM NEW.profit
    OR OLD.reversal_entry_id IS DISTINCT FROM NEW.reversal_entry_id)
  EXECUTE FUNCTION financing_fact_mark_row();
CREATE TRIGGER financing_fact_delete AFTER DELETE ON financing_repayment
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION financing_fact_mark_deleted();

-- Health side (health module): a stamp per month of care events (encounters, counselling
-- attendance), moved by any change to them, and the comparison's monthly aggregates built from
-- the financing facts and the members under care, kept while both stamps stand.
CREATE SEQUENCE health_care_stamp;
CREATE TABLE health_care_month (
  month text PRIMARY KEY,
  stamp bigint NOT NULL
);

CREATE FUNCTION health_care_touch_rows() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_TABLE_NAME = 'health_encounter' THEN
    IF TG_OP = 'INSERT' THEN
      INSERT INTO health_care_month (month, stamp)
        SELECT m, nextval('health_care_stamp') FROM (SELECT DISTINCT to_char(encountered_on, 'YYYY-MM') AS m FROM new_rows) x
        ON CONFLICT (month) DO UPDATE SET stamp = excluded.stamp;
    ELSE
      INSERT INTO health_care_month (month, stamp)
        SELECT m, nextval('health_care_stamp') FROM (SELECT DISTINCT to_char(encountered_on, 'YYYY-MM') AS m FROM old_rows) x
        ON CONFLICT (month) DO UPDATE SET stamp = excluded.stamp;
    END IF;
  ELSE
    IF TG_OP = 'INSERT' THEN
      INSERT INTO health_care_month (month, stamp)
        SELECT m, nextval('health_care_stamp') FROM (
          SELECT DISTINCT to_char(s.held_on, 'YYYY-MM') AS m FROM new_rows a JOIN counselling_session s ON s.id = a.session_id) x
        ON CONFLICT (month) DO UPDATE SET stamp = excluded.stamp;
    ELSE
      INSERT INTO health_care_month (month, stamp)
        SELECT m, nextval('health_care_stamp') FROM (
          SELECT DISTINCT to_char(s.held_on, 'YYYY-MM') AS m FROM old_rows a JOIN counselling_session s ON s.id = a.session_id) x
        ON CONFLICT (month) DO UPDATE SET stamp = excluded.stamp;
    END IF;
  END IF;
  RETURN NULL;
END $$;

CREATE FUNCTION health_care_touch_row() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  old_day date;
  new_day date;
BEGIN
  IF TG_TABLE_NAME = 'health_encounter' THEN
    old_day := OLD.encountered_on;
    new_day := NEW.encountered_on;
  ELSIF TG_TABLE_NAME = 'counselling_session' THEN
    IF TG_OP = 'DELETE' THEN
      old_day := OLD.held_on;
      new_day := OLD.held_on;
    ELSE
      old_day := OLD.held_on;
      new_day := NEW.held_on;
    END IF;
  ELSE
    SELECT held_on INTO old_day FROM counselling_session WHERE id = OLD.session_id;
    SELECT held_on INTO new_day FROM counselling_session WHERE id = NEW.session_id;
  END IF;
  INSERT INTO health_care_month (month, stamp)
    SELECT m, nextval('health_care_stamp') FROM (
      SELECT DISTINCT to_char(d, 'YYYY-MM') AS m FROM (VALUES (old_day), (new_day)) v(d) WHERE d IS NOT NULL) x
    ON CONFLICT (month) DO UPDATE SET stamp = excluded.stamp;
  RETURN NULL;
END $$;

CREATE TRIGGER health_care_insert AFTER INSERT ON health_encounter
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION health_care_touch_rows();
CREATE TRIGGER health_care_delete AFTER DELETE ON health_encounter
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION health_care_touch_rows();
CREATE TRIGGER health_care_update AFTER UPDATE OF encountered_on, person_id ON health_encounter
  FOR EACH ROW WHEN (OLD.encountered_on IS DISTINCT FROM NEW.encountered_on OR OLD.person_id IS DISTINCT FROM NEW.person_id)
  EXECUTE FUNCTION health_care_touch_row();
CREATE TRIGGER health_care_insert AFTER INSERT ON session_attendance
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION health_care_touch_rows();
CREATE TRIGGER health_care_delete AFTER DELETE ON session_attendance
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION health_care_touch_rows();
CREATE TRIGGER health_care_update AFTER UPDATE ON session_attendance
  FOR EACH ROW EXECUTE FUNCTION health_care_touch_row();
CREATE TRIGGER health_care_update AFTER UPDATE OF held_on ON counselling_session
  FOR EACH ROW WHEN (OLD.held_on IS DISTINCT FROM NEW.held_on) EXECUTE FUNCTION health_care_touch_row();
CREATE TRIGGER health_care_delete AFTER DELETE ON counselling_session
  FOR EACH ROW EXECUTE FUNCTION health_care_touch_row();

-- One row per month: the aggregates by office, care and closed month, the member counts by
-- care and set of offices, and the stamps and day they were built from.
CREATE TABLE repayment_comparison_month (
  month text PRIMARY KEY,
  end_day date NOT NULL,
  financing_stamp bigint NOT NULL,
  care_stamp bigint NOT NULL,
  figures jsonb NOT NULL
);
