-- JKN-KIS cadres: a person in the registry with an assignment letter, an area and a status.
-- Their ID card carries a token signed with the server's Ed25519 key (public verification).
CREATE TABLE cadre (
  id uuid PRIMARY KEY,
  person_id uuid NOT NULL UNIQUE REFERENCES person (id),
  office_id uuid NOT NULL REFERENCES office (id),
  phone text NOT NULL DEFAULT '',
  photo_url text,
  letter_number text NOT NULL CHECK (length(trim(letter_number)) > 0),
  letter_date date NOT NULL,
  signed_by text NOT NULL,
  valid_until date NOT NULL,
  status text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'suspended', 'revoked')),
  card_version integer NOT NULL DEFAULT 0,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK (valid_until >= letter_date)
);

CREATE TABLE cadre_village (
  cadre_id uuid NOT NULL REFERENCES cadre (id),
  village_code text NOT NULL REFERENCES region (code),
  PRIMARY KEY (cadre_id, village_code)
);
