-- Aid payments partitioned by month (issue 16 item 2, docs/partitions.md): aid_instruction by
-- the period start of its cycle. Every instruction of an entitlement (first attempt and every
-- retry) belongs to one cycle, and a cycle has one period start, so every instruction of an
-- entitlement sits in the same partition: the keys below, which PostgreSQL wants to name the
-- partition key, are as strong as the old ones.
--   (entitlement_id, attempt)                 → (entitlement_id, attempt, period_start)
--   never paid twice: (entitlement_id) paid   → (entitlement_id, period_start) paid
--   reference                                 → (reference, period_start); a reference names its
--     period (PROGRAMME-YYYYMMDD-sequence-attempt, payment.rules.ts), so it stays unique overall.
-- period_start is filled from the cycle when the instruction is written and checked here.

INSERT INTO partition_parent VALUES ('aid_instruction', 'period_start', 'date');

ALTER TABLE aid_instruction RENAME TO aid_instruction_unpartitioned;
CREATE TABLE aid_instruction (
  id uuid NOT NULL,
  batch_id uuid NOT NULL REFERENCES aid_instruction_batch (id),
  entitlement_id uuid NOT NULL REFERENCES aid_entitlement (id),
  -- The period start of the instruction's cycle: the partition key.
  period_start date NOT NULL,
  reference text NOT NULL CHECK (reference ~ '^[A-Z0-9-]{6,40}$'),
  attempt smallint NOT NULL CHECK (attempt >= 1),
  amount bigint NOT NULL CHECK (amount > 0),
  payee_name text NOT NULL,
  payee_kk text NOT NULL,
  status text NOT NULL DEFAULT 'instructed' CHECK (status IN ('instructed', 'paid', 'failed', 'returned')),
  channel_reference text,
  settled_on date,
  reconciliation_id uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
) PARTITION BY RANGE (period_start);
CREATE TABLE aid_instruction_default PARTITION OF aid_instruction DEFAULT;
SELECT partition_ensure_months('aid_instruction',
  least(coalesce((SELECT min(period_start) FROM aid_cycle), current_date), current_date),
  (date_trunc('month', greatest(coalesce((SELECT max(period_start) FROM aid_cycle), current_date), current_date)) + interval '3 months')::date);
INSERT INTO aid_instruction (id, batch_id, entitlement_id, period_start, reference, attempt, amount, payee_name, payee_kk, status,
                             channel_reference, settled_on, reconciliation_id, created_at, updated_at)
  SELECT i.id, i.batch_id, i.entitlement_id, c.period_start, i.reference, i.attempt, i.amount, i.payee_name, i.payee_kk, i.status,
         i.channel_reference, i.settled_on, i.reconciliation_id, i.created_at, i.updated_at
  FROM aid_instruction_unpartitioned i JOIN aid_entitlement e ON e.id = i.entitlement_id JOIN aid_cycle c ON c.id = e.cycle_id;
DROP TABLE aid_instruction_unpartitioned;
ALTER TABLE aid_instruction ADD PRIMARY KEY (id, period_start);
ALTER TABLE aid_instruction ADD CONSTRAINT aid_instruction_reference_key UNIQUE (reference, period_start);
ALTER TABLE aid_instruction ADD CONSTRAINT aid_instruction_entitlement_id_attempt_key UNIQUE (entitlement_id, attempt, period_start);
-- Never paid twice: at most one paid instruction per entitlement (all of them share the partition).
CREATE UNIQUE INDEX aid_instruction_paid_once ON aid_instruction (entitlement_id, period_start) WHERE status = 'paid';
CREATE INDEX aid_instruction_batch_reference ON aid_instruction (batch_id, reference);

-- The partition key is the cycle's period start, never another date: checked once per statement
-- (a batch of 170,000 instructions is one INSERT), and never changed afterwards.
CREATE FUNCTION aid_instruction_check_period() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  bad record;
BEGIN
  SELECT n.reference, n.period_start AS given, c.period_start AS expected INTO bad
  FROM new_instructions n JOIN aid_entitlement e ON e.id = n.entitlement_id JOIN aid_cycle c ON c.id = e.cycle_id
  WHERE n.period_start <> c.period_start
  LIMIT 1;
  IF FOUND THEN
    RAISE EXCEPTION 'aid instruction % has period_start %, its cycle starts %', bad.reference, bad.given, bad.expected
      USING ERRCODE = 'check_violation';
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER aid_instruction_period AFTER INSERT ON aid_instruction
  REFERENCING NEW TABLE AS new_instructions FOR EACH STATEMENT EXECUTE FUNCTION aid_instruction_check_period();

CREATE FUNCTION aid_instruction_refuse_move() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.period_start <> OLD.period_start OR NEW.entitlement_id <> OLD.entitlement_id OR NEW.batch_id <> OLD.batch_id THEN
    RAISE EXCEPTION 'an aid instruction keeps its entitlement, batch and period' USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER aid_instruction_keep_period BEFORE UPDATE OF period_start, entitlement_id, batch_id ON aid_instruction
  FOR EACH ROW EXECUTE FUNCTION aid_instruction_refuse_move();
