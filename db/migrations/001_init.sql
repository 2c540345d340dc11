-- Sitrep schema: the authoring store. Instants are UTC ISO 8601 text; derived metrics are never stored.

CREATE TABLE users (
  id            INTEGER PRIMARY KEY,
  email         TEXT NOT NULL UNIQUE COLLATE NOCASE,
  name          TEXT NOT NULL DEFAULT '',
  role          TEXT NOT NULL CHECK (role IN ('viewer', 'editor', 'responder', 'admin')),
  password_hash TEXT NOT NULL,
  created_at    TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);

CREATE TABLE api_tokens (
  id           INTEGER PRIMARY KEY,
  user_id      INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  name         TEXT NOT NULL,
  token_hash   TEXT NOT NULL UNIQUE,
  created_at   TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  last_used_at TEXT
);

CREATE TABLE services (
  id          INTEGER PRIMARY KEY,
  slug        TEXT NOT NULL UNIQUE,
  name        TEXT NOT NULL,
  description TEXT NOT NULL DEFAULT '',
  is_public   INTEGER NOT NULL DEFAULT 0 CHECK (is_public IN (0, 1)),
  group_name  TEXT NOT NULL DEFAULT '',
  status_path INTEGER NOT NULL DEFAULT 0 CHECK (status_path IN (0, 1)),
  position    INTEGER NOT NULL DEFAULT 0
);

-- Cycles are legal; self-dependencies are not.
CREATE TABLE dependencies (
  service_id    INTEGER NOT NULL REFERENCES services (id) ON DELETE CASCADE,
  depends_on_id INTEGER NOT NULL REFERENCES services (id) ON DELETE CASCADE,
  nature        TEXT NOT NULL CHECK (nature IN ('hard', 'soft', 'best-effort')),
  note          TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (service_id, depends_on_id),
  CHECK (service_id <> depends_on_id)
);

CREATE TABLE incidents (
  id                INTEGER PRIMARY KEY,
  slug              TEXT NOT NULL UNIQUE,
  title             TEXT NOT NULL,
  severity          TEXT NOT NULL CHECK (severity IN ('SEV1', 'SEV2', 'SEV3', 'SEV4')),
  status            TEXT NOT NULL CHECK (status IN ('investigating', 'identified', 'monitoring', 'resolved')),
  postmortem_status TEXT NOT NULL CHECK (postmortem_status IN ('draft', 'in_review', 'published')),
  time_zone         TEXT NOT NULL,
  summary           TEXT NOT NULL DEFAULT '',
  impact            TEXT NOT NULL DEFAULT '',
  resolution        TEXT NOT NULL DEFAULT '',
  detection         TEXT NOT NULL DEFAULT '',
  supporting        TEXT NOT NULL DEFAULT '',
  trigger_at        TEXT,
  impact_start_at   TEXT,
  detected_at       TEXT,
  identified_at     TEXT,
  mitigated_at      TEXT,
  impact_end_at     TEXT,
  resolved_at       TEXT,
  version           INTEGER NOT NULL DEFAULT 1,
  created_at        TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  updated_at        TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);

CREATE TABLE timeline_events (
  id          INTEGER PRIMARY KEY,
  incident_id INTEGER NOT NULL REFERENCES incidents (id) ON DELETE CASCADE,
  at          TEXT NOT NULL,
  kind        TEXT NOT NULL,
  actor       TEXT NOT NULL DEFAULT '',
  text        TEXT NOT NULL,
  source      TEXT NOT NULL DEFAULT '',
  position    INTEGER NOT NULL
);
CREATE INDEX timeline_events_by_incident ON timeline_events (incident_id, at, position);

CREATE TABLE timeline_event_services (
  event_id     INTEGER NOT NULL REFERENCES timeline_events (id) ON DELETE CASCADE,
  service_slug TEXT NOT NULL REFERENCES services (slug) ON UPDATE CASCADE,
  PRIMARY KEY (event_id, service_slug)
);

