import { incidentStart, type InsightIncident } from "./insights";

export interface Recurrence {
  /** The action item that was meant to fix the cause, and the postmortem it belongs to. */
  fixed: { incident: string; incidentTitle: string; item: number; title: string; closed: string; cause: number };
  /** The later incident whose cause has the same tag on the same service. */
  later: { incident: string; incidentTitle: string; start: string; cause: number };
  tags: string[];
  services: string[];
}

/**
 * Did the fix hold? An action item that names the cause it addresses and was done on day D did not hold when an
 * incident starting on D or later has a cause sharing a tag AND a service with that cause. Dropped items were
 * never a fix, so they are not judged.
 */
export function findRecurrences(incidents: InsightIncident[]): Recurrence[] {
  const byTagService = new Map<string, { incident: InsightIncident; cause: number; start: string }[]>();
  for (const incident of incidents) {
    const start = incidentStart(incident);
    incident.causes.forEach((c, cause) => {
      for (const tag of c.tags) for (const service of c.services) {
        const key = `${tag}\u0000${service}`;
        const list = byTagService.get(key) ?? [];
        list.push({ incident, cause, start });
        byTagService.set(key, list);
      }
    });
  }
  const out: Recurrence[] = [];
  for (const incident of incidents) {
    incident.actionItems.forEach((a, item) => {
      if (a.status !== "done" || a.closed === null || a.addresses === null) return;
      const cause = incident.causes[a.addresses];
      if (!cause) return;
      const found = new Map<InsightIncident, { cause: number; start: string; tags: Set<string>; services: Set<string> }>();
      for (const tag of cause.tags) for (const service of cause.services) {
        for (const hit of byTagService.get(`${tag}\u0000${service}`) ?? []) {
          if (hit.incident === incident || hit.start.slice(0, 10) < a.closed) continue;
          const entry = found.get(hit.incident) ?? { cause: hit.cause, start: hit.start, tags: new Set(), services: new Set() };
          entry.tags.add(tag);
          entry.services.add(service);
          found.set(hit.incident, entry);
        }
      }
      for (const [later, hit] of found) {
        out.push({
          fixed: { incident: incident.slug, incidentTitle: incident.title, item, title: a.title, closed: a.closed, cause: a.addresses },
          later: { incident: later.slug, incidentTitle: later.title, start: hit.start, cause: hit.cause },
          tags: [...hit.tags].sort(),
          services: [...hit.services].sort(),
        });
      }
    });
  }
  return out.sort((x, y) => x.later.start.localeCompare(y.later.start) || x.fixed.incident.localeCompare(y.fixed.incident));
}

/** The recurrences a postmortem should mention: its fixes that did not hold, and the earlier fixes it shows did not hold. */
export function recurrencesFor(slug: string, all: Recurrence[]): { ours: Recurrence[]; earlier: Recurrence[] } {
  return { ours: all.filter((r) => r.fixed.incident === slug), earlier: all.filter((r) => r.later.incident === slug) };
}
