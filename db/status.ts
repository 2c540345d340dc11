import type { Database } from "better-sqlite3";
import type { TimelineEvent } from "../lib/model";

/** What the database keeps of one published update (the site keeps the rest). */
export interface StatusUpdateRecord {
  id: string;
  incident: { id: string; name: string; impact: string; status: string; kind: string };
  status: string;
  body: string;
  components: { code: string; new_status: string }[];
  author: string;
  origin: "app" | "backup";
  at: string;
}

export function hasStatusUpdate(db: Database, id: string): boolean {
  return db.prepare("SELECT 1 FROM status_updates WHERE id = ?").get(id) !== undefined;
}

/** The postmortem a status incident was linked to, if any. */
export function linkedPostmortem(db: Database, statusIncidentId: string): string | null {
  return (db.prepare("SELECT incident_slug FROM status_incidents WHERE id = ?").pluck().get(statusIncidentId) as string | undefined) ?? null;
}

export function linkStatusIncident(db: Database, statusIncidentId: string, postmortemSlug: string): void {
  db.prepare("INSERT OR IGNORE INTO status_incidents (id, incident_slug) VALUES (?, ?)").run(statusIncidentId, postmortemSlug);
}

export function insertStatusUpdate(db: Database, u: StatusUpdateRecord, postmortemSlug: string | null): void {
  db.prepare(`INSERT INTO status_updates (id, incident_id, status, body, components, author, origin, published_at)
    VALUES (?, (SELECT id FROM incidents WHERE slug = ?), ?, ?, ?, ?, ?, ?)`)
    .run(u.id, postmortemSlug, u.status, u.body, JSON.stringify(u.components), u.author, u.origin, u.at);
}

/**
 * Adds an event to a postmortem's timeline without making a revision or changing its version: status
 * events must never put an editor who has the postmortem open into a conflict.
 */
export function appendTimelineEvent(db: Database, postmortemSlug: string, e: TimelineEvent): void {
  const id = db.prepare("SELECT id FROM incidents WHERE slug = ?").pluck().get(postmortemSlug) as number;
  const position = db.prepare("SELECT coalesce(max(position), -1) + 1 FROM timeline_events WHERE incident_id = ?").pluck().get(id) as number;
  const eventId = db.prepare("INSERT INTO timeline_events (incident_id, at, kind, actor, text, source, position) VALUES (?, ?, ?, ?, ?, ?, ?)")
    .run(id, e.at, e.kind, e.actor, e.text, e.source, position).lastInsertRowid;
  const service = db.prepare("INSERT OR IGNORE INTO timeline_event_services (event_id, service_slug) VALUES (?, ?)");
  for (const s of e.services) service.run(eventId, s);
}

/** The incident status a status update moves the postmortem to; also not a revision. */
export function setPostmortemIncidentStatus(db: Database, postmortemSlug: string, status: string): void {
  db.prepare("UPDATE incidents SET status = ? WHERE slug = ?").run(status, postmortemSlug);
}

export function statusUpdateRow(db: Database, id: string): { status: string; origin: string; body: string } | null {
  return (db.prepare("SELECT status, origin, body FROM status_updates WHERE id = ?").get(id) as { status: string; origin: string; body: string } | undefined) ?? null;
}

/** A corrected update: new wording on its record and its timeline event, neither a revision. */
export function rewordStatusUpdate(db: Database, id: string, body: string, eventText: string): void {
  db.prepare("UPDATE status_updates SET body = ? WHERE id = ?").run(body, id);
  db.prepare("UPDATE timeline_events SET text = ? WHERE source = ?").run(eventText, `status:${id}`);
}

/** A withdrawn update (undone with the backup CLI) leaves the record and the timeline. */
export function deleteStatusUpdate(db: Database, id: string): boolean {
  db.prepare("DELETE FROM timeline_events WHERE source = ?").run(`status:${id}`);
  return db.prepare("DELETE FROM status_updates WHERE id = ?").run(id).changes === 1;
}

export function statusIncidentFor(db: Database, postmortemSlug: string): string[] {
  return db.prepare("SELECT id FROM status_incidents WHERE incident_slug = ?").pluck().all(postmortemSlug) as string[];
}
