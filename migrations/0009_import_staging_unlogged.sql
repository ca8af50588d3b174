-- Staged import rows live only while one import runs and are dropped at its end; a crash
-- loses nothing that the re-run does not rebuild. Unlogged skips the write-ahead log,
-- which was most of the cost of staging a million rows.
ALTER TABLE registry_import_row SET UNLOGGED;
