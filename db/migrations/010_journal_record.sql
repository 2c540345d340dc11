-- The journal is the record of every status change; the database learns of them only by importing it.
-- Lines of the journal that are not entries, and entries refused (bad signature), shown to admins.
CREATE TABLE journal_problems (
  id         INTEGER PRIMARY KEY,
  line       INTEGER NOT NULL,
  entry_id   TEXT,
  reason     TEXT NOT NULL,
  excerpt    TEXT NOT NULL DEFAULT '',
  seen_at    TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  UNIQUE (line, reason)
);

-- Small facts the app keeps about itself (e.g. the journal key it first trusted).
CREATE TABLE settings (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
);

-- Which subscriber a delivery is for is enough to send one at a time to each.
CREATE INDEX deliveries_by_subscriber ON deliveries (subscriber_id, state);
