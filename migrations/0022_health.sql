-- The family-doctor health programme (issue 12). Clinical rows carry the village (and office)
-- they were recorded in, so scope checks and regional lists need no join to the registry.

-- One health profile per person: pregnancy, disability, smoking, family planning.
CREATE TABLE health_profile (
  person_id uuid PRIMARY KEY REFERENCES person (id),
  pregnant boolean NOT NULL DEFAULT false,
  last_menstrual_period date,
  expected_delivery date,
  pregnancies smallint CHECK (pregnancies BETWEEN 0 AND 30),
  disability text NOT NULL DEFAULT 'none'
    CHECK (disability IN ('none', 'physical', 'sensory', 'intellectual', 'mental', 'multiple')),
  smoker boolean,
  kb_method text CHECK (kb_method IN ('none', 'pill', 'injection', 'implant', 'iud', 'condom', 'tubectomy', 'vasectomy', 'lam', 'other')),
  updated_at timestamptz NOT NULL DEFAULT now(),
  updated_by uuid
);

-- Chronic conditions of a person; `treated_regularly` null = not known (the IKS asks).
CREATE TABLE health_condition (
  person_id uuid NOT NULL REFERENCES person (id),
  code text NOT NULL CHECK (code IN ('hipertensi', 'diabetes', 'tb_paru', 'gangguan_jiwa', 'lainnya')),
  note text NOT NULL DEFAULT '',
  since date,
  treated_regularly boolean,
  PRIMARY KEY (person_id, code)
);

-- Household sanitation, part of the IKS.
CREATE TABLE household_health (
  household_id uuid PRIMARY KEY REFERENCES household (id),
  clean_water boolean,
  healthy_latrine boolean,
  updated_at timestamptz NOT NULL DEFAULT now(),
  updated_by uuid
);

-- IKS indicators asked of the family where nothing recorded answers them.
CREATE TABLE iks_answer (
  household_id uuid NOT NULL REFERENCES household (id),
  indicator text NOT NULL,
  met boolean NOT NULL,
  answered_on date NOT NULL,
  answered_by uuid,
  PRIMARY KEY (household_id, indicator)
);

-- The IKS of a family as computed in a month (the latest computation of the month wins): the trend.
CREATE TABLE iks_snapshot (
  household_id uuid NOT NULL REFERENCES household (id),
  month date NOT NULL CHECK (extract(day FROM month) = 1),
  village_code text NOT NULL,
  applicable smallint NOT NULL CHECK (applicable BETWEEN 0 AND 12),
  met smallint NOT NULL CHECK (met BETWEEN 0 AND applicable),
  PRIMARY KEY (household_id, month)
);
CREATE INDEX iks_snapshot_village ON iks_snapshot (village_code, month);

