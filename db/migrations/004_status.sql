-- Which postmortem each public status incident belongs to (its updates become timeline events there).
CREATE TABLE status_incidents (
  id            TEXT PRIMARY KEY,
  incident_slug TEXT REFERENCES incidents (slug) ON UPDATE CASCADE ON DELETE SET NULL
);

-- Journal entries from the backup CLI already imported, so importing is idempotent.
CREATE TABLE journal_imports (
  entry_id    TEXT PRIMARY KEY,
  imported_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);

CREATE TABLE subscribers (
  id          INTEGER PRIMARY KEY,
  kind        TEXT NOT NULL CHECK (kind IN ('webhook', 'email')),
  target      TEXT NOT NULL,
  components  TEXT NOT NULL DEFAULT '[]', -- component ids; empty means all
  secret      TEXT NOT NULL,              -- HMAC key for webhooks
  feed_token  TEXT NOT NULL UNIQUE,       -- private feed of just these components
  created_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  UNIQUE (kind, target)
);

-- The delivery queue and its log: bounded, persisted, drained in the background.
CREATE TABLE deliveries (
  id            INTEGER PRIMARY KEY,
  subscriber_id INTEGER NOT NULL REFERENCES subscribers (id) ON DELETE CASCADE,
  payload       TEXT NOT NULL,
  state         TEXT NOT NULL CHECK (state IN ('pending', 'sending', 'delivered', 'failed', 'dropped')),
  attempts      INTEGER NOT NULL DEFAULT 0,
  next_at       TEXT NOT NULL,
  last_error    TEXT NOT NULL DEFAULT '',
  created_at    TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  updated_at    TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);
CREATE INDEX deliveries_due ON deliveries (state, next_at);
