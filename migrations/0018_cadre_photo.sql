-- A cadre's photo, uploaded by the branch: printed on the ID card and shown on the public
-- verification page, so that whoever scans a card can see the face of the genuine cadre.
-- Small (at most 512 KB, JPEG or PNG); one per cadre, replaced by a new upload.
CREATE TABLE cadre_photo (
  cadre_id uuid PRIMARY KEY REFERENCES cadre (id),
  content_type text NOT NULL CHECK (content_type IN ('image/jpeg', 'image/png')),
  bytes bytea NOT NULL CHECK (octet_length(bytes) BETWEEN 1 AND 524288),
  sha256 text NOT NULL,
  uploaded_by text NOT NULL,
  uploaded_at timestamptz NOT NULL DEFAULT now()
);
