-- A draft may name a service the catalog does not list yet (it is flagged until someone adds it),
-- so the service references of impact windows, causes and events no longer point into `services`.
-- Removing a catalog entry that incidents still use is refused by the app (db/services.ts droppedInUse),
-- and publishing a postmortem as final requires every service it names to be in the catalog.

CREATE TABLE timeline_event_services_new (
  event_id     INTEGER NOT NULL REFERENCES timeline_events (id) ON DELETE CASCADE,
  service_slug TEXT NOT NULL,
  PRIMARY KEY (event_id, service_slug)
);
INSERT INTO timeline_event_services_new SELECT event_id, service_slug FROM timeline_event_services;
DROP TABLE timeline_event_services;
ALTER TABLE timeline_event_services_new RENAME TO timeline_event_services;

CREATE TABLE cause_services_new (
  cause_id     INTEGER NOT NULL REFERENCES causes (id) ON DELETE CASCADE,
  service_slug TEXT NOT NULL,
  PRIMARY KEY (cause_id, service_slug)
);
INSERT INTO cause_services_new SELECT cause_id, service_slug FROM cause_services;
DROP TABLE cause_services;
ALTER TABLE cause_services_new RENAME TO cause_services;

CREATE TABLE impact_windows_new (
  id           INTEGER PRIMARY KEY,
  incident_id  INTEGER NOT NULL REFERENCES incidents (id) ON DELETE CASCADE,
  service_slug TEXT NOT NULL,
  condition    TEXT NOT NULL CHECK (condition IN ('degraded', 'partial', 'major')),
  start_at     TEXT NOT NULL,
  end_at       TEXT CHECK (end_at IS NULL OR end_at >= start_at),
  origin       INTEGER NOT NULL DEFAULT 0 CHECK (origin IN (0, 1)),
  position     INTEGER NOT NULL
);
INSERT INTO impact_windows_new SELECT id, incident_id, service_slug, condition, start_at, end_at, origin, position FROM impact_windows;
DROP TABLE impact_windows;
ALTER TABLE impact_windows_new RENAME TO impact_windows;
CREATE INDEX impact_windows_by_incident ON impact_windows (incident_id, position);
CREATE INDEX impact_windows_by_service ON impact_windows (service_slug);
CREATE INDEX timeline_event_services_by_service ON timeline_event_services (service_slug);
CREATE INDEX cause_services_by_service ON cause_services (service_slug);
