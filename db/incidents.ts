import type { Database } from "better-sqlite3";
import { MILESTONES, type Milestone, type Postmortem } from "../lib/model";
import { keepStatusEvents } from "../lib/merge";
import { describeChanges, linkProblems, samePostmortem } from "../lib/references";
import { getIncident, type StoredPostmortem } from "./incident-read";

export { getIncident, type StoredPostmortem };

export class SaveError extends Error {
  constructor(public readonly status: 400 | 404 | 409, public readonly problems: string[], public readonly current?: StoredPostmortem) {
    super(problems.join("; "));
  }
}

const milestoneColumn = (m: Milestone) => `${m}_at`;

function insertChildren(db: Database, id: number, pm: Postmortem): void {
  const event = db.prepare("INSERT INTO timeline_events (incident_id, at, kind, actor, text, source, position) VALUES (?, ?, ?, ?, ?, ?, ?)");
  const eventService = db.prepare("INSERT OR IGNORE INTO timeline_event_services (event_id, service_slug) VALUES (?, ?)");
  pm.timeline.forEach((e, i) => {
    const eventId = event.run(id, e.at, e.kind, e.actor, e.text, e.source, i).lastInsertRowid;
    for (const s of e.services) eventService.run(eventId, s);
  });
  const cause = db.prepare("INSERT INTO causes (incident_id, kind, text, position) VALUES (?, ?, ?, ?)");
  const causeService = db.prepare("INSERT OR IGNORE INTO cause_services (cause_id, service_slug) VALUES (?, ?)");
  const causeEvent = db.prepare("INSERT OR IGNORE INTO cause_events (cause_id, at) VALUES (?, ?)");
  const causeTag = db.prepare("INSERT OR IGNORE INTO cause_tag_links (cause_id, tag) VALUES (?, ?)");
  pm.causes.forEach((c, i) => {
    const causeId = cause.run(id, c.kind, c.text, i).lastInsertRowid;
    for (const s of c.services) causeService.run(causeId, s);
    for (const at of c.events) causeEvent.run(causeId, at);
    for (const tag of c.tags) causeTag.run(causeId, tag);
  });
  const window = db.prepare("INSERT INTO impact_windows (incident_id, service_slug, condition, start_at, end_at, origin, position) VALUES (?, ?, ?, ?, ?, ?, ?)");
  pm.impactWindows.forEach((w, i) => window.run(id, w.service, w.condition, w.start, w.end, w.origin ? 1 : 0, i));
  const action = db.prepare("INSERT INTO action_items (incident_id, title, type, priority, owner, due, status, tracker, closed, addresses, position) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
  pm.actionItems.forEach((a, i) => action.run(id, a.title, a.type, a.priority, a.owner, a.due, a.status, a.tracker, a.closed, a.addresses, i));
  const lesson = db.prepare("INSERT INTO lessons (incident_id, kind, text, position) VALUES (?, ?, ?, ?)");
  pm.lessons.forEach((l, i) => lesson.run(id, l.kind, l.text, i));
}

function deleteChildren(db: Database, id: number): void {
  for (const table of ["timeline_events", "causes", "impact_windows", "action_items", "lessons"]) {
    db.prepare(`DELETE FROM ${table} WHERE incident_id = ?`).run(id);
  }
}

function scalarParams(pm: Postmortem): Record<string, unknown> {
  const params: Record<string, unknown> = {
    slug: pm.slug, title: pm.title, severity: pm.severity, status: pm.status, postmortem_status: pm.postmortemStatus,
    time_zone: pm.timeZone, summary: pm.summary, impact: pm.impact, resolution: pm.resolution,
    detection: pm.detection, supporting: pm.supporting,
  };
  for (const m of MILESTONES) params[milestoneColumn(m)] = pm.milestones[m] ?? null;
  return params;
}

/** Links must point somewhere; services need not be in the catalog yet (a draft never waits on it: see lib/references). */
function checkServices(pm: Postmortem): void {
  const problems = linkProblems(pm);
  if (problems.length) throw new SaveError(400, problems);
}

function addRevision(db: Database, id: number, version: number, author: string, summary: string, pm: Postmortem): void {
  db.prepare("INSERT INTO revisions (incident_id, version, author, summary, snapshot) VALUES (?, ?, ?, ?, ?)")
    .run(id, version, author, summary, JSON.stringify(pm));
}

/** Creates an incident and its first revision, all or nothing. */
export function createIncident(db: Database, pm: Postmortem, author: string): StoredPostmortem {
  return db.transaction(() => {
    if (db.prepare("SELECT 1 FROM incidents WHERE slug = ?").get(pm.slug)) {
      throw new SaveError(409, [`slug: an incident called "${pm.slug}" already exists`]);
    }
    checkServices(pm);
    const params = scalarParams(pm);
    const cols = Object.keys(params);
    const info = db.prepare(`INSERT INTO incidents (${cols.join(", ")}) VALUES (${cols.map((c) => "@" + c).join(", ")})`).run(params);
    const id = Number(info.lastInsertRowid);
    insertChildren(db, id, pm);
    addRevision(db, id, 1, author, describeChanges(null, pm), pm);
    return getIncident(db, pm.slug)!;
  })();
}

/** Saves over an incident only if nobody saved since `baseVersion`; otherwise 409 with the current version. */
export function updateIncident(
  db: Database, slug: string, input: Postmortem, baseVersion: number, author: string,
  opts: { allowReview?: boolean; summary?: string } = {},
): StoredPostmortem {
  return db.transaction(() => {
    const current = getIncident(db, slug);
    if (!current) throw new SaveError(404, [`slug: no incident called "${slug}"`]);
    if (current.version !== baseVersion) {
      throw new SaveError(409, [`version: someone saved version ${current.version} after the version ${baseVersion} you edited`], current);
    }
    if (input.slug !== slug && db.prepare("SELECT 1 FROM incidents WHERE slug = ?").get(input.slug)) {
      throw new SaveError(409, [`slug: an incident called "${input.slug}" already exists`]);
    }
    // The review status moves only through the review workflow, never as a side effect of an edit.
    const edited = opts.allowReview ? input : { ...input, postmortemStatus: current.postmortemStatus };
    const base = db.prepare("SELECT r.snapshot FROM revisions r JOIN incidents i ON i.id = r.incident_id WHERE i.slug = ? AND r.version = ?").pluck().get(slug, baseVersion) as string | undefined;
    const pm = keepStatusEvents(current, edited, base ? (JSON.parse(base) as Postmortem) : null);
    if (samePostmortem(current, pm)) return current; // a save with no change makes no revision
    checkServices(pm);
    const id = db.prepare("SELECT id FROM incidents WHERE slug = ?").pluck().get(slug) as number;
    const params = scalarParams(pm);
    const sets = Object.keys(params).map((c) => `${c} = @${c}`).join(", ");
    const version = current.version + 1;
    db.prepare(`UPDATE incidents SET ${sets}, version = @version, updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = @id`)
      .run({ ...params, version, id });
    deleteChildren(db, id);
    insertChildren(db, id, pm);
    addRevision(db, id, version, author, opts.summary ?? describeChanges(current, pm), pm);
    return getIncident(db, pm.slug)!;
  })();
}

export { listIncidents, type IncidentSummary } from "./incident-read";
