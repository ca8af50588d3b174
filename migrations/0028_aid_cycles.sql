-- Issue 13, items 5–9: payment cycles, entitlements, payment instructions, reconciliation;
-- the registry's school level and the programme's priority regions.
--
-- The flow (docs/aid.md, "Cycles and payments"):
--   cycle open → compute (entitlements 'computed', in restartable chunks) → cycle approved by a
--   second person (maker-checker) → entitlements approved (all at once, or one by one) or
--   excluded with a reason → instructions per channel in numbered batches (one unique reference
--   per instruction) → the channel's confirmation file: paid / failed / returned.
-- Failed and returned entitlements go to the retry list; a retry is a new instruction with a
-- new reference. An entitlement is paid at most once: a partial unique index on the paid
-- instruction of an entitlement.

-- Where a programme is rolled out first (seed 001: 19 priority regencies): region codes.
ALTER TABLE aid_programme ADD COLUMN priority_regions text[] NOT NULL DEFAULT '{}';

-- What school a person attends now (registry): SD / SMP / SMA (SMA covers SMK and MA), and
-- whether this is their first (new), a middle or their final year. PIP and PKH read it.
ALTER TABLE person ADD COLUMN school_level text CHECK (school_level IN ('SD', 'SMP', 'SMA'));
ALTER TABLE person ADD COLUMN school_year text CHECK (school_year IN ('new', 'middle', 'final'));
ALTER TABLE person ADD CONSTRAINT person_school_year_needs_level CHECK (school_year IS NULL OR school_level IS NOT NULL);

-- Two accounts of the chart for social assistance: what is owed to recipients once a cycle's
-- entitlements are approved, and the expense it is. Paid: owed → bank.
INSERT INTO ledger_account (code, name_id, name_en, type, parent_code, postable, scheme, contra) VALUES
  ('2.3', 'Utang bantuan sosial', 'Social assistance payable', 'liability', '2', false, 'both', false),
  ('2.3.01', 'Utang bantuan sosial kepada penerima', 'Social assistance owed to recipients', 'liability', '2.3', true, 'both', false),
  ('5.3', 'Beban bantuan sosial', 'Social assistance expenses', 'expense', '5', false, 'both', false),
  ('5.3.01', 'Penyaluran bantuan sosial', 'Social assistance paid out', 'expense', '5.3', true, 'both', false);

CREATE TABLE aid_cycle (
  id uuid PRIMARY KEY,
  programme_id uuid NOT NULL REFERENCES aid_programme (id),
  -- "PKH 2025 tahap 1", "KKS November 2014"
  name text NOT NULL CHECK (length(trim(name)) BETWEEN 1 AND 120),
  -- The period paid; rates and ages are read on period_start.
  period_start date NOT NULL,
  period_end date NOT NULL,
  -- open: computing and reviewing; approved: by a second person, entitlements may be approved
  -- and paid; closed: nothing more is paid from it.
  status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'approved', 'closed')),
  -- idle: never computed; computing: a compute started and has not finished (a killed run
  -- leaves this; approval waits for a finished compute); computed: every enrolled unit has
  -- its entitlement.
  compute_state text NOT NULL DEFAULT 'idle' CHECK (compute_state IN ('idle', 'computing', 'computed')),
  computed_at timestamptz,
  created_by text NOT NULL,
  created_by_name text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  approved_by text,
  approved_by_name text,
  approved_at timestamptz,
  CHECK (period_end >= period_start),
  CHECK ((status = 'open') = (approved_by IS NULL)),
  UNIQUE (programme_id, period_start)
);
CREATE INDEX aid_cycle_programme ON aid_cycle (programme_id, period_start DESC);

-- One unit's entitlement in one cycle. Copied from the enrolment when computed (village,
-- recipient, channel, account), so a later change of account does not rewrite what was owed.
-- The household and persons copied carry no foreign keys of their own: they come from the
-- enrolment (which references them) in the same statement, and registry rows are never deleted
-- (a merge keeps the row). Measured (bench/aid-cycle.ts, 100,000 rows on PostgreSQL): the three
-- extra key checks, each locking a registry row, made the compute 1.5× slower.
CREATE TABLE aid_entitlement (
  id uuid PRIMARY KEY,
  cycle_id uuid NOT NULL REFERENCES aid_cycle (id),
  enrolment_id uuid NOT NULL REFERENCES aid_enrolment (id),
  unit_household_id uuid NOT NULL,
  person_id uuid,
  village_code text NOT NULL,
  recipient_id uuid NOT NULL,
  channel text NOT NULL CHECK (channel IN ('lkd', 'giro_pos', 'bank')),
  account text NOT NULL CHECK (account ~ '^[0-9]{6,20}$'),
  amount bigint NOT NULL CHECK (amount >= 0),
  -- [{"member": personId, "category": "sd", "amount": "225000"}]
  components jsonb NOT NULL DEFAULT '[]',
  -- computed → approved | excluded; approved → instructed → paid | failed | returned;
  -- failed / returned → instructed again (a retry, a new instruction).
  status text NOT NULL DEFAULT 'computed'
    CHECK (status IN ('computed', 'excluded', 'approved', 'instructed', 'paid', 'failed', 'returned')),
  exclusion_reason text,
  excluded_by text,
  approved_by text,
  approved_at timestamptz,
  paid_on date,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK ((status = 'excluded') = (exclusion_reason IS NOT NULL)),
  UNIQUE (cycle_id, enrolment_id)
);
CREATE INDEX aid_entitlement_cycle_status ON aid_entitlement (cycle_id, status, id);
CREATE INDEX aid_entitlement_household ON aid_entitlement (unit_household_id);
CREATE INDEX aid_entitlement_village ON aid_entitlement (village_code);

