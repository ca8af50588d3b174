-- Staging for household imports: the file streams in, is checked with set-based SQL,
-- then moves into household/person in chunks. Rows of an import are deleted at its end.
CREATE FUNCTION jaring_uuidv7() RETURNS uuid LANGUAGE sql VOLATILE AS $$
  SELECT encode(
    set_bit(set_bit(overlay(uuid_send(gen_random_uuid())
      PLACING substring(int8send((extract(epoch FROM clock_timestamp()) * 1000)::bigint) FROM 3) FROM 1 FOR 6), 52, 1), 53, 1),
    'hex')::uuid
$$;

CREATE TABLE registry_import_row (
  import_id uuid NOT NULL,
  line integer NOT NULL,
  raw text NOT NULL,
  kk text NOT NULL,
  nik text NOT NULL,
  full_name text,
  sex text,
  birth_place text,
  birth_date date,
  relation text,
  address text,
  rt text,
  rw text,
  village_code text,
  decile smallint,
  problem text,
  status text NOT NULL DEFAULT 'new' CHECK (status IN ('new', 'unchanged', 'rejected')),
  PRIMARY KEY (import_id, line)
);
CREATE INDEX registry_import_row_kk ON registry_import_row (import_id, kk);
CREATE INDEX registry_import_row_nik ON registry_import_row (import_id, nik);
