-- The header search box (issue 15): a group by a fragment of its name, a financing by the
-- start of its number. Person search already has its indexes (NIK unique, KK unique, the
-- GiST trigram index on the name of 0005).
CREATE INDEX business_group_name_trgm ON business_group USING gin (lower(name) gin_trgm_ops);
-- text_pattern_ops: LIKE 'YK01-2026-%' uses the index whatever the database's collation.
CREATE INDEX financing_number_prefix ON financing (number text_pattern_ops);
