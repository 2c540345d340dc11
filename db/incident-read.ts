import type { Database } from "better-sqlite3";
import { MILESTONES, type Postmortem } from "../lib/model";
import type { IncidentFilters } from "../lib/incident-filters";
import { groupRows } from "./group-rows";

export type StoredPostmortem = Postmortem & { version: number; updatedAt: string };

type Row = Record<string, string | number | null>;

function listsByOwner(db: Database, sql: string, id: number): Map<number, string[]> {
  return groupRows(db.prepare(sql).all(id) as { owner: number; slug: string }[], (r) => r.owner, (r) => r.slug);
}

export function getIncident(db: Database, slug: string): StoredPostmortem | null {
  const row = db.prepare("SELECT * FROM incidents WHERE slug = ?").get(slug) as Row | undefined;
  if (!row) return null;
  const id = row.id as number;
  const milestones: Postmortem["milestones"] = {};
  for (const m of MILESTONES) if (row[`${m}_at`]) milestones[m] = row[`${m}_at`] as string;

  const eventServices = listsByOwner(db, `SELECT es.event_id AS owner, es.service_slug AS slug FROM timeline_event_services es
    JOIN timeline_events e ON e.id = es.event_id WHERE e.incident_id = ? ORDER BY es.rowid`, id);
  const causeServices = listsByOwner(db, `SELECT cs.cause_id AS owner, cs.service_slug AS slug FROM cause_services cs
    JOIN causes c ON c.id = cs.cause_id WHERE c.incident_id = ? ORDER BY cs.rowid`, id);
  const causeEvents = listsByOwner(db, `SELECT ce.cause_id AS owner, ce.at AS slug FROM cause_events ce
    JOIN causes c ON c.id = ce.cause_id WHERE c.incident_id = ? ORDER BY ce.rowid`, id);
  const causeTags = listsByOwner(db, `SELECT ct.cause_id AS owner, ct.tag AS slug FROM cause_tag_links ct
    JOIN causes c ON c.id = ct.cause_id WHERE c.incident_id = ? ORDER BY ct.rowid`, id);
  const all = (table: string, order = "position") => db.prepare(`SELECT * FROM ${table} WHERE incident_id = ? ORDER BY ${order}`).all(id) as Row[];

  return {
    slug: row.slug as string,
    title: row.title as string,
    severity: row.severity as Postmortem["severity"],
    status: row.status as Postmortem["status"],
    postmortemStatus: row.postmortem_status as Postmortem["postmortemStatus"],
    timeZone: row.time_zone as string,
    milestones,
    summary: row.summary as string,
    impact: row.impact as string,
    resolution: row.resolution as string,
    detection: row.detection as string,
    supporting: row.supporting as string,
    causes: all("causes").map((c) => ({ kind: c.kind as Postmortem["causes"][number]["kind"], text: c.text as string,
      services: causeServices.get(c.id as number) ?? [], events: causeEvents.get(c.id as number) ?? [], tags: causeTags.get(c.id as number) ?? [] })),
    impactWindows: all("impact_windows").map((w) => ({
      service: w.service_slug as string, condition: w.condition as "major", start: w.start_at as string,
      end: (w.end_at as string | null) ?? null, origin: w.origin === 1,
    })),
    actionItems: all("action_items").map((a) => ({
      title: a.title as string, type: a.type as "prevent", priority: a.priority as "P2", owner: a.owner as string,
      due: (a.due as string | null) ?? null, status: a.status as "open", tracker: a.tracker as string,
      closed: (a.closed as string | null) ?? null, addresses: (a.addresses as number | null) ?? null,
    })),
    lessons: all("lessons").map((l) => ({ kind: l.kind as "went_well", text: l.text as string })),
    timeline: all("timeline_events", "at, position").map((e) => ({
      at: e.at as string, kind: e.kind as "event", actor: e.actor as string, text: e.text as string,
      services: eventServices.get(e.id as number) ?? [], source: e.source as string,
    })),
    version: row.version as number,
    updatedAt: row.updated_at as string,
  };
}

export interface IncidentSummary {
  slug: string;
  title: string;
  severity: string;
  status: string;
  postmortemStatus: string;
  timeZone: string;
  impactStart: string | null;
  resolved: string | null;
  updatedAt: string;
  version: number;
}

/** Incidents, newest first, narrowed by the list's search and filters (all optional). */
export function listIncidents(db: Database, f: IncidentFilters = {}): IncidentSummary[] {
  const where: string[] = [];
  const params: Record<string, string> = {};
  if (f.q) {
    // Every word must appear somewhere: the title, any text field, an event, a cause, an action item or a service.
    f.q.split(/\s+/).filter(Boolean).slice(0, 8).forEach((word, n) => {
      params[`q${n}`] = `%${word.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      const like = `LIKE @q${n} ESCAPE '\\'`;
      where.push(`(i.title ${like} OR i.slug ${like} OR i.summary ${like} OR i.impact ${like} OR i.resolution ${like}
        OR i.detection ${like} OR i.supporting ${like}
        OR EXISTS (SELECT 1 FROM timeline_events e WHERE e.incident_id = i.id AND (e.text ${like} OR e.actor ${like}))
        OR EXISTS (SELECT 1 FROM causes c WHERE c.incident_id = i.id AND c.text ${like})
        OR EXISTS (SELECT 1 FROM action_items a WHERE a.incident_id = i.id AND (a.title ${like} OR a.owner ${like}))
        OR EXISTS (SELECT 1 FROM (${SERVICES_OF}) s WHERE s.incident_id = i.id AND s.slug ${like}))`);
    });
  }
  if (f.severity) (where.push("i.severity = @severity"), (params.severity = f.severity));
  if (f.status) (where.push("i.status = @status"), (params.status = f.status));
  if (f.postmortem) (where.push("i.postmortem_status = @postmortem"), (params.postmortem = f.postmortem));
  if (f.service) {
    where.push(`EXISTS (SELECT 1 FROM (${SERVICES_OF}) s WHERE s.incident_id = i.id AND s.slug = @service)`);
    params.service = f.service;
  }
  if (f.from) (where.push("substr(coalesce(i.impact_start_at, i.created_at), 1, 10) >= @from"), (params.from = f.from));
  if (f.to) (where.push("substr(coalesce(i.impact_start_at, i.created_at), 1, 10) <= @to"), (params.to = f.to));
  return db
    .prepare(`SELECT i.slug, i.title, i.severity, i.status, i.postmortem_status AS postmortemStatus, i.time_zone AS timeZone,
      i.impact_start_at AS impactStart, i.resolved_at AS resolved, i.updated_at AS updatedAt, i.version
      FROM incidents i ${where.length ? `WHERE ${where.join(" AND ")}` : ""}
      ORDER BY coalesce(i.impact_start_at, i.created_at) DESC`)
    .all(params) as IncidentSummary[];
}

/** Every service an incident names, wherever it names it. */
const SERVICES_OF = `SELECT incident_id, service_slug AS slug FROM impact_windows
  UNION SELECT c.incident_id, cs.service_slug FROM cause_services cs JOIN causes c ON c.id = cs.cause_id
  UNION SELECT e.incident_id, es.service_slug FROM timeline_event_services es JOIN timeline_events e ON e.id = es.event_id`;