-- A numbered batch of instructions for one channel of one cycle: one downloadable file,
-- reproducible byte for byte from its rows.
CREATE TABLE aid_instruction_batch (
  id uuid PRIMARY KEY,
  cycle_id uuid NOT NULL REFERENCES aid_cycle (id),
  channel text NOT NULL CHECK (channel IN ('lkd', 'giro_pos', 'bank')),
  number integer NOT NULL CHECK (number >= 1),
  instruction_count integer NOT NULL DEFAULT 0,
  total bigint NOT NULL DEFAULT 0,
  created_by text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (cycle_id, channel, number)
);

-- One instruction to pay one entitlement once; its reference is what the channel confirms.
CREATE TABLE aid_instruction (
  id uuid PRIMARY KEY,
  batch_id uuid NOT NULL REFERENCES aid_instruction_batch (id),
  entitlement_id uuid NOT NULL REFERENCES aid_entitlement (id),
  reference text NOT NULL UNIQUE CHECK (reference ~ '^[A-Z0-9-]{6,40}$'),
  attempt smallint NOT NULL CHECK (attempt >= 1),
  amount bigint NOT NULL CHECK (amount > 0),
  -- The payee as instructed: the recipient's name and family card (KK) number when the batch was
  -- made. The file is rebuilt from these rows, so every download is the same bytes even after
  -- the registry corrects a name (payments, issue 13 item 6).
  payee_name text NOT NULL,
  payee_kk text NOT NULL,
  status text NOT NULL DEFAULT 'instructed' CHECK (status IN ('instructed', 'paid', 'failed', 'returned')),
  channel_reference text,
  settled_on date,
  reconciliation_id uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (entitlement_id, attempt)
);
-- Never paid twice: at most one paid instruction per entitlement.
CREATE UNIQUE INDEX aid_instruction_paid_once ON aid_instruction (entitlement_id) WHERE status = 'paid';
CREATE INDEX aid_instruction_batch_reference ON aid_instruction (batch_id, reference);

-- One imported confirmation file of a channel, with what each line did.
CREATE TABLE aid_reconciliation (
  id uuid PRIMARY KEY,
  cycle_id uuid NOT NULL REFERENCES aid_cycle (id),
  channel text NOT NULL CHECK (channel IN ('lkd', 'giro_pos', 'bank')),
  file_name text NOT NULL,
  file_sha256 text NOT NULL CHECK (file_sha256 ~ '^[0-9a-f]{64}$'),
  line_count integer NOT NULL DEFAULT 0,
  -- {"paid": n, "failed": n, "returned": n, "duplicate": n, "unchanged": n, "unknown": n, "mismatch": n, "invalid": n}
  counts jsonb NOT NULL DEFAULT '{}',
  paid_total bigint NOT NULL DEFAULT 0,
  returned_total bigint NOT NULL DEFAULT 0,
  created_by text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX aid_reconciliation_cycle ON aid_reconciliation (cycle_id, created_at DESC);

-- The lines of an import that were not applied (unknown reference, amount mismatch, duplicate,
-- invalid), kept for the report; applied lines are on the instructions themselves.
CREATE TABLE aid_reconciliation_issue (
  id uuid PRIMARY KEY,
  reconciliation_id uuid NOT NULL REFERENCES aid_reconciliation (id),
  line_no integer NOT NULL,
  outcome text NOT NULL CHECK (outcome IN ('duplicate', 'unknown', 'mismatch', 'invalid', 'unchanged')),
  reference text,
  detail text NOT NULL
);
CREATE INDEX aid_reconciliation_issue_of ON aid_reconciliation_issue (reconciliation_id, line_no);

-- Seed 001: KKS (with its e-money SIM card), KIP and KIS were handed out first in 19 priority
-- regencies/cities (Kota Surabaya is listed twice in the source; Mamuju Utara is now Pasangkayu).
UPDATE aid_programme SET priority_regions = ARRAY[
  '51.01', '36.01', '31.73', '31.71', '31.74', '31.75', '31.72', '32.09', '32.75', '32.08',
  '33.74', '33.28', '35.10', '35.78', '64.71', '53.71', '76.01', '12.72', '12.06'
] WHERE code IN ('kks', 'pip');
