-- Cause tags: a small taxonomy admins edit (keywords drive the suggestions a person confirms), the tags given to
-- each cause, and on action items the cause they address and the day they were closed ("did the fix hold?").

CREATE TABLE cause_tags (
  slug     TEXT PRIMARY KEY,
  name     TEXT NOT NULL,
  keywords TEXT NOT NULL DEFAULT '',
  position INTEGER NOT NULL DEFAULT 0
);
INSERT INTO cause_tags (slug, name, keywords, position) VALUES
  ('change', 'Change / deploy', 'deploy, deployment, release, rollout, roll out, change, upgrade, migration, patch', 0),
  ('capacity', 'Capacity', 'capacity, limit, thread, memory, cpu, disk, quota, load, traffic, scale, scaling, exhausted, saturat', 1),
  ('dependency', 'Dependency', 'dependency, depends, upstream, downstream, third-party, vendor, provider, cascade', 2),
  ('configuration', 'Configuration', 'config, configuration, setting, flag, parameter, misconfigur, typo', 3),
  ('monitoring-gap', 'Monitoring gap', 'alarm, alert, monitor, monitoring, metric, dashboard, visibility, invisible, unnoticed, detect', 4),
  ('process', 'Process', 'process, runbook, procedure, review, handoff, training, unfamiliar, communication', 5);

-- No foreign key to cause_tags: a tag removed from the taxonomy stays on the causes that had it (history is kept).
CREATE TABLE cause_tag_links (
  cause_id INTEGER NOT NULL REFERENCES causes (id) ON DELETE CASCADE,
  tag      TEXT NOT NULL,
  PRIMARY KEY (cause_id, tag)
);
CREATE INDEX cause_tag_links_by_tag ON cause_tag_links (tag);

ALTER TABLE action_items ADD COLUMN closed TEXT;
ALTER TABLE action_items ADD COLUMN addresses INTEGER;