CREATE TABLE causes (
  id          INTEGER PRIMARY KEY,
  incident_id INTEGER NOT NULL REFERENCES incidents (id) ON DELETE CASCADE,
  kind        TEXT NOT NULL CHECK (kind IN ('trigger', 'root_cause', 'contributing')),
  text        TEXT NOT NULL,
  position    INTEGER NOT NULL
);

CREATE TABLE cause_services (
  cause_id     INTEGER NOT NULL REFERENCES causes (id) ON DELETE CASCADE,
  service_slug TEXT NOT NULL REFERENCES services (slug) ON UPDATE CASCADE,
  PRIMARY KEY (cause_id, service_slug)
);

CREATE TABLE impact_windows (
  id           INTEGER PRIMARY KEY,
  incident_id  INTEGER NOT NULL REFERENCES incidents (id) ON DELETE CASCADE,
  service_slug TEXT NOT NULL REFERENCES services (slug) ON UPDATE CASCADE,
  condition    TEXT NOT NULL CHECK (condition IN ('degraded', 'partial', 'major')),
  start_at     TEXT NOT NULL,
  end_at       TEXT CHECK (end_at IS NULL OR end_at >= start_at),
  origin       INTEGER NOT NULL DEFAULT 0 CHECK (origin IN (0, 1)),
  position     INTEGER NOT NULL
);

CREATE TABLE action_items (
  id          INTEGER PRIMARY KEY,
  incident_id INTEGER NOT NULL REFERENCES incidents (id) ON DELETE CASCADE,
  title       TEXT NOT NULL,
  type        TEXT NOT NULL CHECK (type IN ('prevent', 'mitigate', 'detect', 'repair', 'process', 'investigate')),
  priority    TEXT NOT NULL,
  owner       TEXT NOT NULL DEFAULT '',
  due         TEXT,
  status      TEXT NOT NULL CHECK (status IN ('open', 'in_progress', 'done', 'wont_do')),
  tracker     TEXT NOT NULL DEFAULT '',
  position    INTEGER NOT NULL
);

CREATE TABLE lessons (
  id          INTEGER PRIMARY KEY,
  incident_id INTEGER NOT NULL REFERENCES incidents (id) ON DELETE CASCADE,
  kind        TEXT NOT NULL CHECK (kind IN ('went_well', 'went_wrong', 'got_lucky')),
  text        TEXT NOT NULL,
  position    INTEGER NOT NULL
);

-- Public status messages; ids are text so backup-CLI journal entries keep their own ids.
CREATE TABLE status_updates (
  id           TEXT PRIMARY KEY,
  incident_id  INTEGER REFERENCES incidents (id) ON DELETE SET NULL,
  status       TEXT NOT NULL,
  body         TEXT NOT NULL,
  components   TEXT NOT NULL DEFAULT '{}',
  author       TEXT NOT NULL,
  origin       TEXT NOT NULL CHECK (origin IN ('app', 'backup')),
  published_at TEXT NOT NULL
);

-- Every save; snapshot is the whole postmortem as JSON so any two versions can be compared.
CREATE TABLE revisions (
  id          INTEGER PRIMARY KEY,
  incident_id INTEGER NOT NULL REFERENCES incidents (id) ON DELETE CASCADE,
  version     INTEGER NOT NULL,
  author      TEXT NOT NULL,
  created_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  summary     TEXT NOT NULL DEFAULT '',
  snapshot    TEXT NOT NULL,
  UNIQUE (incident_id, version)
);

CREATE TABLE review_transitions (
  id          INTEGER PRIMARY KEY,
  incident_id INTEGER NOT NULL REFERENCES incidents (id) ON DELETE CASCADE,
  from_status TEXT NOT NULL,
  to_status   TEXT NOT NULL,
  actor       TEXT NOT NULL,
  at          TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);

CREATE TABLE drills (
  id               INTEGER PRIMARY KEY,
  scenario         TEXT NOT NULL,
  operator         TEXT NOT NULL,
  started_at       TEXT NOT NULL,
  first_publish_at TEXT,
  finished_at      TEXT,
  wrong_turns      INTEGER NOT NULL DEFAULT 0,
  passed           INTEGER NOT NULL DEFAULT 0 CHECK (passed IN (0, 1)),
  log              TEXT NOT NULL DEFAULT '[]'
);
