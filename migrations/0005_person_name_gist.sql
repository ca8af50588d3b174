-- Name search orders by trigram word-similarity distance (<<->), which a GiST index can
-- answer nearest-first (KNN); the GIN index could only filter, then every match was sorted.
DROP INDEX person_name_trgm;
CREATE INDEX person_name_trgm ON person USING gist (lower(full_name) gist_trgm_ops);
