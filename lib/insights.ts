import { METRIC_DEFINITIONS, metricMinutes, metricSpan } from "./metrics";
import { SEVERITIES, type Postmortem } from "./model";

/** What the figures need of an incident: the postmortem's structure plus when it was recorded. */
export type InsightIncident = Pick<Postmortem, "slug" | "title" | "severity" | "status" | "milestones" | "impactWindows" | "causes" | "actionItems"> & {
  createdAt: string;
};
export interface InsightService { slug: string; name: string; isPublic: boolean; group: string }
export interface CauseTag { slug: string; name: string; keywords: string }

/** When an incident happened: its impact start, else the earliest milestone that says, else when it was recorded. */
export function incidentStart(i: Pick<InsightIncident, "milestones" | "createdAt">): string {
  const m = i.milestones;
  return m.impact_start ?? m.trigger ?? m.detected ?? i.createdAt;
}

export const monthOf = (instant: string) => instant.slice(0, 7);

/** Every month from `first` to `last` (YYYY-MM), both included, so a quiet month shows as zero rather than vanishing. */
export function monthRange(first: string, last: string): string[] {
  const out: string[] = [];
  let [y, m] = first.split("-").map(Number);
  const [ly, lm] = last.split("-").map(Number);
  while (y < ly || (y === ly && m <= lm)) {
    out.push(`${y}-${String(m).padStart(2, "0")}`);
    if (++m > 12) (m = 1), y++;
  }
  return out;
}

function monthsOf(incidents: InsightIncident[]): string[] {
  if (!incidents.length) return [];
  const months = incidents.map((i) => monthOf(incidentStart(i))).sort();
  return monthRange(months[0], months[months.length - 1]);
}

/** The p-th quantile (0..1) of sorted numbers, interpolating between the two nearest ranks. */
export function quantile(sorted: number[], p: number): number | null {
  if (!sorted.length) return null;
  const at = (sorted.length - 1) * p;
  const lo = Math.floor(at);
  const hi = Math.ceil(at);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (at - lo);
}

export type SeverityCounts = Record<(typeof SEVERITIES)[number], number>;
export interface MonthCount { month: string; bySeverity: SeverityCounts; total: number }

/** Incidents per month (UTC) of their start, by severity; an incident is counted once, in the month it began. */
export function incidentsPerMonth(incidents: InsightIncident[]): MonthCount[] {
  const rows = new Map(monthsOf(incidents).map((month) => [month, { month, bySeverity: Object.fromEntries(SEVERITIES.map((s) => [s, 0])) as SeverityCounts, total: 0 }]));
  for (const i of incidents) {
    const row = rows.get(monthOf(incidentStart(i)))!;
    row.bySeverity[i.severity]++;
    row.total++;
  }
  return [...rows.values()];
}

export interface DurationRow {
  month: string;
  metric: (typeof METRIC_DEFINITIONS)[number]["key"];
  label: string;
  /** The two milestones it is measured between, e.g. "Impact start → Detected". */
  span: string;
  counted: number;
  leftOut: number;
  medianMinutes: number | null;
  p90Minutes: number | null;
}

/**
 * Median and 90th percentile of each metric per month, from lib/metrics. Only incidents with both milestones
 * (in order) are counted; the others are left out and the count says how many.
 */
export function durationsPerMonth(incidents: InsightIncident[]): DurationRow[] {
  const byMonth = new Map<string, InsightIncident[]>(monthsOf(incidents).map((m) => [m, []]));
  for (const i of incidents) byMonth.get(monthOf(incidentStart(i)))!.push(i);
  const rows: DurationRow[] = [];
  for (const [month, list] of byMonth) {
    for (const def of METRIC_DEFINITIONS) {
      const minutes: number[] = [];
      for (const i of list) {
        const m = metricMinutes(def, i.milestones);
        if (m !== null) minutes.push(m);
      }
      minutes.sort((a, b) => a - b);
      rows.push({
        month, metric: def.key, label: def.label, span: metricSpan(def),
        counted: minutes.length, leftOut: list.length - minutes.length,
        medianMinutes: quantile(minutes, 0.5), p90Minutes: quantile(minutes, 0.9),
      });
    }
  }
  return rows;
}

