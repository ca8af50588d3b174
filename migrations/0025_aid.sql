-- Social assistance (bantuan sosial), modelled on OpenSPP / OpenG2P: a programme carries its
-- eligibility rules (their "eligibility manager", here JSON rules over the registry), its dated
-- benefit tables (their "entitlement manager": amount per item, a condition on who gets it, a
-- maximum count) and its enrolments (their "program membership"). Cycles, entitlements,
-- payment instructions and reconciliation come in later migrations.

CREATE TABLE aid_programme (
  id uuid PRIMARY KEY,
  code text NOT NULL UNIQUE CHECK (code ~ '^[a-z][a-z0-9_]{1,31}$'),
  name_id text NOT NULL CHECK (length(trim(name_id)) > 0),
  name_en text NOT NULL CHECK (length(trim(name_en)) > 0),
  -- Who is enrolled and paid: a family (household) or one person.
  target_unit text NOT NULL CHECK (target_unit IN ('household', 'person')),
  -- What one payment covers: a month, a year, or a stage (tahap) of a year.
  period text NOT NULL CHECK (period IN ('month', 'year', 'stage')),
  stages_per_year smallint CHECK (stages_per_year BETWEEN 1 AND 12),
  -- lkd: layanan keuangan digital (e-money on a SIM card); giro_pos: postal giro; bank: a bank account.
  channel text NOT NULL CHECK (channel IN ('lkd', 'giro_pos', 'bank')),
  fund_id uuid REFERENCES fund (id),
  -- At most this many members of one unit are paid for (PKH: 4), whatever their categories.
  member_cap smallint CHECK (member_cap BETWEEN 1 AND 50),
  -- Percent of a school-level amount paid for a pupil's first and final year (PIP: 50).
  new_year_percent smallint CHECK (new_year_percent BETWEEN 1 AND 100),
  final_year_percent smallint CHECK (final_year_percent BETWEEN 1 AND 100),
  -- Eligibility rules (see docs/aid.md), checked by zod before they are written.
  eligibility jsonb NOT NULL DEFAULT '[]',
  built_in boolean NOT NULL DEFAULT false,
  active boolean NOT NULL DEFAULT true,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK ((period = 'stage') = (stages_per_year IS NOT NULL))
);

-- The dated benefit table: what a category is paid (per month for monthly programmes, per year
-- otherwise), from and through which day. `basis` unit: once per family or person enrolled;
-- member: per member whose condition holds (the first category in `priority` order that fits).
CREATE TABLE aid_benefit_rate (
  id uuid PRIMARY KEY,
  programme_id uuid NOT NULL REFERENCES aid_programme (id),
  priority smallint NOT NULL CHECK (priority >= 0),
  category text NOT NULL CHECK (category ~ '^[a-z][a-z0-9_]{0,31}$'),
  basis text NOT NULL CHECK (basis IN ('unit', 'member')),
  condition jsonb NOT NULL DEFAULT '{}',
  amount bigint NOT NULL CHECK (amount >= 0),
  max_per_unit smallint CHECK (max_per_unit BETWEEN 1 AND 50),
  effective_from date NOT NULL,
  effective_to date,
  CHECK (effective_to IS NULL OR effective_to >= effective_from),
  UNIQUE (programme_id, category, effective_from)
);
CREATE INDEX aid_benefit_rate_programme ON aid_benefit_rate (programme_id, priority, effective_from);

-- Months paid together as one lump (a stage of a monthly programme): KKS paid Nov–Dec 2014 as
-- Rp400.000 and Jan–Mar 2015 as Rp600.000, i.e. Rp200.000 for each month of the window.
CREATE TABLE aid_payment_window (
  id uuid PRIMARY KEY,
  programme_id uuid NOT NULL REFERENCES aid_programme (id),
  starts_on date NOT NULL,
  ends_on date NOT NULL,
  CHECK (ends_on >= starts_on),
  UNIQUE (programme_id, starts_on)
);

-- Who is in a programme: one household or one person per row. Written by the enrolment step
-- (later); the eligibility rule "not already in programme X" reads it already.
CREATE TABLE aid_enrolment (
  id uuid PRIMARY KEY,
  programme_id uuid NOT NULL REFERENCES aid_programme (id),
  household_id uuid REFERENCES household (id),
  person_id uuid REFERENCES person (id),
  status text NOT NULL CHECK (status IN ('enrolled', 'suspended', 'ended')),
  enrolled_on date NOT NULL,
  ended_on date,
  reason text,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK ((household_id IS NULL) <> (person_id IS NULL))
);
CREATE UNIQUE INDEX aid_enrolment_household ON aid_enrolment (programme_id, household_id) WHERE household_id IS NOT NULL AND status <> 'ended';
CREATE UNIQUE INDEX aid_enrolment_person ON aid_enrolment (programme_id, person_id) WHERE person_id IS NOT NULL AND status <> 'ended';
CREATE INDEX aid_enrolment_household_any ON aid_enrolment (household_id) WHERE household_id IS NOT NULL;
CREATE INDEX aid_enrolment_person_any ON aid_enrolment (person_id) WHERE person_id IS NOT NULL;

-- ---- The built-in programmes (docs/aid.md names the source of every figure) ----

INSERT INTO aid_programme (id, code, name_id, name_en, target_unit, period, stages_per_year, channel, member_cap,
                           new_year_percent, final_year_percent, eligibility, built_in)
