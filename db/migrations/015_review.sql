-- Review that means something: named reviewers, each deciding; comments anchored to a part of the postmortem.
CREATE TABLE review_requests (
  incident_id  INTEGER NOT NULL REFERENCES incidents (id) ON DELETE CASCADE,
  reviewer     TEXT NOT NULL,                  -- the reviewer's email
  requested_by TEXT NOT NULL,
  requested_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  decision     TEXT CHECK (decision IN ('approved', 'changes_requested')),
  decided_at   TEXT,
  version      INTEGER,                        -- the postmortem version the decision was about
  PRIMARY KEY (incident_id, reviewer)
);

CREATE TABLE review_comments (
  id          INTEGER PRIMARY KEY,
  incident_id INTEGER NOT NULL REFERENCES incidents (id) ON DELETE CASCADE,
  parent_id   INTEGER REFERENCES review_comments (id) ON DELETE CASCADE,
  anchor      TEXT NOT NULL,                   -- "section:summary", "event:<instant>", "public"
  author      TEXT NOT NULL,
  body        TEXT NOT NULL,
  at          TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  resolved_by TEXT,
  resolved_at TEXT
);
CREATE INDEX review_comments_incident ON review_comments (incident_id, id);

