import type { Database } from "better-sqlite3";
import { MILESTONES, type Postmortem } from "../lib/model";
import type { InsightIncident, InsightService } from "../lib/insights";
import { groupRows } from "./group-rows";

type Row = Record<string, string | number | null>;

const byIncident = <T>(rows: Row[], make: (r: Row) => T) => groupRows(rows, (r) => r.incident_id as number, make);
type Owned = { owner: number; value: string };
const byOwner = (rows: Owned[]) => groupRows(rows, (r) => r.owner, (r) => r.value);

/**
 * Every incident with what the insights need (milestones, impact windows, causes with services and tags, action
 * items), in a handful of queries whatever the number of incidents, in id order. Timeline events are not read.
 */
export function loadInsightIncidents(db: Database): InsightIncident[] {
  return [...insightIncidentsById(db).values()];
}

/** The same, keyed by incident id; only the incidents `ids` names when given. */
export function insightIncidentsById(db: Database, ids?: number[]): Map<number, InsightIncident> {
  const only = (column: string) => (ids ? `WHERE ${column} IN (SELECT value FROM json_each(?))` : "");
  const args = ids ? [JSON.stringify(ids)] : [];
  const incidents = db.prepare(`SELECT id, slug, title, severity, status, created_at, ${MILESTONES.map((m) => `${m}_at`).join(", ")} FROM incidents ${only("id")} ORDER BY id`).all(...args) as Row[];
  const windows = byIncident(db.prepare(`SELECT incident_id, service_slug, condition, start_at, end_at, origin FROM impact_windows ${only("incident_id")} ORDER BY incident_id, position`).all(...args) as Row[],
    (w) => ({ service: w.service_slug as string, condition: w.condition as "major", start: w.start_at as string, end: (w.end_at as string | null) ?? null, origin: w.origin === 1 }));
  const ofCauses = ids ? "WHERE cause_id IN (SELECT id FROM causes WHERE incident_id IN (SELECT value FROM json_each(?)))" : "";
  const causeServices = byOwner(db.prepare(`SELECT cause_id AS owner, service_slug AS value FROM cause_services ${ofCauses} ORDER BY rowid`).all(...args) as Owned[]);
  const causeTags = byOwner(db.prepare(`SELECT cause_id AS owner, tag AS value FROM cause_tag_links ${ofCauses} ORDER BY rowid`).all(...args) as Owned[]);
  const causes = byIncident(db.prepare(`SELECT id, incident_id, kind, text FROM causes ${only("incident_id")} ORDER BY incident_id, position`).all(...args) as Row[],
    (c) => ({ kind: c.kind as "root_cause", text: c.text as string, services: causeServices.get(c.id as number) ?? [], events: [], tags: causeTags.get(c.id as number) ?? [] }));
  const items = byIncident(db.prepare(`SELECT incident_id, title, type, priority, owner, due, status, tracker, closed, addresses FROM action_items ${only("incident_id")} ORDER BY incident_id, position`).all(...args) as Row[],
    (a) => ({ title: a.title as string, type: a.type as "prevent", priority: a.priority as "P2", owner: a.owner as string, due: (a.due as string | null) ?? null,
      status: a.status as "open", tracker: a.tracker as string, closed: (a.closed as string | null) ?? null, addresses: (a.addresses as number | null) ?? null }));
  return new Map(incidents.map((r) => {
    const id = r.id as number;
    const milestones: Postmortem["milestones"] = {};
    for (const m of MILESTONES) if (r[`${m}_at`]) milestones[m] = r[`${m}_at`] as string;
    return [id, {
      slug: r.slug as string, title: r.title as string, severity: r.severity as "SEV1", status: r.status as "resolved", createdAt: r.created_at as string,
      milestones, impactWindows: windows.get(id) ?? [], causes: causes.get(id) ?? [], actionItems: items.get(id) ?? [],
    } satisfies InsightIncident];
  }));
}

/** Each incident's id and what changes with every save of it. */
function insightStamps(db: Database): Map<number, string> {
  const rows = db.prepare("SELECT id, version, updated_at FROM incidents").raw().all() as [number, number, string][];
  return new Map(rows.map(([id, version, at]) => [id, `${version}|${at}`]));
}

export interface HeldInsightIncidents { incidents: InsightIncident[]; byId: Map<number, InsightIncident>; stamps: Map<number, string> }
/** Past this many changed incidents one full read is cheaper than reading each again. */
const REREAD_AT_MOST = 500;

/**
 * Every incident as the insights read them, given what a reader already holds: only incidents added or saved
 * since are read again, and removed ones are dropped.
 */
export function insightIncidentsSince(db: Database, held?: HeldInsightIncidents): HeldInsightIncidents {
  const stamps = insightStamps(db);
  const changed = held ? [...stamps].filter(([id, stamp]) => held.stamps.get(id) !== stamp).map(([id]) => id) : [];
  let byId: Map<number, InsightIncident>;
  if (!held || changed.length > REREAD_AT_MOST) byId = insightIncidentsById(db);
  else {
    byId = new Map([...held.byId].filter(([id]) => stamps.has(id)));
    for (const [id, incident] of insightIncidentsById(db, changed)) byId.set(id, incident);
    byId = new Map([...byId].sort(([a], [b]) => a - b));
  }
  return { incidents: [...byId.values()], byId, stamps };
}

export function insightServices(db: Database): InsightService[] {
  return (db.prepare("SELECT slug, name, is_public, group_name FROM services ORDER BY position, name").all() as Row[])
    .map((s) => ({ slug: s.slug as string, name: s.name as string, isPublic: s.is_public === 1, group: s.group_name as string }));
}

/** Changes whenever an incident is added, removed or saved (every save bumps its version), so a cache of the read can tell it is stale. */
export function insightsVersion(db: Database): string {
  return JSON.stringify(db.prepare("SELECT count(*), max(id), max(updated_at), total(version) FROM incidents").raw().get());
}
