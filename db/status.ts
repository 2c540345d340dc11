import type { Database } from "better-sqlite3";
import type { Postmortem } from "../lib/model";
import { slugify } from "../lib/slug";
import { createIncident, getIncident, updateIncident } from "./incidents";
import { serviceSlugs } from "./services";

/** What the database keeps of one published update (the site keeps the rest). */
export interface PublishedUpdate {
  id: string;
  incident: { id: string; name: string; impact: string; status: string; kind: string };
  status: string;
  body: string;
  components: { code: string; new_status: string }[];
  author: string;
  origin: "app" | "backup";
  at: string;
}

/** The record of an update as the publisher made it. */
export function publishedUpdate(
  incident: { id: string; name: string; impact: string; status: string; kind: string },
  update: { id: string; status: string; body: string; affected_components: { code: string; new_status: string }[]; author: string; created_at: string },
  origin: PublishedUpdate["origin"],
): PublishedUpdate {
  return {
    id: update.id, incident: { id: incident.id, name: incident.name, impact: incident.impact, status: incident.status, kind: incident.kind },
    status: update.status, body: update.body, components: update.affected_components, author: update.author, origin, at: update.created_at,
  };
}

const SEVERITY: Record<string, Postmortem["severity"]> = { critical: "SEV1", major: "SEV2", minor: "SEV3", none: "SEV4" };

/** The postmortem a status incident belongs to: linked when it was started, else a new draft named after it. */
function postmortemFor(db: Database, u: PublishedUpdate, linkTo: string | undefined, timeZone: string): string {
  const known = db.prepare("SELECT incident_slug FROM status_incidents WHERE id = ?").pluck().get(u.incident.id) as string | undefined;
  if (known) return known;
  let slug = linkTo && getIncident(db, linkTo) ? linkTo : null;
  if (!slug) {
    const base = slugify(`${u.incident.name} ${u.at.slice(0, 10)}`);
    slug = base;
    for (let n = 2; getIncident(db, slug); n++) slug = `${base}-${n}`;
    createIncident(db, {
      slug, title: u.incident.name, severity: SEVERITY[u.incident.impact] ?? "SEV3", status: "investigating", postmortemStatus: "draft",
      timeZone, milestones: { impact_start: u.at }, summary: "", impact: "", resolution: "", detection: "", supporting: "",
      causes: [], impactWindows: [], actionItems: [], lessons: [], timeline: [],
    }, u.author);
  }
  db.prepare("INSERT OR IGNORE INTO status_incidents (id, incident_slug) VALUES (?, ?)").run(u.incident.id, slug);
  return slug;
}

/**
 * Records a published update once (by its id): the status_updates row, and a communication event on
 * the postmortem's timeline. Safe to call again for the same update; it does nothing the second time.
 */
export function recordPublishedUpdate(db: Database, u: PublishedUpdate, opts: { linkTo?: string; timeZone: string }): boolean {
  return db.transaction(() => {
    if (db.prepare("SELECT 1 FROM status_updates WHERE id = ?").get(u.id)) return false;
    const slug = postmortemFor(db, u, opts.linkTo, opts.timeZone);
    const pm = getIncident(db, slug)!;
    const known = serviceSlugs(db);
    db.prepare(`INSERT INTO status_updates (id, incident_id, status, body, components, author, origin, published_at)
      VALUES (?, (SELECT id FROM incidents WHERE slug = ?), ?, ?, ?, ?, ?, ?)`)
      .run(u.id, slug, u.status, u.body, JSON.stringify(u.components), u.author, u.origin, u.at);
    const event = {
      at: u.at, kind: "communication" as const, actor: u.author,
      text: `Status page (${u.status.replace(/_/g, " ")}${u.origin === "backup" ? ", via the backup publisher" : ""}): ${u.body}`,
      services: [...new Set(u.components.map((c) => c.code).filter((c) => known.has(c)))], source: `status:${u.id}`,
    };
    const { version, updatedAt: _u, ...plain } = pm;
    const status = u.incident.kind === "incident" && ["investigating", "identified", "monitoring", "resolved"].includes(u.status) ? (u.status as Postmortem["status"]) : plain.status;
    updateIncident(db, slug, { ...plain, status, timeline: [...plain.timeline, event].sort((a, b) => a.at.localeCompare(b.at)) }, version, u.author, { summary: `status update ${u.id}` });
    return true;
  })();
}

export function statusIncidentFor(db: Database, postmortemSlug: string): string[] {
  return db.prepare("SELECT id FROM status_incidents WHERE incident_slug = ?").pluck().all(postmortemSlug) as string[];
}
