import Link from "next/link";
import { SEVERITIES } from "@/lib/model";
import type { Insights } from "@/lib/insight-report";
import { HBarChart, LineChart, StackedBarChart } from "./charts";
import { DataTable } from "./DataTable";

const SEVERITY_SERIES = SEVERITIES.map((s) => ({ key: s, label: s, tone: s.toLowerCase() }));
const plural = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString("en-US")} ${n === 1 ? one : many}`;

export function IncidentsSection({ r, query }: { r: Insights; query: string }) {
  const months = r.perMonth.map((m) => m.month);
  const busiest = [...r.perMonth].sort((a, b) => b.total - a.total)[0];
  return (
    <section className="panel" aria-labelledby="per-month-h">
      <h2 id="per-month-h">Incidents per month</h2>
      <StackedBarChart id="per-month" title="Incidents per month by severity" xLabel="Month (UTC, by when impact started)" yLabel="Incidents"
        summary={`${plural(r.incidents, "incident")} over ${plural(months.length, "month")}; the busiest was ${busiest.month} with ${busiest.total}.`}
        categories={months} series={SEVERITY_SERIES} value={(month, sev) => r.perMonth.find((m) => m.month === month)!.bySeverity[sev as "SEV1"]} />
      <DataTable table={r.tables["incidents-per-month"]} query={query} collapsed="The figures, month by month" />
    </section>
  );
}

export function DurationsSection({ r, query }: { r: Insights; query: string }) {
  const months = r.perMonth.map((m) => m.month);
  const metrics = [...new Map(r.durations.map((d) => [d.metric, d])).values()];
  return (
    <section className="panel" aria-labelledby="durations-h">
      <h2 id="durations-h">Time to detect, identify, mitigate and resolve</h2>
      <p className="muted">Median and 90th percentile per month. Each is measured between two milestones and counts only incidents that have both, in order; the rest are left out and counted.</p>
      <div className="chart-grid">
        {metrics.map((m) => {
          const rows = r.durations.filter((d) => d.metric === m.metric);
          const counted = rows.reduce((s, d) => s + d.counted, 0);
          const leftOut = rows.reduce((s, d) => s + d.leftOut, 0);
          return (
            <div key={m.metric}>
              <h3>{m.label} <span className="muted">({m.span})</span></h3>
              <p className="muted">{plural(counted, "incident")} counted; {plural(leftOut, "incident")} left out (a milestone missing or out of order).</p>
              <LineChart id={`dur-${m.metric}`} title={`${m.label}, ${m.span}: median and 90th percentile per month`} xLabel="Month (UTC)" yLabel="Minutes"
                summary={`Over the period: ${counted} incidents counted, ${leftOut} left out.`} categories={months}
                series={[{ key: "median", label: "Median", tone: "accent", values: rows.map((d) => d.medianMinutes) },
                  { key: "p90", label: "90th percentile", tone: "sev2", values: rows.map((d) => d.p90Minutes) }]} />
            </div>
          );
        })}
      </div>
      <DataTable table={r.tables.durations} query={query} limit={400} collapsed="The figures, month by month (minutes)" />
    </section>
  );
}

export function ServicesSection({ r, query }: { r: Insights; query: string }) {
  const hit = r.impact.filter((c) => c.minutes > 0);
  return (
    <section className="panel" aria-labelledby="services-h">
      <h2 id="services-h">Services</h2>
      <HBarChart id="component-impact" title="Impact minutes per public component" xLabel="Minutes of impact (overlapping windows counted once)"
        summary={hit.length ? `${hit[0].name} had the most impact: ${hit[0].minutes.toLocaleString("en-US")} minutes.` : "No public component had impact in these incidents."}
        items={r.impact.map((c) => ({ label: c.name, value: c.minutes }))} />
      <DataTable table={r.tables["component-impact"]} query={query} />
      <h3>Origin of impact or hit by a cascade</h3>
      <DataTable table={r.tables.services} query={query} />
    </section>
  );
}

/** Links to the first few incidents; the CSV lists every one. */
function incidentLinks(slugs: string[]) {
  const shown = slugs.slice(0, 8);
  return <>{shown.map((s, i) => <span key={s}>{i > 0 && ", "}<Link href={`/incidents/${s}`}>{s}</Link></span>)}{slugs.length > shown.length && ` and ${(slugs.length - shown.length).toLocaleString("en-US")} more`}</>;
}

export function CausesSection({ r, query }: { r: Insights; query: string }) {
  return (
    <section className="panel" aria-labelledby="causes-h">
      <h2 id="causes-h">Contributing factors</h2>
      <p className="muted">Causes by tag (admins keep the list of tags under Settings). A tag recurs when causes in two incidents or more have it. {plural(r.tags.untagged, "cause")} not tagged yet.</p>
      <DataTable table={r.tables["cause-tags"]} query={query} render={(row, n) => (
        <tr key={n}>
          <td>{row[0]}</td><td className="num">{row[1]}</td><td>{incidentLinks(r.tags.tags[n].incidents)}</td><td>{row[3]}</td>
          <td>{row[4] === "yes" ? <span className="recurred">recurs</span> : "no"}</td>
        </tr>
      )} />
    </section>
  );
}

export function FollowUpsSection({ r, query }: { r: Insights; query: string }) {
  const f = r.followUps;
  const trend = f.trend
    ? `The open backlog is ${f.trend.direction}: ${f.trend.to.open} open at the end of ${f.trend.to.month}, against ${f.trend.from.open} at the end of ${f.trend.from.month}.`
    : "Not enough months yet to tell whether the open backlog is growing.";
  return (
    <section className="panel" aria-labelledby="follow-ups-h">
      <h2 id="follow-ups-h">Follow-ups</h2>
      <p><strong>{trend}</strong></p>
      <p>Median days to close: <strong>{f.daysToClose.median === null ? "no item closed yet" : `${f.daysToClose.median} days`}</strong>{" "}
        <span className="muted">(from the incident&apos;s start to the day the item was done; {plural(f.daysToClose.counted, "item")} counted, {plural(f.daysToClose.leftOut, "item")} done without a day left out)</span></p>
      {f.backlog.length > 0 && (
        <StackedBarChart id="backlog" title="Open action items at the end of each month" xLabel="Month" yLabel="Open items"
          summary={trend} categories={f.backlog.map((b) => b.month)} series={[{ key: "open", label: "Open", tone: "accent" }]}
          value={(month) => f.backlog.find((b) => b.month === month)!.open} />
      )}
      <DataTable table={r.tables.backlog} query={query} collapsed="The backlog, month by month" />
      <div className="chart-grid">
        <DataTable table={r.tables["follow-ups-by-owner"]} query={query} />
        <DataTable table={r.tables["follow-ups-by-type"]} query={query} />
      </div>
    </section>
  );
}

export function RecurrencesSection({ r, query }: { r: Insights; query: string }) {
  return (
    <section className="panel" aria-labelledby="recurred-h">
      <h2 id="recurred-h">Did the fixes hold?</h2>
      <p className="muted">An action item that names the cause it addresses is judged once it is done: if a later incident has a cause with the same tag on the same service, the fix did not hold.</p>
      <DataTable table={r.tables.recurrences} query={query} render={(row, n) => {
        const rec = r.recurrences[n];
        return (
          <tr key={n}>
            <td>{rec.fixed.title} <span className="recurred">recurred</span></td>
            <td><Link href={`/incidents/${rec.fixed.incident}`}>{rec.fixed.incidentTitle}</Link></td>
            <td className="mono">{rec.fixed.closed}</td><td>{row[3]}</td><td>{row[4]}</td>
            <td><Link href={`/incidents/${rec.later.incident}`}>{rec.later.incidentTitle}</Link></td>
            <td className="mono">{rec.later.start.slice(0, 10)}</td>
            <td className="num">{rec.laterCount}</td>
          </tr>
        );
      }} />
    </section>
  );
}
