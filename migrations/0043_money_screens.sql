-- Issue 15 §3, the money screens.
-- PAR drilled down to named financings: those past due, most days late first (the partial index
-- holds only the few at risk, so it stays small however large the portfolio).
CREATE INDEX financing_at_risk ON financing (days_past_due DESC, outstanding_principal DESC, id)
  WHERE status = 'disbursed' AND days_past_due > 0;
-- Every financing has a responsible officer (a facilitator or manager a manager assigns):
-- the list's filter by officer and the officer's own list find theirs through it.
CREATE INDEX financing_facilitator ON financing (facilitator_id) WHERE facilitator_id IS NOT NULL;
