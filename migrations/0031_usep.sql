-- Issue 14 part A (seed 002, USEP KM): the chain stimulus (stimulan berantai), the 6-monthly
-- group report and its chain of signatures, businesses over time, coaching and merged businesses.
--
-- The chain (docs/usep.md):
--   a Dinas/NGO stimulus fund → allocation to a group's revolving fund (a ledger entry moving
--   capital and cash between the two funds) → a musyawarah decides the first recipients: each a
--   financing from the group's fund, linked to the meeting → recipients repay into the group's
--   fund → a later musyawarah passes the repaid principal on. Each recipient's money is traced
--   to its sources (the stimulus allocation, or the repayments of earlier recipients), first in
--   first out, so the chain and its generations (rounds) are kept.

CREATE TABLE stimulus_allocation (
  id uuid PRIMARY KEY,
  stimulus_fund_id uuid NOT NULL REFERENCES fund (id),
  group_id uuid NOT NULL REFERENCES business_group (id),
  group_fund_id uuid NOT NULL REFERENCES fund (id),
  amount bigint NOT NULL CHECK (amount > 0),
  allocated_on date NOT NULL,
  -- The decree or letter that allocated it ("SK Kepala Dinas No. 460/123").
  reference text NOT NULL DEFAULT '',
  journal_entry_id uuid NOT NULL REFERENCES journal_entry (id),
  created_by text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK (stimulus_fund_id <> group_fund_id)
);
CREATE INDEX stimulus_allocation_group ON stimulus_allocation (group_id, allocated_on);

-- A member who received the group's revolving money by a musyawarah's decision.
CREATE TABLE stimulus_recipient (
  financing_id uuid PRIMARY KEY REFERENCES financing (id),
  group_id uuid NOT NULL REFERENCES business_group (id),
  meeting_id uuid NOT NULL REFERENCES group_meeting (id),
  person_id uuid NOT NULL REFERENCES person (id),
  household_id uuid NOT NULL REFERENCES household (id),
  amount bigint NOT NULL CHECK (amount > 0),
  -- 1: from the stimulus itself; n + 1: from repayments of generation n.
  generation integer NOT NULL CHECK (generation >= 1),
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX stimulus_recipient_group ON stimulus_recipient (group_id, generation);
CREATE INDEX stimulus_recipient_meeting ON stimulus_recipient (meeting_id);

-- Where a recipient's money came from: the stimulus, an earlier recipient's repayments, or the
-- group's own money (dues, savings) that is not part of the chain.
CREATE TABLE stimulus_source (
  financing_id uuid NOT NULL REFERENCES stimulus_recipient (financing_id),
  n integer NOT NULL CHECK (n > 0),
  source_kind text NOT NULL CHECK (source_kind IN ('stimulus', 'repayment', 'group')),
  allocation_id uuid REFERENCES stimulus_allocation (id),
  source_financing_id uuid REFERENCES financing (id),
  amount bigint NOT NULL CHECK (amount > 0),
  PRIMARY KEY (financing_id, n),
  CHECK ((source_kind = 'stimulus') = (allocation_id IS NOT NULL)),
  CHECK ((source_kind = 'repayment') = (source_financing_id IS NOT NULL))
);
CREATE INDEX stimulus_source_allocation ON stimulus_source (allocation_id) WHERE allocation_id IS NOT NULL;
CREATE INDEX stimulus_source_financing ON stimulus_source (source_financing_id) WHERE source_financing_id IS NOT NULL;

-- Officials of the kelurahan or kecamatan (perangkat kelurahan / kecamatan): they acknowledge
-- (mengetahui) or receive copies (tembusan) of the group reports of their area.
ALTER TABLE app_user DROP CONSTRAINT app_user_role_check;
ALTER TABLE app_user ADD CONSTRAINT app_user_role_check
  CHECK (role IN ('admin', 'manager', 'cashier', 'facilitator', 'cadre', 'health_worker', 'supervisor', 'auditor', 'official'));
-- A user's area: region codes narrowing the scope their offices give (a lurah: their kelurahan; a
-- camat: their kecamatan). Empty: the offices' regions.
ALTER TABLE app_user ADD COLUMN area_codes text[] NOT NULL DEFAULT '{}';

-- The 6-monthly group report. A version is frozen once submitted; a change is a new version
-- (previous_id) that starts again as a draft.
CREATE TABLE group_report (
  id uuid PRIMARY KEY,
  group_id uuid NOT NULL REFERENCES business_group (id),
  office_id uuid NOT NULL REFERENCES office (id),
  region_code text NOT NULL REFERENCES region (code),
  period_start date NOT NULL,
  period_end date NOT NULL,
  version integer NOT NULL DEFAULT 1 CHECK (version >= 1),
  previous_id uuid REFERENCES group_report (id),
  -- The letter's number (nomor surat), e.g. 07/USEP-KM/KRC/VI/2026.
  number text NOT NULL,
  status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'submitted', 'returned', 'accepted', 'acknowledged', 'received', 'superseded')),
  narrative text NOT NULL DEFAULT '',
  problems text NOT NULL DEFAULT '',
  -- The records compiled at submission (members, businesses, stimulus, arrears, meetings, assets).
  compiled jsonb,
  created_by text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK (period_end >= period_start),
  UNIQUE (group_id, period_end, version)
);
CREATE INDEX group_report_region ON group_report (region_code, period_end);

