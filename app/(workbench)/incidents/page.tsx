import Link from "next/link";
import { hasRole, requirePageUser } from "@/auth";
import { getDb } from "@/db/connection";
import { listIncidents } from "@/db/incidents";
import { formatInZone } from "@/lib/time/zone";

export const metadata = { title: "Incidents" };

const label = (s: string) => s.replace(/_/g, " ");

export default async function IncidentsPage() {
  const user = await requirePageUser("/incidents");
  const incidents = listIncidents(getDb());
  return (
    <>
      <h1>Incidents</h1>
      {hasRole(user, "editor") && (
        <nav className="actions" aria-label="New postmortem">
          <Link className="button" href="/incidents/new" prefetch={false}>New postmortem</Link>
          <Link href="/incidents/import" prefetch={false}>Import from Markdown</Link>
        </nav>
      )}
      <div className="panel table-wrap">
        {incidents.length === 0 ? (
          <p className="muted">No incidents yet.</p>
        ) : (
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
                  <td>{label(i.postmortemStatus)}</td>
                  <td className="mono">{i.impactStart ? formatInZone(i.impactStart, i.timeZone) : "—"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>
    </>
  );
}
