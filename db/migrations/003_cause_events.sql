-- Causes linked to the timeline events they explain, by the event's instant.
CREATE TABLE cause_events (
  cause_id INTEGER NOT NULL REFERENCES causes (id) ON DELETE CASCADE,
  at       TEXT NOT NULL,
  PRIMARY KEY (cause_id, at)
);