VALUES
  ('01930000-0000-7000-8000-00000000a001', 'kks', 'Simpanan Keluarga Sejahtera (KKS/PSKS)', 'Family welfare savings (KKS/PSKS)',
   'household', 'month', NULL, 'giro_pos', NULL, NULL, NULL,
   '[{"kind":"card","card":"kks","held":true}]', true),
  ('01930000-0000-7000-8000-00000000a002', 'pip', 'Program Indonesia Pintar (KIP)', 'Smart Indonesia Programme (KIP school aid)',
   'person', 'year', NULL, 'bank', NULL, 50, 50,
   '[{"kind":"card","card":"kip","held":true},{"kind":"age","min":6,"max":21},{"kind":"school_level","levels":["SD","SMP","SMA"]}]', true),
  ('01930000-0000-7000-8000-00000000a003', 'pkh', 'Program Keluarga Harapan (PKH)', 'Family Hope Programme (PKH conditional cash transfer)',
   'household', 'stage', 4, 'bank', 4, NULL, NULL,
   '[{"kind":"decile","min":1,"max":4}]', true),
  ('01930000-0000-7000-8000-00000000a004', 'sembako', 'Program Sembako (BPNT)', 'Staple food assistance (Sembako, formerly BPNT)',
   'household', 'month', NULL, 'bank', NULL, NULL, NULL,
   '[{"kind":"card","card":"kks","held":true},{"kind":"decile","min":1,"max":4}]', true);

INSERT INTO aid_benefit_rate (id, programme_id, priority, category, basis, condition, amount, max_per_unit, effective_from, effective_to)
VALUES
  -- KKS: Rp200.000 per family per month from the launch in November 2014.
  ('01930000-0000-7000-8000-00000000b101', '01930000-0000-7000-8000-00000000a001', 0, 'family', 'unit', '{}', 200000, NULL, '2014-11-01', NULL),
  -- PIP per pupil per year; SMA/SMK Rp1.000.000 until 2023, Rp1.800.000 from 2024.
  ('01930000-0000-7000-8000-00000000b201', '01930000-0000-7000-8000-00000000a002', 0, 'sd', 'member', '{"schoolLevel":"SD"}', 450000, NULL, '2014-11-01', NULL),
  ('01930000-0000-7000-8000-00000000b202', '01930000-0000-7000-8000-00000000a002', 1, 'smp', 'member', '{"schoolLevel":"SMP"}', 750000, NULL, '2014-11-01', NULL),
  ('01930000-0000-7000-8000-00000000b203', '01930000-0000-7000-8000-00000000a002', 2, 'sma', 'member', '{"schoolLevel":"SMA"}', 1000000, NULL, '2014-11-01', '2023-12-31'),
  ('01930000-0000-7000-8000-00000000b204', '01930000-0000-7000-8000-00000000a002', 2, 'sma', 'member', '{"schoolLevel":"SMA"}', 1800000, NULL, '2024-01-01', NULL),
  -- PKH per person per year (the 2020 index), paid in 4 stages; at most 4 members per family.
  -- Categories in priority order (the highest amounts first): a member counts once.
  ('01930000-0000-7000-8000-00000000b301', '01930000-0000-7000-8000-00000000a003', 0, 'pregnant', 'member', '{"pregnant":true}', 3000000, NULL, '2020-01-01', NULL),
  ('01930000-0000-7000-8000-00000000b302', '01930000-0000-7000-8000-00000000a003', 1, 'early_childhood', 'member', '{"ageMax":6}', 3000000, NULL, '2020-01-01', NULL),
  ('01930000-0000-7000-8000-00000000b303', '01930000-0000-7000-8000-00000000a003', 2, 'disability', 'member', '{"disability":"severe"}', 2400000, NULL, '2020-01-01', NULL),
  ('01930000-0000-7000-8000-00000000b304', '01930000-0000-7000-8000-00000000a003', 3, 'elderly', 'member', '{"ageMin":60}', 2400000, NULL, '2020-01-01', NULL),
  ('01930000-0000-7000-8000-00000000b305', '01930000-0000-7000-8000-00000000a003', 4, 'sma', 'member', '{"schoolLevel":"SMA"}', 2000000, NULL, '2020-01-01', NULL),
  ('01930000-0000-7000-8000-00000000b306', '01930000-0000-7000-8000-00000000a003', 5, 'smp', 'member', '{"schoolLevel":"SMP"}', 1500000, NULL, '2020-01-01', NULL),
  ('01930000-0000-7000-8000-00000000b307', '01930000-0000-7000-8000-00000000a003', 6, 'sd', 'member', '{"schoolLevel":"SD"}', 900000, NULL, '2020-01-01', NULL),
  -- Sembako/BPNT per family per month: Rp110.000 (BPNT, February 2017–2019), Rp150.000 (Sembako, January
  -- 2020), Rp200.000 from March 2020 (the COVID-19 increase, kept since).
  ('01930000-0000-7000-8000-00000000b401', '01930000-0000-7000-8000-00000000a004', 0, 'family', 'unit', '{}', 110000, NULL, '2017-02-01', '2019-12-31'),
  ('01930000-0000-7000-8000-00000000b402', '01930000-0000-7000-8000-00000000a004', 0, 'family', 'unit', '{}', 150000, NULL, '2020-01-01', '2020-02-29'),
  ('01930000-0000-7000-8000-00000000b403', '01930000-0000-7000-8000-00000000a004', 0, 'family', 'unit', '{}', 200000, NULL, '2020-03-01', NULL);

INSERT INTO aid_payment_window (id, programme_id, starts_on, ends_on)
VALUES
  ('01930000-0000-7000-8000-00000000c101', '01930000-0000-7000-8000-00000000a001', '2014-11-01', '2014-12-31'),
  ('01930000-0000-7000-8000-00000000c102', '01930000-0000-7000-8000-00000000a001', '2015-01-01', '2015-03-31');