CREATE FUNCTION group_report_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF OLD.status <> 'draft' AND (
       NEW.narrative IS DISTINCT FROM OLD.narrative OR NEW.problems IS DISTINCT FROM OLD.problems
       OR NEW.compiled IS DISTINCT FROM OLD.compiled OR NEW.period_start IS DISTINCT FROM OLD.period_start
       OR NEW.period_end IS DISTINCT FROM OLD.period_end OR NEW.number IS DISTINCT FROM OLD.number) THEN
    RAISE EXCEPTION 'group_report % is submitted: change it through a new version', OLD.id USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN NEW;
END;
$$;
CREATE TRIGGER group_report_frozen BEFORE UPDATE ON group_report FOR EACH ROW EXECUTE FUNCTION group_report_refuse_change();

-- Each step of the chain, signed by a user of the right role and region, timestamped.
CREATE TABLE group_report_step (
  report_id uuid NOT NULL REFERENCES group_report (id),
  n integer NOT NULL CHECK (n > 0),
  step text NOT NULL CHECK (step IN ('submitted', 'returned', 'accepted', 'acknowledged', 'received', 'copied')),
  by_user_id uuid REFERENCES app_user (id),
  by_name text NOT NULL,
  by_role text NOT NULL,
  -- The region the signer signed for (the kelurahan acknowledging, the kecamatan copied).
  region_code text REFERENCES region (code),
  note text NOT NULL DEFAULT '',
  at timestamptz NOT NULL,
  PRIMARY KEY (report_id, n)
);

-- Businesses over time: closing, and figures month by month.
ALTER TABLE business ADD COLUMN closed_on date;
ALTER TABLE business ADD COLUMN closed_reason text;
CREATE TABLE business_month (
  business_id uuid NOT NULL REFERENCES business (id),
  month date NOT NULL CHECK (extract(day FROM month) = 1),
  capital_rupiah bigint NOT NULL CHECK (capital_rupiah >= 0),
  revenue_rupiah bigint NOT NULL CHECK (revenue_rupiah >= 0),
  costs_rupiah bigint NOT NULL CHECK (costs_rupiah >= 0),
  recorded_by text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (business_id, month)
);

-- Coaching (pembinaan): business management, marketing, bookkeeping.
CREATE TABLE coaching_session (
  id uuid PRIMARY KEY,
  group_id uuid REFERENCES business_group (id),
  region_code text NOT NULL REFERENCES region (code),
  held_on date NOT NULL,
  topic text NOT NULL CHECK (topic IN ('business_management', 'marketing', 'bookkeeping', 'production', 'other')),
  title text NOT NULL CHECK (length(trim(title)) > 0),
  notes text NOT NULL DEFAULT '',
  follow_up text NOT NULL DEFAULT '',
  coach_name text NOT NULL,
  recorded_by text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX coaching_session_group ON coaching_session (group_id, held_on DESC);
CREATE TABLE coaching_attendance (
  session_id uuid NOT NULL REFERENCES coaching_session (id),
  person_id uuid NOT NULL REFERENCES person (id),
  present boolean NOT NULL,
  follow_up text NOT NULL DEFAULT '',
  PRIMARY KEY (session_id, person_id)
);
CREATE INDEX coaching_attendance_person ON coaching_attendance (person_id);

-- Merged businesses (penggabungan usaha sejenis): agreed by a musyawarah, with members' shares.
CREATE TABLE merged_business (
  id uuid PRIMARY KEY,
  group_id uuid NOT NULL REFERENCES business_group (id),
  meeting_id uuid NOT NULL REFERENCES group_meeting (id),
  name text NOT NULL CHECK (length(trim(name)) > 0),
  business_type text NOT NULL,
  merged_on date NOT NULL,
  closed_on date,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE TABLE merged_business_member (
  merged_id uuid NOT NULL REFERENCES merged_business (id),
  business_id uuid NOT NULL REFERENCES business (id),
  person_id uuid NOT NULL REFERENCES person (id),
  -- Basis points of the merged business (10000 = 100%): the shares add up to 10000.
  share_bp integer NOT NULL CHECK (share_bp > 0 AND share_bp <= 10000),
  PRIMARY KEY (merged_id, business_id)
);
CREATE TABLE merged_business_month (
  merged_id uuid NOT NULL REFERENCES merged_business (id),
  month date NOT NULL CHECK (extract(day FROM month) = 1),
  capital_rupiah bigint NOT NULL CHECK (capital_rupiah >= 0),
  revenue_rupiah bigint NOT NULL CHECK (revenue_rupiah >= 0),
  costs_rupiah bigint NOT NULL CHECK (costs_rupiah >= 0),
  recorded_by text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (merged_id, month)
);
