-- Partnerships for health promotion (kemitraan, seed 004): partners of three kinds and three
-- pillars, partnerships that move through six steps in order, the resources each partner brings,
-- the communication log, activities, agreements (MoU) with their PDF, and evaluations that score
-- the three principles. Outcomes are never stored here: they are computed from the health records
-- of the partnership's target villages (docs/partnerships.md).

CREATE TABLE partner (
  id uuid PRIMARY KEY,
  office_id uuid NOT NULL REFERENCES office (id),
  name text NOT NULL CHECK (length(trim(name)) > 0),
  -- unsur pemerintah, dunia usaha (swasta), organisasi non pemerintah
  kind text NOT NULL CHECK (kind IN ('government', 'business', 'non_government')),
  -- lintas program (health programmes), lintas sektor (government sectors), kemitraan lebih luas (wider)
  pillar text NOT NULL CHECK (pillar IN ('health_programme', 'government_sector', 'wider')),
  -- Within the wider pillar: dunia usaha, LSM dan organisasi massa, organisasi profesi.
  wider_element text CHECK (wider_element IN ('business', 'ngo_mass_organisation', 'professional_organisation')),
  contact_name text NOT NULL DEFAULT '',
  contact_phone text NOT NULL DEFAULT '',
  contact_email text NOT NULL DEFAULT '',
  address text NOT NULL DEFAULT '',
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK ((pillar = 'wider') = (wider_element IS NOT NULL))
);
CREATE INDEX partner_office ON partner (office_id, name);

CREATE TABLE partnership (
  id uuid PRIMARY KEY,
  office_id uuid NOT NULL REFERENCES office (id),
  title text NOT NULL CHECK (length(trim(title)) > 0),
  -- The day the partnership started: outcomes compare the health records before and after it.
  started_on date NOT NULL,
  step text NOT NULL DEFAULT 'penjajakan' CHECK (
    step IN ('penjajakan', 'penyamaan_persepsi', 'pengaturan_peran', 'komunikasi_intensif', 'melaksanakan_kegiatan', 'pemantauan_penilaian')
  ),
  exploration_notes text NOT NULL DEFAULT '',
  vision text NOT NULL DEFAULT '',
  goals text NOT NULL DEFAULT '',
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX partnership_office ON partnership (office_id, step);

-- The villages the partnership works in (its outcome is theirs).
CREATE TABLE partnership_village (
  partnership_id uuid NOT NULL REFERENCES partnership (id),
  village_code text NOT NULL,
  PRIMARY KEY (partnership_id, village_code)
);
CREATE INDEX partnership_village_code ON partnership_village (village_code);

-- The roles matrix: each partner in the partnership and what it does.
CREATE TABLE partnership_partner (
  partnership_id uuid NOT NULL REFERENCES partnership (id),
  partner_id uuid NOT NULL REFERENCES partner (id),
  responsibilities text NOT NULL DEFAULT '',
  joined_on date NOT NULL,
  PRIMARY KEY (partnership_id, partner_id)
);
CREATE INDEX partnership_partner_partner ON partnership_partner (partner_id);

-- What a partner brings to a partnership: money (integer rupiah), goods, people, facilities.
CREATE TABLE partnership_resource (
  id uuid PRIMARY KEY,
  partnership_id uuid NOT NULL,
  partner_id uuid NOT NULL,
  kind text NOT NULL CHECK (kind IN ('money', 'goods', 'people', 'facilities')),
  description text NOT NULL CHECK (length(trim(description)) > 0),
  amount bigint CHECK (amount > 0),
  quantity integer CHECK (quantity > 0),
  created_at timestamptz NOT NULL DEFAULT now(),
  FOREIGN KEY (partnership_id, partner_id) REFERENCES partnership_partner (partnership_id, partner_id),
  CHECK ((kind = 'money') = (amount IS NOT NULL))
);
CREATE INDEX partnership_resource_partnership ON partnership_resource (partnership_id);

-- Each step entered, in order: the partnership's history.
CREATE TABLE partnership_step (
  partnership_id uuid NOT NULL REFERENCES partnership (id),
  step text NOT NULL,
  entered_on date NOT NULL,
  entered_by text NOT NULL,
  note text NOT NULL DEFAULT '',
  PRIMARY KEY (partnership_id, step)
);

-- The communication log (komunikasi intensif).
CREATE TABLE partnership_communication (
  id uuid PRIMARY KEY,
  partnership_id uuid NOT NULL REFERENCES partnership (id),
  held_on date NOT NULL,
  channel text NOT NULL CHECK (channel IN ('meeting', 'phone', 'letter', 'email', 'message', 'visit')),
  summary text NOT NULL CHECK (length(trim(summary)) > 0),
  partner_ids text[] NOT NULL DEFAULT '{}',
  recorded_by text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX partnership_communication_partnership ON partnership_communication (partnership_id, held_on);

-- Meetings, workshops, agreements, seminars (process) and joint programmes (output).
CREATE TABLE partnership_activity (
  id uuid PRIMARY KEY,
  partnership_id uuid NOT NULL REFERENCES partnership (id),
  kind text NOT NULL CHECK (kind IN ('meeting', 'workshop', 'agreement', 'seminar', 'joint_programme')),
  title text NOT NULL CHECK (length(trim(title)) > 0),
  held_on date NOT NULL,
  place text NOT NULL CHECK (length(trim(place)) > 0),
  participants integer NOT NULL CHECK (participants >= 0),
  notes text NOT NULL DEFAULT '',
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX partnership_activity_partnership ON partnership_activity (partnership_id, held_on);

CREATE TABLE partnership_activity_partner (
  activity_id uuid NOT NULL REFERENCES partnership_activity (id),
  partner_id uuid NOT NULL REFERENCES partner (id),
  PRIMARY KEY (activity_id, partner_id)
);

-- Evaluations (pemantauan dan penilaian): each scores the three principles 1–5.
CREATE TABLE partnership_evaluation (
  id uuid PRIMARY KEY,
  partnership_id uuid NOT NULL REFERENCES partnership (id),
  evaluated_on date NOT NULL,
  equity smallint NOT NULL CHECK (equity BETWEEN 1 AND 5),
  transparency smallint NOT NULL CHECK (transparency BETWEEN 1 AND 5),
  mutual_benefit smallint NOT NULL CHECK (mutual_benefit BETWEEN 1 AND 5),
  findings text NOT NULL DEFAULT '',
  recommendations text NOT NULL DEFAULT '',
  evaluated_by text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX partnership_evaluation_partnership ON partnership_evaluation (partnership_id, evaluated_on);

-- Agreements (MoU / perjanjian kerja sama) and their signed PDF.
CREATE TABLE partnership_agreement (
  id uuid PRIMARY KEY,
  partnership_id uuid NOT NULL REFERENCES partnership (id),
  number text NOT NULL CHECK (length(trim(number)) > 0),
  title text NOT NULL CHECK (length(trim(title)) > 0),
  starts_on date NOT NULL,
  ends_on date NOT NULL CHECK (ends_on >= starts_on),
  document bytea CHECK (octet_length(document) BETWEEN 1 AND 5242880),
  document_sha256 text,
  document_uploaded_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (partnership_id, number)
);
CREATE INDEX partnership_agreement_ends ON partnership_agreement (ends_on);

CREATE TABLE partnership_agreement_party (
  agreement_id uuid NOT NULL REFERENCES partnership_agreement (id),
  partner_id uuid NOT NULL REFERENCES partner (id),
  PRIMARY KEY (agreement_id, partner_id)
);
