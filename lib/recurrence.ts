import { incidentStart, type InsightIncident } from "./insights";

export interface LaterIncident { incident: string; incidentTitle: string; start: string; cause: number; tags: string[]; services: string[] }

export interface Recurrence {
  /** The action item that was meant to fix the cause, and the postmortem it belongs to. */
  fixed: { incident: string; incidentTitle: string; item: number; title: string; closed: string; cause: number };
  /** The first later incident whose cause has the same tag on the same service: the one that showed the fix did not hold. */
  later: LaterIncident;
  /** How many later incidents in all (the first included) came back with it. */
  laterCount: number;
  tags: string[];
  services: string[];
}

type Entry = { incident: InsightIncident; cause: number; start: string };
type Index = Map<string, Entry[]>;

/** Causes by tag and service, each list in order of its incident's start, so a search can begin at a day. */
function indexCauses(incidents: InsightIncident[]): Index {
  const index: Index = new Map();
  for (const incident of incidents) {
    const start = incidentStart(incident);
    incident.causes.forEach((c, cause) => {
      for (const tag of c.tags) for (const service of c.services) {
        const key = `${tag}\u0000${service}`;
        const list = index.get(key) ?? [];
        list.push({ incident, cause, start });
        index.set(key, list);
      }
    });
  }
  for (const list of index.values()) list.sort((a, b) => a.start.localeCompare(b.start));
  return index;
}

/** The first entry starting on `day` or later (an instant "2021-02-01T…" sorts after the day "2021-02-01"). */
function firstFrom(list: Entry[], day: string): number {
  let lo = 0, hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid].start < day) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The later incidents that show one action item's fix did not hold: the item names the cause it addresses and was
 * done on day D, and an incident starting on D or later has a cause sharing a tag AND a service with that cause.
 * Dropped items were never a fix, so they are not judged. Answers the earliest such incident, how many there are,
 * and (when asked about one incident) that incident's match.
 */
function laterIncidents(index: Index, incident: InsightIncident, itemIndex: number, wanted?: string) {
  const none = { first: null as LaterIncident | null, count: 0, here: null as LaterIncident | null };
  const a = incident.actionItems[itemIndex];
  if (a.status !== "done" || a.closed === null || a.addresses === null) return none;
  const cause = incident.causes[a.addresses];
  if (!cause) return none;
  const closed = a.closed;
  const lists = cause.tags.flatMap((tag) => cause.services.map((service) => index.get(`${tag}\u0000${service}`) ?? []));
  const seen = new Set<InsightIncident>();
  let first: Entry | null = null;
  let here: Entry | null = null;
  for (const list of lists) {
    for (let n = firstFrom(list, closed); n < list.length; n++) {
      const hit = list[n];
      if (hit.incident === incident) continue;
      seen.add(hit.incident);
      if (!first || hit.start < first.start || (hit.start === first.start && hit.incident.slug < first.incident.slug)) first = hit;
      if (wanted !== undefined && !here && hit.incident.slug === wanted) here = hit;
    }
  }
  // What the later incident shares with the cause: every tag and service it matched on.
  const describe = (e: Entry): LaterIncident => {
    const tags = new Set<string>();
    const services = new Set<string>();
    for (const later of e.incident.causes) {
      for (const t of later.tags) if (cause.tags.includes(t) && later.services.some((s) => cause.services.includes(s))) tags.add(t);
      for (const s of later.services) if (cause.services.includes(s) && later.tags.some((t) => cause.tags.includes(t))) services.add(s);
    }
    return { incident: e.incident.slug, incidentTitle: e.incident.title, start: e.start, cause: e.cause, tags: [...tags].sort(), services: [...services].sort() };
  };
  return { first: first && describe(first), count: seen.size, here: here && describe(here) };
}

function recurrence(incident: InsightIncident, item: number, later: LaterIncident, count: number): Recurrence {
  const a = incident.actionItems[item];
  return {
    fixed: { incident: incident.slug, incidentTitle: incident.title, item, title: a.title, closed: a.closed!, cause: a.addresses! },
    later, laterCount: count, tags: later.tags, services: later.services,
  };
}

/** Every fix that did not hold, once per action item, with the first incident that showed it. */
export function findRecurrences(incidents: InsightIncident[]): Recurrence[] {
  const index = indexCauses(incidents);
  const out: Recurrence[] = [];
  for (const incident of incidents) {
    incident.actionItems.forEach((_, item) => {
      const { first, count } = laterIncidents(index, incident, item);
      if (first) out.push(recurrence(incident, item, first, count));
    });
  }
  return out.sort((x, y) => x.later.start.localeCompare(y.later.start) || x.fixed.incident.localeCompare(y.fixed.incident));
}

/**
 * What one postmortem should say: its fixes that did not hold, and the earlier fixes that this incident shows did
 * not hold (whether or not it was the first to show it; `later` is then this incident).
 */
export function recurrencesFor(slug: string, incidents: InsightIncident[]): { ours: Recurrence[]; earlier: Recurrence[] } {
  const index = indexCauses(incidents);
  const ours: Recurrence[] = [];
  const earlier: Recurrence[] = [];
  for (const incident of incidents) {
    incident.actionItems.forEach((_, item) => {
      const { first, count, here } = laterIncidents(index, incident, item, slug);
      if (!first) return;
      if (incident.slug === slug) ours.push(recurrence(incident, item, first, count));
      if (here) earlier.push(recurrence(incident, item, here, count));
    });
  }
  return { ours, earlier };
}
