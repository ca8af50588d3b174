-- Business groups (kelompok): kinds with size limits, members, officers, villages,
-- deliberation meetings (musyawarah) with attendance, and productive assets received in kind.
CREATE TABLE group_kind (
  code text PRIMARY KEY,
  name text NOT NULL,
  -- What the limits count: households (KUBE: 8–10 families) or members (USEP KM: 30).
  counts text NOT NULL CHECK (counts IN ('households', 'members')),
  min_size integer,
  max_size integer,
  CHECK (min_size IS NULL OR max_size IS NULL OR min_size <= max_size)
);
INSERT INTO group_kind (code, name, counts, min_size, max_size) VALUES
  ('kube', 'KUBE / Keluarga Produktif', 'households', 8, 10),
  ('usep_km', 'USEP KM', 'members', 30, 30),
  ('jkm', 'Kelompok anggota JKM', 'members', NULL, NULL);

CREATE TABLE business_group (
  id uuid PRIMARY KEY,
  kind text NOT NULL REFERENCES group_kind (code),
  name text NOT NULL CHECK (length(trim(name)) > 0),
  office_id uuid NOT NULL REFERENCES office (id),
  region_code text NOT NULL REFERENCES region (code),
  facilitator_id uuid REFERENCES app_user (id),
  account_number text,
  formed_on date NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX business_group_region ON business_group (region_code);

CREATE TABLE group_village (
  group_id uuid NOT NULL REFERENCES business_group (id),
  village_code text NOT NULL REFERENCES region (code),
  PRIMARY KEY (group_id, village_code)
);

CREATE TABLE group_member (
  group_id uuid NOT NULL REFERENCES business_group (id),
  person_id uuid NOT NULL REFERENCES person (id),
  household_id uuid NOT NULL REFERENCES household (id),
  kind text NOT NULL REFERENCES group_kind (code),
  joined_on date NOT NULL,
  left_on date,
  PRIMARY KEY (group_id, person_id)
);
-- A person is in at most one active group of each kind.
CREATE UNIQUE INDEX group_member_one_per_kind ON group_member (person_id, kind) WHERE left_on IS NULL;

CREATE TABLE group_officer (
  group_id uuid NOT NULL REFERENCES business_group (id),
  role text NOT NULL CHECK (role IN ('ketua', 'sekretaris', 'bendahara')),
  person_id uuid NOT NULL REFERENCES person (id),
  PRIMARY KEY (group_id, role)
);

CREATE TABLE group_meeting (
  id uuid PRIMARY KEY,
  group_id uuid NOT NULL REFERENCES business_group (id),
  held_on date NOT NULL,
  place text NOT NULL DEFAULT '',
  agenda text NOT NULL,
  decisions text NOT NULL DEFAULT '',
  minutes text NOT NULL DEFAULT '',
  recorded_by uuid REFERENCES app_user (id),
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX group_meeting_group ON group_meeting (group_id, held_on DESC);

CREATE TABLE meeting_attendance (
  meeting_id uuid NOT NULL REFERENCES group_meeting (id),
  person_id uuid NOT NULL REFERENCES person (id),
  present boolean NOT NULL,
  PRIMARY KEY (meeting_id, person_id)
);

CREATE TABLE group_asset (
  id uuid PRIMARY KEY,
  group_id uuid NOT NULL REFERENCES business_group (id),
  item text NOT NULL CHECK (length(trim(item)) > 0),
  value_rupiah bigint NOT NULL CHECK (value_rupiah >= 0),
  received_on date NOT NULL,
  source_programme text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
