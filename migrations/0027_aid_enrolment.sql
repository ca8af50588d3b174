-- Issue 13, item 4: enrolment in a social assistance programme, with the recipient and the
-- channel account. aid_enrolment (0025) was created empty and has never held rows outside
-- tests, so the new columns are NOT NULL without a default.
--
-- unit_household_id: the household of the unit (the household itself, or the family of the
--   enrolled person); the recipient is a living member of it. It carries the scope
--   (village_code) and the shared-account check (two households, one account).
-- status pending_account: enrolled without an account yet (bulk enrolment); it becomes
--   'enrolled' when the account is given. 'enrolled' always has an account.
-- account: normalised (bank and giro pos: digits only; e-money (lkd): 08…).
ALTER TABLE aid_enrolment DROP CONSTRAINT aid_enrolment_status_check;
ALTER TABLE aid_enrolment ADD CONSTRAINT aid_enrolment_status_check
  CHECK (status IN ('pending_account', 'enrolled', 'suspended', 'ended'));
ALTER TABLE aid_enrolment ADD COLUMN unit_household_id uuid NOT NULL REFERENCES household (id);
ALTER TABLE aid_enrolment ADD COLUMN village_code text NOT NULL;
ALTER TABLE aid_enrolment ADD COLUMN recipient_id uuid NOT NULL REFERENCES person (id);
ALTER TABLE aid_enrolment ADD COLUMN channel text NOT NULL CHECK (channel IN ('lkd', 'giro_pos', 'bank'));
ALTER TABLE aid_enrolment ADD COLUMN account text;
ALTER TABLE aid_enrolment ADD CONSTRAINT aid_enrolment_account_when_enrolled CHECK (status <> 'enrolled' OR account IS NOT NULL);
ALTER TABLE aid_enrolment ADD CONSTRAINT aid_enrolment_account_digits CHECK (account IS NULL OR account ~ '^[0-9]{6,20}$');

-- The registry's duplicate review asks for accounts shared by two households: an index join.
CREATE INDEX aid_enrolment_account ON aid_enrolment (channel, account) WHERE account IS NOT NULL AND status <> 'ended';
-- A programme's enrolments, paged by id.
CREATE INDEX aid_enrolment_programme ON aid_enrolment (programme_id, id);
