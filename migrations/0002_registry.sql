-- Registry: households (KK) and persons (NIK), placed in villages.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE TABLE household (
  id uuid PRIMARY KEY,
  kk_number text NOT NULL UNIQUE CHECK (kk_number ~ '^\d{16}$'),
  village_code text NOT NULL REFERENCES region (code),
  address text NOT NULL DEFAULT '',
  rt text CHECK (rt ~ '^\d{1,3}$'),
  rw text CHECK (rw ~ '^\d{1,3}$'),
  welfare_decile smallint CHECK (welfare_decile BETWEEN 1 AND 10),
  has_kks boolean NOT NULL DEFAULT false,
  has_kis boolean NOT NULL DEFAULT false,
  has_kip boolean NOT NULL DEFAULT false,
  has_pkh boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX household_village ON household (village_code);

CREATE TABLE person (
  id uuid PRIMARY KEY,
  nik text NOT NULL UNIQUE CHECK (nik ~ '^\d{16}$'),
  full_name text NOT NULL CHECK (length(trim(full_name)) > 0),
  sex text NOT NULL CHECK (sex IN ('M', 'F')),
  birth_place text NOT NULL DEFAULT '',
  birth_date date NOT NULL,
  household_id uuid NOT NULL REFERENCES household (id),
  relation text NOT NULL CHECK (relation IN ('head', 'husband', 'wife', 'child', 'child_in_law', 'grandchild', 'parent', 'parent_in_law', 'other_family', 'other')),
  village_code text NOT NULL REFERENCES region (code),
  died_on date,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX person_household ON person (household_id);
CREATE INDEX person_village_name ON person (village_code, lower(full_name));
CREATE INDEX person_name_trgm ON person USING gin (lower(full_name) gin_trgm_ops);
-- A household has at most one living head.
CREATE UNIQUE INDEX person_one_head ON person (household_id) WHERE relation = 'head' AND died_on IS NULL;
