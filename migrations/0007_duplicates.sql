-- Duplicate review: near-duplicates (same name, birth date and village) are decided by a
-- reviewer, never merged automatically. A merged record stays, pointing at the one kept.
ALTER TABLE person ADD COLUMN merged_into uuid REFERENCES person (id);

CREATE TABLE duplicate_decision (
  person_a uuid NOT NULL REFERENCES person (id),
  person_b uuid NOT NULL REFERENCES person (id),
  decision text NOT NULL CHECK (decision IN ('merged', 'distinct')),
  kept_person uuid REFERENCES person (id),
  note text NOT NULL DEFAULT '',
  decided_by uuid REFERENCES app_user (id),
  decided_at timestamptz NOT NULL,
  PRIMARY KEY (person_a, person_b),
  CHECK (person_a < person_b)
);
