-- Tamper-evident books (docs/books.md): one root per office (or '*' for audit records of no
-- office) and business day, written at close of day and chained to the previous day's root.
-- Nothing shared is updated per posting: the roots are computed from the day's rows at close.
CREATE TABLE books_root (
  scope text NOT NULL,
  office_id uuid REFERENCES office (id),
  day date NOT NULL,
  previous_root text NOT NULL CHECK (previous_root ~ '^[0-9a-f]{64}$'),
  root text NOT NULL CHECK (root ~ '^[0-9a-f]{64}$'),
  entries integer NOT NULL CHECK (entries >= 0),
  lines integer NOT NULL CHECK (lines >= 0),
  audits integer NOT NULL CHECK (audits >= 0),
  content_hash text NOT NULL,
  -- Four bytes per field of every record in order: they point at the field that changed.
  digests bytea NOT NULL,
  -- The audit records sealed are those of the scope with audit_from < at <= audit_until.
  audit_from timestamptz NOT NULL,
  audit_until timestamptz NOT NULL,
  sealed_at timestamptz NOT NULL,
  PRIMARY KEY (scope, day),
  CHECK ((scope = '*') = (office_id IS NULL))
);

CREATE FUNCTION books_root_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'books_root is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;
CREATE TRIGGER books_root_no_update_delete BEFORE UPDATE OR DELETE ON books_root
  FOR EACH ROW EXECUTE FUNCTION books_root_refuse_change();

-- Audit records of one office in a time window (the seal reads them by office and time).
CREATE INDEX audit_log_office_at ON audit_log (office_id, at, id);
