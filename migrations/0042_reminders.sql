-- Reminders outbox (docs/reminders.md): one row per due item, recipient and channel, claimed
-- before it is sent and marked with the outcome. The unique key keeps a due item from being
-- queued twice on a channel, across runs and restarts.

-- How a person (a member) or a user (staff) is reached, in which language, and whether they
-- refused reminders. No row: Indonesian, no address (only the log channel reaches them).
CREATE TABLE reminder_contact (
  recipient_kind text NOT NULL CHECK (recipient_kind IN ('person', 'user')),
  recipient_id uuid NOT NULL,
  language text NOT NULL DEFAULT 'id' CHECK (language IN ('id', 'en')),
  phone text CHECK (phone ~ '^\+?[0-9]{8,15}$'),
  email text CHECK (email ~ '^[^@\s]+@[^@\s]+$'),
  opted_out boolean NOT NULL DEFAULT false,
  opted_out_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (recipient_kind, recipient_id)
);

CREATE TABLE reminder (
  id uuid PRIMARY KEY,
  kind text NOT NULL CHECK (kind IN ('instalment_due', 'instalment_overdue', 'jkn_due', 'screening_recall', 'mou_expiry', 'group_report_due', 'books_root')),
  -- The due item: financing id and instalment, household and month, agreement and end date…
  item_key text NOT NULL,
  channel text NOT NULL CHECK (channel IN ('log', 'email', 'sms', 'whatsapp')),
  recipient_kind text NOT NULL CHECK (recipient_kind IN ('person', 'user')),
  recipient_id uuid NOT NULL,
  recipient_name text NOT NULL,
  -- Phone or e-mail address at the time it was queued; null on the log channel.
  address text,
  office_id uuid REFERENCES office (id),
  region_code text NOT NULL,
  due_on date NOT NULL,
  language text NOT NULL CHECK (language IN ('id', 'en')),
  -- What the template needs (amounts as decimal strings, dates, numbers).
  params jsonb NOT NULL,
  status text NOT NULL DEFAULT 'waiting' CHECK (status IN ('waiting', 'sending', 'sent', 'failed', 'cancelled')),
  attempts integer NOT NULL DEFAULT 0 CHECK (attempts >= 0),
  max_attempts integer NOT NULL CHECK (max_attempts >= 1),
  next_attempt_at timestamptz NOT NULL,
  claimed_at timestamptz,
  sent_at timestamptz,
  last_error text,
  provider_id text,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (kind, item_key, channel, recipient_kind, recipient_id)
);
-- What a run sends next.
CREATE INDEX reminder_next ON reminder (next_attempt_at) WHERE status IN ('waiting', 'sending');
-- The screen: newest first, by region.
CREATE INDEX reminder_list ON reminder (created_at DESC, id DESC);
CREATE INDEX reminder_region ON reminder (region_code);
