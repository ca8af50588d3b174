-- Duplicate review tolerant of typos (issue 13, "no one paid twice through duplicates").
-- registry_name_key(name) is the comparison key of a name, the same rules as nameKey() in
-- src/modules/registry/duplicates.rules.ts (a test checks that both agree): ASCII letters only,
-- lower case, honorifics dropped unless nothing else is left (H., Hj., Drs., …), words joined,
-- repeated letters collapsed, old spellings folded (oe→u, dj→j, tj→c, ch→kh, j→y), collapsed again.
CREATE FUNCTION registry_name_key(name text) RETURNS text
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
  SELECT regexp_replace(
           replace(replace(replace(replace(replace(
             regexp_replace(
               replace(CASE WHEN trim(dropped) = '' THEN words ELSE dropped END, ' ', ''),
               '(.)\1+', '\1', 'g'),
             'oe', 'u'), 'dj', 'j'), 'tj', 'c'), 'ch', 'kh'), 'j', 'y'),
           '(.)\1+', '\1', 'g')
  FROM (SELECT words,
               regexp_replace(' ' || words || ' ', ' (?:h|hj|hjh|haji|hajah|hajjah|kh|drs|dra|dr|ir|prof)(?= )', ' ', 'g') AS dropped
        FROM (SELECT lower(regexp_replace(name, '[^A-Za-z]+', ' ', 'g')) AS words) w) d
$$;

-- Stored once per person, so that candidates compare keys instead of recomputing them.
ALTER TABLE person ADD COLUMN name_key text GENERATED ALWAYS AS (registry_name_key(full_name)) STORED;

-- Blocking: candidates are looked for among persons of one village born on the same day
-- (similar names), and among persons born on the same day with the same key (two households).
CREATE INDEX person_duplicate_block ON person (village_code, birth_date) WHERE merged_into IS NULL;
CREATE INDEX person_duplicate_key ON person (birth_date, name_key) WHERE merged_into IS NULL;
