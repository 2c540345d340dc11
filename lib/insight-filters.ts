import { z } from "zod";
import { SEVERITIES } from "./model";
import { incidentStart, type InsightIncident, type InsightService } from "./insights";
import { readFilters } from "./incident-filters";

const optional = <T extends z.ZodType>(schema: T) => z.preprocess((v) => (v === "" ? undefined : v), schema.optional());
const day = z.iso.date({ message: "must be a date like 2021-03-01" });

/** The insights page's filters as they appear in its URL (/insights?from=2021-01-01&severity=SEV1&service=cognito). */
export const insightFilterSchema = z.object({
  from: optional(day),
  to: optional(day),
  severity: optional(z.enum(SEVERITIES, { message: `must be one of ${SEVERITIES.join(", ")}` })),
  service: optional(z.string().trim().max(80)),
  group: optional(z.string().trim().max(80)),
});
export type InsightFilters = z.infer<typeof insightFilterSchema>;

export interface FilterProblem { param: string; message: string }

/**
 * Reads and checks the filters: a value that is not understood, a service or group the catalog does not have, or a
 * range that ends before it starts is a problem naming its parameter (the API answers 400; the page says so).
 */
export function parseInsightFilters(params: Record<string, string | string[] | undefined>, services: InsightService[]): { filters: InsightFilters; problems: FilterProblem[] } {
  const { filters, problems: raw } = readFilters(insightFilterSchema, params);
  const problems = raw.map((p) => {
    const [param, ...rest] = p.split(": ");
    return { param, message: rest.join(": ").replace(/ \(ignored\)$/, "") };
  });
  if (filters.service && !services.some((s) => s.slug === filters.service)) {
    problems.push({ param: "service", message: `"${filters.service}" is not in the service catalog` });
  }
  if (filters.group && !services.some((s) => s.group === filters.group)) {
    problems.push({ param: "group", message: `no service in the catalog is in the group "${filters.group}"` });
  }
  if (filters.from && filters.to && filters.to < filters.from) {
    problems.push({ param: "to", message: `${filters.to} is before the start of the range (from ${filters.from})` });
  }
  return { filters, problems };
}

/** Services an incident involves: those with an impact window and those a cause names. */
function servicesOf(i: InsightIncident): Set<string> {
  return new Set([...i.impactWindows.map((w) => w.service), ...i.causes.flatMap((c) => c.services)]);
}

/** The incidents the filters keep: started within the range (UTC days, both ends included), of the severity, involving the service or a service of the group. */
export function applyInsightFilters(incidents: InsightIncident[], f: InsightFilters, services: InsightService[]): InsightIncident[] {
  const inGroup = f.group ? new Set(services.filter((s) => s.group === f.group).map((s) => s.slug)) : null;
  return incidents.filter((i) => {
    const day = incidentStart(i).slice(0, 10);
    if (f.from && day < f.from) return false;
    if (f.to && day > f.to) return false;
    if (f.severity && i.severity !== f.severity) return false;
    if (!f.service && !inGroup) return true;
    const named = servicesOf(i);
    if (f.service && !named.has(f.service)) return false;
    if (inGroup && ![...named].some((s) => inGroup.has(s))) return false;
    return true;
  });
}
