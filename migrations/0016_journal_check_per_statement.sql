-- The balance of journal lines is checked once per INSERT statement (over the entries it
-- touched) instead of once per line at commit: a four-line entry cost five checks, now two
-- (this one and the entry's own check at commit, which also catches an entry left without
-- lines). An entry's lines must therefore be inserted together, which postEntry does.
DROP TRIGGER journal_line_balanced ON journal_line;
DROP FUNCTION journal_line_check_balanced();

CREATE FUNCTION journal_lines_check_balanced() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  bad record;
BEGIN
  SELECT l.entry_id, count(*) AS lines, sum(l.debit) - sum(l.credit) AS difference INTO bad
  FROM journal_line l
  WHERE l.entry_id IN (SELECT DISTINCT entry_id FROM new_lines)
  GROUP BY l.entry_id
  HAVING count(*) < 2 OR sum(l.debit) <> sum(l.credit)
  LIMIT 1;
  IF FOUND THEN
    RAISE EXCEPTION 'journal entry % is unbalanced (% lines, debit - credit = %)', bad.entry_id, bad.lines, bad.difference
      USING ERRCODE = 'check_violation';
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER journal_line_balanced AFTER INSERT ON journal_line
  REFERENCING NEW TABLE AS new_lines FOR EACH STATEMENT EXECUTE FUNCTION journal_lines_check_balanced();
