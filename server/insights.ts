import "server-only";
import { getDb } from "../db/connection";
import { listCauseTags } from "../db/cause-tags";
import { insightServices, loadInsightIncidents } from "../db/insights";
import { parseInsightFilters, type FilterProblem, type InsightFilters } from "../lib/insight-filters";
import { buildInsights, type Insights } from "../lib/insight-report";
import type { InsightService } from "../lib/insights";
import type { Postmortem } from "../lib/model";
import { findRecurrences, recurrencesFor } from "../lib/recurrence";

export type InsightsAnswer = { filters: InsightFilters; services: InsightService[] } & (
  { ok: true; report: Insights } | { ok: false; problems: FilterProblem[] }
);

/** The insights for a URL's filters, or the problems with those filters (nothing is computed from half-understood input). */
export function insightsFor(params: Record<string, string | string[] | undefined>, now = new Date().toISOString()): InsightsAnswer {
  const db = getDb();
  const services = insightServices(db);
  const { filters, problems } = parseInsightFilters(params, services);
  if (problems.length) return { ok: false, filters, services, problems };
  return { ok: true, filters, services, report: buildInsights(loadInsightIncidents(db), services, listCauseTags(db), filters, now) };
}

/** For one postmortem: its fixes that did not hold, and the earlier fixes it shows did not hold. */
export function recurrencesOf(pm: Pick<Postmortem, "slug" | "causes" | "actionItems">) {
  // Without a tagged cause or a done item naming its cause there is nothing to judge: skip reading every incident.
  const judged = pm.causes.some((c) => c.tags.length) || pm.actionItems.some((a) => a.addresses !== null && a.status === "done");
  return judged ? recurrencesFor(pm.slug, findRecurrences(loadInsightIncidents(getDb()))) : { ours: [], earlier: [] };
}
