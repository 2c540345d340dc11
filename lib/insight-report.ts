import { SEVERITIES } from "./model";
import { causeTagUse, durationsPerMonth, impactMinutesPerComponent, incidentsPerMonth, serviceInvolvement, type CauseTag, type InsightIncident, type InsightService } from "./insights";
import { followUps } from "./follow-ups";
import { findRecurrences } from "./recurrence";
import { applyInsightFilters, type InsightFilters } from "./insight-filters";

/** Every table of the insights page, by the name its CSV is asked for with (/api/insights?format=csv&table=NAME). */
export const INSIGHT_TABLES = [
  "incidents-per-month", "durations", "services", "component-impact", "cause-tags",
  "follow-ups-by-owner", "follow-ups-by-type", "backlog", "recurrences",
] as const;
export type InsightTableName = (typeof INSIGHT_TABLES)[number];

export type Cell = string | number | null;
export interface InsightTable { name: InsightTableName; title: string; columns: string[]; rows: Cell[][] }

const round1 = (n: number | null) => (n === null ? null : Math.round(n * 10) / 10);
const label = (s: string) => s.replace(/_/g, " ");

export function buildInsights(all: InsightIncident[], services: InsightService[], taxonomy: CauseTag[], filters: InsightFilters, now: string) {
  const incidents = applyInsightFilters(all, filters, services);
  const kept = new Set(incidents.map((i) => i.slug));
  const today = now.slice(0, 10);
  const perMonth = incidentsPerMonth(incidents);
  const durations = durationsPerMonth(incidents);
  const involvement = serviceInvolvement(incidents, services);
  const impact = impactMinutesPerComponent(incidents, services, now);
  const tags = causeTagUse(incidents, taxonomy);
  const follow = followUps(incidents, today);
  // A fix is judged against every incident, then shown when either side of it is among the filtered ones.
  const recurrences = findRecurrences(all).filter((r) => kept.has(r.fixed.incident) || kept.has(r.later.incident));
  const counts = ["Open", "Overdue", "Done", "Won't do"];
  const tables: Record<InsightTableName, InsightTable> = {
    "incidents-per-month": { name: "incidents-per-month", title: "Incidents per month by severity", columns: ["Month", ...SEVERITIES, "Total"],
      rows: perMonth.map((m) => [m.month, ...SEVERITIES.map((s) => m.bySeverity[s]), m.total]) },
    durations: { name: "durations", title: "Time to detect, identify, mitigate and resolve per month (minutes)",
      columns: ["Month", "Metric", "Measured between", "Incidents counted", "Left out (a milestone missing or out of order)", "Median", "90th percentile"],
      rows: durations.map((d) => [d.month, d.label, d.span, d.counted, d.leftOut, round1(d.medianMinutes), round1(d.p90Minutes)]) },
    services: { name: "services", title: "Services: origin of impact and hit by a cascade (incidents)", columns: ["Service", "Slug", "Origin of impact", "Hit by a cascade"],
      rows: involvement.map((s) => [s.name, s.service, s.origin, s.cascade]) },
    "component-impact": { name: "component-impact", title: "Impact minutes per public component", columns: ["Component", "Group", "Impact minutes", "Incidents", "Windows still open"],
      rows: impact.map((c) => [c.name, c.group, c.minutes, c.incidents, c.ongoing]) },
    "cause-tags": { name: "cause-tags", title: "Contributing factors by cause tag", columns: ["Tag", "Causes", "Incidents", "Services", "Recurs"],
      rows: tags.tags.map((t) => [t.name, t.causes, t.incidents.join(" "), t.services.join(" "), t.recurring ? "yes" : "no"]) },
    "follow-ups-by-owner": { name: "follow-ups-by-owner", title: "Action items by owner", columns: ["Owner", ...counts],
      rows: follow.byOwner.map((r) => [r.key, r.open, r.overdue, r.done, r.dropped]) },
    "follow-ups-by-type": { name: "follow-ups-by-type", title: "Action items by type", columns: ["Type", ...counts],
      rows: follow.byType.map((r) => [label(r.key), r.open, r.overdue, r.done, r.dropped]) },
    backlog: { name: "backlog", title: "Open action items at the end of each month", columns: ["Month", "Open at month end"],
      rows: follow.backlog.map((b) => [b.month, b.open]) },
    recurrences: { name: "recurrences", title: "Fixes that did not hold", columns: ["Action item", "Postmortem", "Closed", "Tags", "Services", "Recurred in", "Which started", "Later incidents in all"],
      rows: recurrences.map((r) => [r.fixed.title, r.fixed.incident, r.fixed.closed, r.tags.join(" "), r.services.join(" "), r.later.incident, r.later.start, r.laterCount]) },
  };
  return { incidents: incidents.length, perMonth, durations, involvement, impact, tags, followUps: follow, recurrences, tables };
}
export type Insights = ReturnType<typeof buildInsights>;