export interface ServiceInvolvement { service: string; name: string; origin: number; cascade: number }

/** Per service, in how many incidents it was the origin of impact and in how many a cascade reached it. */
export function serviceInvolvement(incidents: InsightIncident[], services: InsightService[]): ServiceInvolvement[] {
  const names = new Map(services.map((s) => [s.slug, s.name]));
  const rows = new Map<string, ServiceInvolvement>();
  for (const i of incidents) {
    const origin = new Set(i.impactWindows.filter((w) => w.origin).map((w) => w.service));
    for (const service of new Set(i.impactWindows.map((w) => w.service))) {
      const row = rows.get(service) ?? { service, name: names.get(service) ?? service, origin: 0, cascade: 0 };
      if (origin.has(service)) row.origin++;
      else row.cascade++;
      rows.set(service, row);
    }
  }
  return [...rows.values()].sort((a, b) => b.origin + b.cascade - (a.origin + a.cascade) || a.service.localeCompare(b.service));
}

export interface ComponentImpact { service: string; name: string; group: string; minutes: number; incidents: number; ongoing: number }

/**
 * Impact minutes per public component: overlapping windows of one incident count once, and a window still open
 * counts up to `now` (and is counted as ongoing).
 */
export function impactMinutesPerComponent(incidents: InsightIncident[], services: InsightService[], now: string): ComponentImpact[] {
  const rows = new Map(services.filter((s) => s.isPublic).map((s) => [s.slug, { service: s.slug, name: s.name, group: s.group, minutes: 0, incidents: 0, ongoing: 0 }]));
  const nowMs = Date.parse(now);
  for (const i of incidents) {
    const spans = new Map<string, [number, number][]>();
    for (const w of i.impactWindows) {
      const row = rows.get(w.service);
      if (!row) continue;
      if (w.end === null) row.ongoing++;
      const list = spans.get(w.service) ?? [];
      list.push([Date.parse(w.start), w.end === null ? Math.max(nowMs, Date.parse(w.start)) : Date.parse(w.end)]);
      spans.set(w.service, list);
    }
    for (const [service, list] of spans) {
      const row = rows.get(service)!;
      row.incidents++;
      list.sort((a, b) => a[0] - b[0]);
      let [start, end] = list[0];
      let ms = 0;
      for (const [s, e] of list.slice(1)) {
        if (s > end) (ms += end - start), (start = s), (end = e);
        else end = Math.max(end, e);
      }
      row.minutes += Math.round((ms + end - start) / 60_000);
    }
  }
  return [...rows.values()].sort((a, b) => b.minutes - a.minutes || a.name.localeCompare(b.name));
}

export interface TagUse { tag: string; name: string; causes: number; incidents: string[]; services: string[]; recurring: boolean }

/** How often each tag was given to a cause, in which incidents and on which services; a tag seen in two incidents or more recurs. */
export function causeTagUse(incidents: InsightIncident[], taxonomy: CauseTag[]): { tags: TagUse[]; untagged: number } {
  type Tally = { tag: string; name: string; causes: number; incidents: Set<string>; services: Set<string> };
  const rows = new Map<string, Tally>(taxonomy.map((t) => [t.slug, { tag: t.slug, name: t.name, causes: 0, incidents: new Set(), services: new Set() }]));
  let untagged = 0;
  for (const i of incidents) {
    for (const c of i.causes) {
      if (!c.tags.length) untagged++;
      for (const tag of c.tags) {
        const row = rows.get(tag) ?? { tag, name: tag, causes: 0, incidents: new Set(), services: new Set() };
        row.causes++;
        row.incidents.add(i.slug);
        for (const s of c.services) row.services.add(s);
        rows.set(tag, row);
      }
    }
  }
  const tags = [...rows.values()].map((r) => ({ ...r, incidents: [...r.incidents], services: [...r.services].sort(), recurring: r.incidents.size >= 2 }));
  return { tags: tags.sort((a, b) => b.causes - a.causes || a.name.localeCompare(b.name)), untagged };
}
