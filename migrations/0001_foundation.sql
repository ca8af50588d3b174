-- Foundation: organisation, regions, offices, users, sessions, API tokens, audit trail, settings.

CREATE TABLE organisation (
  id uuid PRIMARY KEY,
  name text NOT NULL CHECK (length(trim(name)) > 0),
  is_demo boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
-- One deployment serves one organisation.
CREATE UNIQUE INDEX organisation_single_row ON organisation ((true));

CREATE TABLE region (
  code text PRIMARY KEY,
  parent_code text REFERENCES region (code),
  level smallint NOT NULL CHECK (level BETWEEN 1 AND 4),
  name text NOT NULL
);
CREATE INDEX region_parent_name ON region (parent_code, name);
CREATE INDEX region_lower_name ON region (lower(name) text_pattern_ops);

CREATE TABLE reference_dataset (
  name text PRIMARY KEY,
  version text NOT NULL,
  row_count integer NOT NULL,
  loaded_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE office (
  id uuid PRIMARY KEY,
  code text NOT NULL UNIQUE CHECK (code ~ '^[A-Z0-9-]{2,20}$'),
  name text NOT NULL CHECK (length(trim(name)) > 0),
  kind text NOT NULL CHECK (kind IN ('head', 'branch', 'unit')),
  region_code text NOT NULL REFERENCES region (code),
  address text,
  active boolean NOT NULL DEFAULT true,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE office_region (
  office_id uuid NOT NULL REFERENCES office (id),
  region_code text NOT NULL REFERENCES region (code),
  PRIMARY KEY (office_id, region_code)
);
CREATE INDEX office_region_region ON office_region (region_code);

CREATE TABLE app_user (
  id uuid PRIMARY KEY,
  username text NOT NULL UNIQUE CHECK (username ~ '^[a-z0-9._-]{3,40}$'),
  full_name text NOT NULL CHECK (length(trim(full_name)) > 0),
  role text NOT NULL CHECK (role IN ('admin', 'manager', 'cashier', 'facilitator', 'cadre', 'health_worker', 'supervisor', 'auditor')),
  password_hash text NOT NULL,
  active boolean NOT NULL DEFAULT true,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE user_office (
  user_id uuid NOT NULL REFERENCES app_user (id),
  office_id uuid NOT NULL REFERENCES office (id),
  PRIMARY KEY (user_id, office_id)
);

CREATE TABLE session (
  id uuid PRIMARY KEY,
  token_hash text NOT NULL UNIQUE,
  csrf_token text NOT NULL,
  user_id uuid NOT NULL REFERENCES app_user (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL
);
CREATE INDEX session_by_user ON session (user_id);

CREATE TABLE api_token (
  id uuid PRIMARY KEY,
  user_id uuid NOT NULL REFERENCES app_user (id),
  name text NOT NULL,
  token_hash text NOT NULL UNIQUE,
  token_prefix text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  last_used_at timestamptz,
  revoked_at timestamptz
);

CREATE TABLE login_failure (
  username text NOT NULL,
  failed_at timestamptz NOT NULL
);
CREATE INDEX login_failure_username_at ON login_failure (username, failed_at);

CREATE TABLE setting (
  key text PRIMARY KEY,
  value jsonb NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE audit_log (
  id uuid PRIMARY KEY,
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
);
CREATE INDEX audit_log_at ON audit_log (at DESC, id DESC);
CREATE INDEX audit_log_entity ON audit_log (entity_type, entity_id);

-- The audit trail is append-only: the database itself refuses changes.
CREATE FUNCTION audit_log_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;
CREATE TRIGGER audit_log_no_update_delete BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_log_refuse_change();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION audit_log_refuse_change();
