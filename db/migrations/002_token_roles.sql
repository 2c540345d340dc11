-- A token acts with its own role, never more than its creator's.
ALTER TABLE api_tokens ADD COLUMN role TEXT NOT NULL DEFAULT 'viewer' CHECK (role IN ('viewer', 'editor', 'responder', 'admin'));
ALTER TABLE api_tokens ADD COLUMN revoked_at TEXT;
