-- A public component may be shown on the status page only while it is not operational (Statuspage's only_show_if_degraded).
ALTER TABLE services ADD COLUMN only_show_if_degraded INTEGER NOT NULL DEFAULT 0;
