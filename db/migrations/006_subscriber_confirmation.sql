-- Email subscribers confirm from the address itself before anything else is sent to it.
-- Subscriptions made before this existed keep working, so they count as confirmed.
ALTER TABLE subscribers ADD COLUMN confirmed_at TEXT;
UPDATE subscribers SET confirmed_at = created_at;
