import type { Database } from "better-sqlite3";
import { createIncident, getIncident } from "../db/incidents";
import { serviceSlugs } from "../db/services";
import { appendTimelineEvent, hasStatusUpdate, rewordStatusUpdate, statusUpdateRow, insertStatusUpdate, linkedPostmortem, linkStatusIncident, setPostmortemIncidentStatus, type StatusUpdateRecord } from "../db/status";
import type { Postmortem } from "../lib/model";
import { slugify } from "../lib/slug";

const SEVERITY: Record<string, Postmortem["severity"]> = { critical: "SEV1", major: "SEV2", minor: "SEV3", none: "SEV4" };
const INCIDENT_STATUSES = ["investigating", "identified", "monitoring", "resolved"];

/** The postmortem a status incident belongs to: the one it was linked to when started, else a new draft named after it. */
function postmortemFor(db: Database, u: StatusUpdateRecord, linkTo: string | undefined, timeZone: string): string {
  const known = linkedPostmortem(db, u.incident.id);
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
  linkStatusIncident(db, u.incident.id, slug);
  return slug;
}

/** The timeline's line for a published update. */
function statusEventText(u: { status: string; origin: string; body: string }): string {
  return `Status page (${u.status.replace(/_/g, " ")}${u.origin === "backup" ? ", via the backup publisher" : ""}): ${u.body}`;
}

/**
 * A published update's wording corrected (an edit, or a rollback to earlier wording): its record and
 * its timeline event now say what customers read. Returns false when the update is not recorded.
 */
export function correctStatusUpdate(db: Database, id: string, body: string): boolean {
  const row = statusUpdateRow(db, id);
  if (!row) return false;
  rewordStatusUpdate(db, id, body, statusEventText({ ...row, body }));
  return true;
}

/**
 * Records a published update once (by its id): the status_updates row, a communication event on the
 * postmortem's timeline, and the postmortem's incident status. None of it is a revision, so an editor
 * with the postmortem open is not put into a conflict. Returns false when it was recorded before.
 */
export function recordStatusUpdate(db: Database, u: StatusUpdateRecord, opts: { postmortem?: string; timeZone: string }): boolean {
  return db.transaction(() => {
    if (hasStatusUpdate(db, u.id)) return false;
    // Maintenance is planned work, not an incident: no postmortem draft unless someone linked one.
    if (u.incident.kind === "maintenance" && !opts.postmortem && !linkedPostmortem(db, u.incident.id)) {
      insertStatusUpdate(db, u, null);
      return true;
    }
    const slug = postmortemFor(db, u, opts.postmortem, opts.timeZone);
    insertStatusUpdate(db, u, slug);
    const known = serviceSlugs(db);
    appendTimelineEvent(db, slug, {
      at: u.at, kind: "communication", actor: u.author,
      text: statusEventText(u),
      services: [...new Set(u.components.map((c) => c.code).filter((c) => known.has(c)))], source: `status:${u.id}`,
    });
    if (u.incident.kind === "incident" && INCIDENT_STATUSES.includes(u.status)) setPostmortemIncidentStatus(db, slug, u.status);
    return true;
  })();
}
