-- Issue 15 §5: a receipt for every payment taken in the field, numbered on the phone, offline too.
--
-- A phone asks once (online, when it first downloads) for a device code of its own: F001, F002, …
-- It then numbers its receipts itself, F007-00001, F007-00002, … (device code + the phone's own
-- sequence), so two phones can never give the same number. On sync the number is claimed here
-- for the op that carries it: the device must be the pushing worker's own, and a number already
-- claimed by another op is refused. The payment keeps the number (a repayment in
-- financing_repayment.field_receipt_number; a contribution as its receipt_number).

CREATE TABLE field_device (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  code text GENERATED ALWAYS AS ('F' || CASE WHEN id < 1000 THEN lpad(id::text, 3, '0') ELSE id::text END) STORED UNIQUE,
  user_id uuid NOT NULL REFERENCES app_user (id),
  registered_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX field_device_user ON field_device (user_id);

CREATE TABLE field_receipt_number (
  number text PRIMARY KEY CHECK (number ~ '^F\d{3,}-\d{5,}$'),
  device_id bigint NOT NULL REFERENCES field_device (id),
  -- The op (its id on the phone) the number was given to: a repeat of the same op may claim it again.
  op_id uuid NOT NULL,
  kind text NOT NULL CHECK (kind IN ('repayment', 'contribution')),
  claimed_at timestamptz NOT NULL DEFAULT now()
);

ALTER TABLE financing_repayment ADD COLUMN field_receipt_number text UNIQUE;

-- The family's phone number, shown on the field app's family page beside the address and RT/RW.
ALTER TABLE household ADD COLUMN phone text NOT NULL DEFAULT '' CHECK (phone ~ '^(\+?[0-9][0-9 -]{5,18}[0-9])?$');
