-- Where an imported postmortem came from (its path in the imported folder or archive), so importing
-- the same file again updates that postmortem instead of adding a duplicate.
ALTER TABLE incidents ADD COLUMN source_key TEXT;
CREATE UNIQUE INDEX incidents_source_key ON incidents (source_key) WHERE source_key IS NOT NULL;
