-- The customer version of a postmortem: its own text and its own revisions.
CREATE TABLE public_postmortems (
  incident_id       INTEGER PRIMARY KEY REFERENCES incidents (id) ON DELETE CASCADE,
  title             TEXT NOT NULL,
  body              TEXT NOT NULL,
  version           INTEGER NOT NULL,
  updated_at        TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  published_version INTEGER,
  published_at      TEXT,
  published_by      TEXT,
  status_incident   TEXT
);

CREATE TABLE public_revisions (
  incident_id INTEGER NOT NULL REFERENCES incidents (id) ON DELETE CASCADE,
  version     INTEGER NOT NULL,
  title       TEXT NOT NULL,
  body        TEXT NOT NULL,
  author      TEXT NOT NULL,
  at          TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  PRIMARY KEY (incident_id, version)
);

-- Disclosure findings a person looked at and let through, with who and when (by finding key).
CREATE TABLE disclosure_acceptances (
  incident_id INTEGER NOT NULL REFERENCES incidents (id) ON DELETE CASCADE,
  finding_key TEXT NOT NULL,
  kind        TEXT NOT NULL,
  text        TEXT NOT NULL,
  accepted_by TEXT NOT NULL,
  at          TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  PRIMARY KEY (incident_id, finding_key)
);
