import { SEVERITIES } from "@/lib/model";
import type { InsightFilters, FilterProblem } from "@/lib/insight-filters";
import type { InsightService } from "@/lib/insights";

/** The insights filters as a plain GET form: the URL carries them, so a view can be bookmarked and shared. */
export function InsightsFilters({ filters, services, problems, raw }: { filters: InsightFilters; services: InsightService[]; problems: FilterProblem[]; raw: Record<string, string> }) {
  const groups = [...new Set(services.map((s) => s.group).filter(Boolean))].sort();
  // A value that was refused is shown again as typed, so the person can see and fix it.
  const value = (k: keyof InsightFilters) => (problems.some((p) => p.param === k) ? raw[k] ?? "" : filters[k] ?? "");
  return (
    <form method="get" className="panel filters" aria-label="Filter insights">
      <label><span>From (UTC day)</span><input type="date" name="from" defaultValue={value("from")} /></label>
      <label><span>To (UTC day)</span><input type="date" name="to" defaultValue={value("to")} /></label>
      <label><span>Severity</span>
        <select name="severity" defaultValue={value("severity")}>
          <option value="">any</option>
          {SEVERITIES.map((s) => <option key={s} value={s}>{s}</option>)}
        </select>
      </label>
      <label><span>Service</span>
        <select name="service" defaultValue={value("service")}>
          <option value="">any</option>
          {services.map((s) => <option key={s.slug} value={s.slug}>{s.name}</option>)}
        </select>
      </label>
      <label><span>Group</span>
        <select name="group" defaultValue={value("group")}>
          <option value="">any</option>
          {groups.map((g) => <option key={g} value={g}>{g}</option>)}
        </select>
      </label>
      <div className="filter-actions"><button type="submit">Show</button> <a href="/insights">Clear</a></div>
    </form>
  );
}
