-- Members' businesses (usaha): what feeds mudharabah profit sharing and coaching.
CREATE TABLE business (
  id uuid PRIMARY KEY,
  person_id uuid NOT NULL REFERENCES person (id),
  village_code text NOT NULL REFERENCES region (code),
  name text NOT NULL CHECK (length(trim(name)) > 0),
  business_type text NOT NULL,
  sector text NOT NULL CHECK (sector IN ('trade', 'food', 'agriculture', 'livestock', 'fishery', 'craft', 'services', 'manufacturing', 'other')),
  started_on date,
  capital_rupiah bigint NOT NULL DEFAULT 0 CHECK (capital_rupiah >= 0),
  monthly_revenue_rupiah bigint NOT NULL DEFAULT 0 CHECK (monthly_revenue_rupiah >= 0),
  monthly_costs_rupiah bigint NOT NULL DEFAULT 0 CHECK (monthly_costs_rupiah >= 0),
  active boolean NOT NULL DEFAULT true,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX business_person ON business (person_id);
