-- Sign-ins the server can revoke: the session cookie names one of these rows, and sign-out,
-- disabling or removing the person, or resetting their password ends it.
CREATE TABLE sessions (
  id_hash    TEXT PRIMARY KEY,
  user_id    INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  expires_at TEXT NOT NULL,
  revoked_at TEXT
);
CREATE INDEX sessions_user ON sessions(user_id);

ALTER TABLE users ADD COLUMN disabled_at TEXT;

-- The link to manage or cancel a subscription gets its own secret: the private feed URL is often
-- pasted into feed readers and shared, and must not be enough to unsubscribe someone.
ALTER TABLE subscribers ADD COLUMN manage_token TEXT;
UPDATE subscribers SET manage_token = lower(hex(randomblob(18)));
CREATE UNIQUE INDEX subscribers_manage_token ON subscribers (manage_token);
