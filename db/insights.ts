import type { Database } from "better-sqlite3";
import { MILESTONES, type Postmortem } from "../lib/model";
import type { InsightIncident, InsightService } from "../lib/insights";

type Row = Record<string, string | number | null>;

function grouped<T>(rows: Row[], make: (r: Row) => T): Map<number, T[]> {
  const map = new Map<number, T[]>();
  for (const r of rows) {
    const id = r.incident_id as number;
    const list = map.get(id) ?? [];
    list.push(make(r));
    map.set(id, list);
  }
  return map;
}

function byOwner(rows: { owner: number; value: string }[]): Map<number, string[]> {
  const map = new Map<number, string[]>();
  for (const r of rows) {
    const list = map.get(r.owner) ?? [];
    list.push(r.value);
    map.set(r.owner, list);
  }
  return map;
}

/**
 * Every incident with what the insights need (milestones, impact windows, causes with services and tags, action
 * items), in a handful of queries whatever the number of incidents. Timeline events are not read.
 */
export function loadInsightIncidents(db: Database): InsightIncident[] {
  const incidents = db.prepare(`SELECT id, slug, title, severity, status, created_at, ${MILESTONES.map((m) => `${m}_at`).join(", ")} FROM incidents`).all() as Row[];
  const windows = grouped(db.prepare("SELECT incident_id, service_slug, condition, start_at, end_at, origin FROM impact_windows ORDER BY incident_id, position").all() as Row[],
    (w) => ({ service: w.service_slug as string, condition: w.condition as "major", start: w.start_at as string, end: (w.end_at as string | null) ?? null, origin: w.origin === 1 }));
  const causeServices = byOwner(db.prepare("SELECT cause_id AS owner, service_slug AS value FROM cause_services ORDER BY rowid").all() as { owner: number; value: string }[]);
  const causeTags = byOwner(db.prepare("SELECT cause_id AS owner, tag AS value FROM cause_tag_links ORDER BY rowid").all() as { owner: number; value: string }[]);
  const causes = grouped(db.prepare("SELECT id, incident_id, kind, text FROM causes ORDER BY incident_id, position").all() as Row[],
    (c) => ({ kind: c.kind as "root_cause", text: c.text as string, services: causeServices.get(c.id as number) ?? [], events: [], tags: causeTags.get(c.id as number) ?? [] }));
  const items = grouped(db.prepare("SELECT incident_id, title, type, priority, owner, due, status, tracker, closed, addresses FROM action_items ORDER BY incident_id, position").all() as Row[],
    (a) => ({ title: a.title as string, type: a.type as "prevent", priority: a.priority as "P2", owner: a.owner as string, due: (a.due as string | null) ?? null,
      status: a.status as "open", tracker: a.tracker as string, closed: (a.closed as string | null) ?? null, addresses: (a.addresses as number | null) ?? null }));
  return incidents.map((r) => {
    const id = r.id as number;
    const milestones: Postmortem["milestones"] = {};
    for (const m of MILESTONES) if (r[`${m}_at`]) milestones[m] = r[`${m}_at`] as string;
    return {
      slug: r.slug as string, title: r.title as string, severity: r.severity as "SEV1", status: r.status as "resolved", createdAt: r.created_at as string,
      milestones, impactWindows: windows.get(id) ?? [], causes: causes.get(id) ?? [], actionItems: items.get(id) ?? [],
    };
  });
}

export function insightServices(db: Database): InsightService[] {
  return (db.prepare("SELECT slug, name, is_public, group_name FROM services ORDER BY position, name").all() as Row[])
    .map((s) => ({ slug: s.slug as string, name: s.name as string, isPublic: s.is_public === 1, group: s.group_name as string }));
}

/** Changes whenever an incident is added, removed or saved (every save bumps its version), so a cache of the read can tell it is stale. */
export function insightsVersion(db: Database): string {
  return JSON.stringify(db.prepare("SELECT count(*), max(id), max(updated_at), total(version) FROM incidents").raw().get());
}
