-- Dashboards (issue 15 §7): monthly figures per region, so that a dashboard reads a few rows
-- instead of the journal. Filled by close of day for the month of the day closed (flows of the
-- month, and the state of the portfolio, coverage and collectability at that close), and rolled
-- up from the village to its district, regency, province and the whole organisation (region_code
-- '') in the same statement, so that any office, region or scope reads its own rows exactly.
-- Only additive figures are kept (sums and counts); ratios are computed when read.
CREATE TABLE dashboard_month (
  subject text NOT NULL CHECK (subject IN ('portfolio', 'aid', 'jkn', 'health', 'partnerships')),
  region_code text NOT NULL,
  month text NOT NULL CHECK (month ~ '^\d{4}-(0[1-9]|1[0-2])$'),
  metric text NOT NULL,
  value bigint NOT NULL,
  PRIMARY KEY (subject, region_code, month, metric)
);

-- The months filled, and the day each was last filled for (the dashboards say "as of").
CREATE TABLE dashboard_refresh (
  month text PRIMARY KEY,
  refreshed_for date NOT NULL,
  refreshed_at timestamptz NOT NULL DEFAULT now()
);

-- Close of day reads the month's repayments and disbursements by date for the dashboards (and the
-- home page today's receipts): without these it would scan both tables.
CREATE INDEX financing_repayment_paid_on ON financing_repayment (paid_on);
CREATE INDEX financing_disbursed_on ON financing (disbursed_on) WHERE disbursed_on IS NOT NULL;
