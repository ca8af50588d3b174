-- Sign-in attempts are claimed before the password is checked, by one upsert on the account's
-- row (ON CONFLICT locks and re-reads the row, so racing requests and servers queue there):
-- a row holds the times of the attempts of the last 15 minutes, at most five of them.
-- Keyed by user id, or by a 16-bit bucket of what was typed for an unknown username, so that
-- nothing typed is stored and the table stays bounded. It replaces login_failure, which was
-- counted and then written after the check (and kept the typed username).
DROP TABLE login_failure;
CREATE TABLE login_attempt (
  key text PRIMARY KEY,
  attempted_at timestamptz[] NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
