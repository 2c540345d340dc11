import { requirePageUser } from "@/auth";
import { filtersToQuery } from "@/lib/incident-filters";
import { insightsFor } from "@/server/insights";
import { InsightsFilters } from "@/components/insights/InsightsFilters";
import { CausesSection, DurationsSection, FollowUpsSection, IncidentsSection, RecurrencesSection, ServicesSection } from "@/components/insights/InsightSections";

export const metadata = { title: "Insights" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** Learning across incidents: trends, recurring causes, and whether the fixes held. Server-rendered; no script needed. */
export default async function InsightsPage({ searchParams }: Props) {
  const params = await searchParams;
  const raw = Object.fromEntries(Object.entries(params).map(([k, v]) => [k, Array.isArray(v) ? v[0] ?? "" : v ?? ""]));
  await requirePageUser(`/insights${filtersToQuery(raw)}`);
  const answer = insightsFor(params);
  const query = filtersToQuery(answer.filters).slice(1);
  return (
    <>
      <h1>Insights</h1>
      <InsightsFilters filters={answer.filters} services={answer.services} problems={answer.ok ? [] : answer.problems} raw={raw} />
      {!answer.ok ? (
        <div className="panel empty-state" role="alert">
          <h2>No figures for these filters</h2>
          <ul>{answer.problems.map((p) => <li key={p.param}><strong>{p.param}</strong>: {p.message}</li>)}</ul>
          <p>Change the filters above, or <a href="/insights">show every incident</a>.</p>
        </div>
      ) : answer.report.incidents === 0 ? (
        <div className="panel empty-state" role="status">
          <h2>No incidents match these filters</h2>
          <p>Widen the date range or clear a filter; <a href="/insights">show every incident</a>.</p>
        </div>
      ) : (
        <>
          <p className="muted" role="status">{answer.report.incidents.toLocaleString("en-US")} incident{answer.report.incidents === 1 ? "" : "s"} match. Every table can be downloaded as CSV; the API answers the same figures at <code>/api/insights</code>.</p>
          <RecurrencesSection r={answer.report} query={query} />
          <IncidentsSection r={answer.report} query={query} />
          <DurationsSection r={answer.report} query={query} />
          <ServicesSection r={answer.report} query={query} />
          <CausesSection r={answer.report} query={query} />
          <FollowUpsSection r={answer.report} query={query} />
        </>
      )}
    </>
  );
}
