import "server-only";
import { getDb } from "../db/connection";
import { listCauseTags } from "../db/cause-tags";
import { insightIncidentsSince, insightServices, insightsVersion, type HeldInsightIncidents } from "../db/insights";
import { parseInsightFilters, type FilterProblem, type InsightFilters } from "../lib/insight-filters";
import { buildInsights, type Insights } from "../lib/insight-report";
import type { InsightIncident, InsightService } from "../lib/insights";
import type { Postmortem } from "../lib/model";
import { recurrencesFor } from "../lib/recurrence";

export type InsightsAnswer = { filters: InsightFilters; services: InsightService[] } & (
  { ok: true; report: Insights } | { ok: false; problems: FilterProblem[] }
);

const holder = globalThis as typeof globalThis & {
  __sitrepInsights?: HeldInsightIncidents & { version: string };
  __sitrepInsightReports?: Map<string, Insights>;
};
const KEPT_REPORTS = 16;

/**
 * Every incident as the insights read them, kept between requests. When incidents are added, removed or saved,
 * only those are read again: reading 10,000 incidents costs far more than the figures computed from them.
 */
function allIncidents(): InsightIncident[] {
  const db = getDb();
  const version = insightsVersion(db);
  const held = holder.__sitrepInsights;
  if (held?.version !== version) holder.__sitrepInsights = { version, ...insightIncidentsSince(db, held) };
  return holder.__sitrepInsights!.incidents;
}

/** The insights for a URL's filters, or the problems with those filters (nothing is computed from half-understood input). */
export function insightsFor(params: Record<string, string | string[] | undefined>, now = new Date().toISOString()): InsightsAnswer {
  const db = getDb();
  const services = insightServices(db);
  const { filters, problems } = parseInsightFilters(params, services);
  if (problems.length) return { ok: false, filters, services, problems };
  // Figures are to the minute (open impact windows count up to now), so a report is kept for its minute and filters.
  const taxonomy = listCauseTags(db);
  const incidents = allIncidents();
  const key = JSON.stringify([holder.__sitrepInsights!.version, filters, taxonomy, services, now.slice(0, 16)]);
  const reports = (holder.__sitrepInsightReports ??= new Map());
  let report = reports.get(key);
  if (!report) {
    report = buildInsights(incidents, services, taxonomy, filters, now);
    if (reports.size >= KEPT_REPORTS) reports.delete(reports.keys().next().value!);
    reports.set(key, report);
  }
  return { ok: true, filters, services, report };
}

/** For one postmortem: its fixes that did not hold, and the earlier fixes it shows did not hold. */
export function recurrencesOf(pm: Pick<Postmortem, "slug" | "causes" | "actionItems">) {
  // Without a tagged cause or a done item naming its cause there is nothing to judge: skip reading every incident.
  const judged = pm.causes.some((c) => c.tags.length) || pm.actionItems.some((a) => a.addresses !== null && a.status === "done");
  return judged ? recurrencesFor(pm.slug, allIncidents()) : { ours: [], earlier: [] };
}