CREATE TABLE health_encounter (
  id uuid PRIMARY KEY,
  person_id uuid NOT NULL REFERENCES person (id),
  village_code text NOT NULL,
  office_id uuid NOT NULL,
  worker_id uuid NOT NULL,
  profession text NOT NULL CHECK (profession IN ('doctor', 'midwife', 'nurse')),
  place text NOT NULL CHECK (place IN ('home', 'clinic')),
  encountered_on date NOT NULL,
  complaint text NOT NULL DEFAULT '',
  systolic smallint,
  diastolic smallint,
  weight_kg numeric(5, 1),
  height_cm numeric(4, 1),
  temperature_c numeric(3, 1),
  glucose_mg_dl smallint,
  treatment text NOT NULL DEFAULT '',
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX health_encounter_person ON health_encounter (person_id, encountered_on);
CREATE INDEX health_encounter_date ON health_encounter (encountered_on, person_id);

-- ICD-10 codes of an encounter, rank 1 = primary.
CREATE TABLE encounter_diagnosis (
  encounter_id uuid NOT NULL REFERENCES health_encounter (id),
  code text NOT NULL,
  rank smallint NOT NULL CHECK (rank BETWEEN 1 AND 10),
  PRIMARY KEY (encounter_id, code)
);

CREATE TABLE referral (
  id uuid PRIMARY KEY,
  encounter_id uuid NOT NULL REFERENCES health_encounter (id),
  person_id uuid NOT NULL REFERENCES person (id),
  village_code text NOT NULL,
  destination_kind text NOT NULL CHECK (destination_kind IN ('puskesmas', 'hospital')),
  destination text NOT NULL,
  reason text NOT NULL,
  referred_on date NOT NULL,
  outcome text,
  outcome_on date,
  outcome_by uuid,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX referral_person ON referral (person_id);

-- Illness that stops a member working; to_on null = still ill.
CREATE TABLE illness_episode (
  id uuid PRIMARY KEY,
  person_id uuid NOT NULL REFERENCES person (id),
  village_code text NOT NULL,
  from_on date NOT NULL,
  to_on date CHECK (to_on IS NULL OR to_on >= from_on),
  days_unable integer CHECK (days_unable >= 0),
  recorded_by uuid,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX illness_episode_person ON illness_episode (person_id, from_on);
CREATE INDEX illness_episode_recent ON illness_episode (to_on, person_id);

CREATE TABLE counselling_session (
  id uuid PRIMARY KEY,
  office_id uuid NOT NULL,
  village_code text NOT NULL,
  topic text NOT NULL CHECK (topic IN ('reproductive_health', 'nutrition', 'hygiene', 'tb', 'hypertension', 'jkn', 'other')),
  topic_note text NOT NULL DEFAULT '',
  held_on date NOT NULL,
  place text NOT NULL,
  group_id uuid,
  worker_id uuid NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX counselling_session_village ON counselling_session (village_code, held_on);

CREATE TABLE session_attendance (
  session_id uuid NOT NULL REFERENCES counselling_session (id),
  person_id uuid NOT NULL REFERENCES person (id),
  PRIMARY KEY (session_id, person_id)
);
CREATE INDEX session_attendance_person ON session_attendance (person_id);

CREATE TABLE screening (
  id uuid PRIMARY KEY,
  person_id uuid NOT NULL REFERENCES person (id),
  village_code text NOT NULL,
  office_id uuid NOT NULL,
  worker_id uuid NOT NULL,
  method text NOT NULL CHECK (method IN ('iva', 'pap_smear')),
  screened_on date NOT NULL,
  result text NOT NULL CHECK (result IN ('negative', 'positive', 'suspected_cancer', 'inadequate')),
  action text NOT NULL CHECK (action IN ('none', 'cryotherapy', 'thermal_ablation', 'referral', 'repeat')),
  next_due_on date NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX screening_person ON screening (person_id, screened_on);
CREATE INDEX screening_due ON screening (village_code, next_due_on);

-- Dated rules: after a screening with this result (and action, '*' = any), screen again after
-- interval_months. The rule in force on the screening date applies.
CREATE TABLE screening_rule (
  effective_from date NOT NULL,
  method text NOT NULL,
  result text NOT NULL,
  action text NOT NULL DEFAULT '*',
  interval_months smallint NOT NULL CHECK (interval_months BETWEEN 0 AND 120),
  PRIMARY KEY (effective_from, method, result, action)
);
INSERT INTO screening_rule (effective_from, method, result, action, interval_months) VALUES
  ('2015-01-01', 'iva', 'negative', '*', 36),
  ('2015-01-01', 'iva', 'positive', '*', 6),
  ('2015-01-01', 'iva', 'suspected_cancer', '*', 1),
  ('2015-01-01', 'iva', 'inadequate', '*', 1),
  ('2015-01-01', 'pap_smear', 'negative', '*', 36),
  ('2015-01-01', 'pap_smear', 'positive', '*', 6),
  ('2015-01-01', 'pap_smear', 'suspected_cancer', '*', 1),
  ('2015-01-01', 'pap_smear', 'inadequate', '*', 1);

-- Who is invited to screening: dated target ages.
CREATE TABLE screening_target (
  effective_from date NOT NULL,
  method text NOT NULL,
  sex text NOT NULL CHECK (sex IN ('M', 'F')),
  min_age smallint NOT NULL,
  max_age smallint NOT NULL CHECK (max_age >= min_age),
  PRIMARY KEY (effective_from, method)
);
INSERT INTO screening_target (effective_from, method, sex, min_age, max_age) VALUES
  ('2015-01-01', 'iva', 'F', 30, 50),
  ('2015-01-01', 'pap_smear', 'F', 30, 50);
