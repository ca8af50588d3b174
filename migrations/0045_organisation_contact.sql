-- The organisation's letterhead address and the number the public calls to report a fake
-- cadre card (shown on the public card check /v/…); both optional, set on the organisation page.
ALTER TABLE organisation ADD COLUMN address text;
ALTER TABLE organisation ADD COLUMN report_contact text;
