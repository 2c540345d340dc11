import Link from "next/link";
import { hasRole, requirePageUser } from "@/auth";
import { getDb } from "@/db/connection";
import { listIncidents } from "@/db/incidents";
import { getCatalog } from "@/db/services";
import { filtersToQuery, incidentFilterSchema, readFilters } from "@/lib/incident-filters";
import { INCIDENT_STATUSES, POSTMORTEM_STATUSES, SEVERITIES, type Postmortem } from "@/lib/model";

type Severity = Postmortem["severity"];
type PostmortemStatus = Postmortem["postmortemStatus"];
import { formatInZone } from "@/lib/time/zone";
import { reviewOverdue } from "@/lib/review-rules";
import { reviewPolicy } from "@/server/review-policy";

export const metadata = { title: "Incidents" };

const label = (s: string) => s.replace(/_/g, " ");

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function IncidentsPage({ searchParams }: Props) {
  const params = await searchParams;
  const { filters, problems } = readFilters(incidentFilterSchema, params);
  const user = await requirePageUser(`/incidents${filtersToQuery(filters)}`);
  const db = getDb();
  const incidents = listIncidents(db, filters);
  const filtered = Object.values(filters).some(Boolean);
  const services = getCatalog(db).services;
  const policy = reviewPolicy(db);
  const now = new Date().toISOString();
  const overdue = (i: (typeof incidents)[number]) =>
    reviewOverdue({ severity: i.severity as Severity, milestones: i.resolved ? { resolved: i.resolved } : {}, postmortemStatus: i.postmortemStatus as PostmortemStatus }, i.impactStart ?? i.updatedAt, policy, now);
  return (
    <>
      <h1>Incidents</h1>
      {hasRole(user, "editor") && (
        <nav className="actions" aria-label="New postmortem">
          <Link className="button" href="/incidents/new" prefetch={false}>New postmortem</Link>
          <Link href="/incidents/import" prefetch={false}>Import from Markdown</Link>
        </nav>
      )}
      <form method="get" className="panel filters" role="search" aria-label="Find incidents">
        <label className="wide"><span>Search titles, text and services</span>
          <input type="search" name="q" defaultValue={filters.q ?? ""} placeholder="e.g. waf, regex, thread limit" />
        </label>
        <label><span>Severity</span>
          <select name="severity" defaultValue={filters.severity ?? ""}>
            <option value="">any</option>{SEVERITIES.map((s) => <option key={s}>{s}</option>)}
          </select>
        </label>
        <label><span>Incident status</span>
          <select name="status" defaultValue={filters.status ?? ""}>
            <option value="">any</option>{INCIDENT_STATUSES.map((s) => <option key={s} value={s}>{label(s)}</option>)}
          </select>
        </label>
        <label><span>Postmortem</span>
          <select name="postmortem" defaultValue={filters.postmortem ?? ""}>
            <option value="">any</option>{POSTMORTEM_STATUSES.map((s) => <option key={s} value={s}>{label(s)}</option>)}
          </select>
        </label>
        <label><span>Service</span>
          <input name="service" list="filter-services" defaultValue={filters.service ?? ""} />
        </label>
        <datalist id="filter-services">{services.map((s) => <option key={s.slug} value={s.slug}>{s.name}</option>)}</datalist>
        <label><span>Impact from</span><input type="date" name="from" defaultValue={filters.from ?? ""} /></label>
        <label><span>Impact to</span><input type="date" name="to" defaultValue={filters.to ?? ""} /></label>
        <div className="filter-actions">
          <button type="submit">Find</button>
          {filtered && <Link href="/incidents">Clear filters</Link>}
        </div>
        {problems.length > 0 && <p className="field-error wide" role="alert">Not understood: {problems.join("; ")}</p>}
      </form>
      <div className="panel">
        <p className="muted" role="status">{incidents.length} incident{incidents.length === 1 ? "" : "s"}{filtered ? " match" : ""}</p>
        {incidents.length === 0 ? (
          <p className="muted">{filtered ? "Nothing matches; try fewer filters." : "No incidents yet."}</p>
        ) : (
          <div className="table-wrap" role="region" aria-label="Incidents" tabIndex={0}>
            <table>
              <thead>
                <tr><th>Incident</th><th>Severity</th><th>Status</th><th>Postmortem</th><th>Impact began</th></tr>
              </thead>
              <tbody>
                {incidents.map((i) => (
                  <tr key={i.slug}>
                    <td><Link href={`/incidents/${i.slug}`} prefetch={false}>{i.title}</Link></td>
                    <td><span className={`badge sev-${i.severity}`}>{i.severity}</span></td>
                    <td>{label(i.status)}</td>
                    <td>{label(i.postmortemStatus)}{overdue(i) && <> <span className="badge major">review overdue</span></>}</td>
                    <td className="mono">{i.impactStart ? formatInZone(i.impactStart, i.timeZone) : "—"}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </div>
    </>
  );
}
