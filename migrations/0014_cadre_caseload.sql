-- JKN-KIS cadres at work: the user account a cadre signs in with, training records, the
-- families (KK) a cadre looks after, and each person's JKN-KIS participation.

-- A cadre-role user reads only the cadre record linked to them.
ALTER TABLE cadre ADD COLUMN user_id uuid UNIQUE REFERENCES app_user (id);

CREATE TABLE cadre_training (
  id uuid PRIMARY KEY,
  cadre_id uuid NOT NULL REFERENCES cadre (id),
  title text NOT NULL CHECK (length(trim(title)) > 0),
  organiser text NOT NULL CHECK (length(trim(organiser)) > 0),
  held_on date NOT NULL,
  hours numeric(5, 1) NOT NULL CHECK (hours > 0),
  certificate_number text,
  created_by text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX cadre_training_cadre ON cadre_training (cadre_id, held_on);

-- A family has at most one cadre: the household is the key. The caseload cap (a setting)
-- is checked with the cadre row locked.
CREATE TABLE cadre_family (
  household_id uuid PRIMARY KEY REFERENCES household (id),
  cadre_id uuid NOT NULL REFERENCES cadre (id),
  assigned_by text NOT NULL,
  assigned_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX cadre_family_cadre ON cadre_family (cadre_id, household_id);

-- A person's JKN-KIS card: 13 digits, unique; segment and class (one class per family is
-- checked by the service, which locks the household); the card status as last recorded.
CREATE TABLE jkn_participant (
  person_id uuid PRIMARY KEY REFERENCES person (id),
  card_number text NOT NULL UNIQUE CHECK (card_number ~ '^[0-9]{13}$'),
  segment text NOT NULL CHECK (segment IN ('PBPU', 'PBI', 'PPU')),
  jkn_class text NOT NULL CHECK (jkn_class IN ('I', 'II', 'III')),
  status text NOT NULL CHECK (status IN ('active', 'inactive')),
  status_recorded_on date NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

-- A family with no JKN participant that a cadre brought in: who, when, recorded by whom.
CREATE TABLE jkn_recruitment (
  household_id uuid PRIMARY KEY REFERENCES household (id),
  cadre_id uuid NOT NULL REFERENCES cadre (id),
  recruited_on date NOT NULL,
  recorded_by text NOT NULL,
  recorded_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX jkn_recruitment_cadre ON jkn_recruitment (cadre_id, recruited_on);
