import { hasRole, requirePageUser } from "@/auth";
import { getDb } from "@/db/connection";
import { listDrills } from "@/db/drills";
import { listUsers } from "@/db/users";
import { Forbidden } from "@/components/Forbidden";
import { scenarioSummary, trainingSummary } from "@/lib/training";
import { RUNBOOK } from "@/publisher/runbook.mjs";
import { syncDrillLog } from "@/server/drill-log";

export const metadata = { title: "Training" };

const secs = (ms: number | null) => (ms === null ? "—" : `${Math.round(ms / 1000)} s`);

export default async function TrainingPage() {
  const user = await requirePageUser("/training");
  if (!hasRole(user, "responder")) return <Forbidden role="responder" back="/incidents" />;
  const db = getDb();
  syncDrillLog(db);
  const interval = Number(process.env.SITREP_DRILL_INTERVAL_DAYS) || 90;
  const expected = listUsers(db).filter((u) => hasRole(u, "responder")).map((u) => u.email);
  const drills = listDrills(db);
  const everyone = trainingSummary(drills, expected, interval, new Date());
  const mine = (o: { operator: string }) => [user.email, user.name].filter(Boolean).some((n) => n.toLowerCase() === o.operator.toLowerCase());
  const admin = hasRole(user, "admin");
  const rows = admin ? everyone : everyone.filter(mine);
  const scenarios = scenarioSummary(admin ? drills : drills.filter(mine));
  return (
    <>
      <h1>Backup publisher training</h1>
      <section className="panel" aria-labelledby="drill-h">
        <h2 id="drill-h">Practise now</h2>
        <p>Run a drill on a copy of the status site (the live site is never touched). It takes about five minutes:</p>
        <pre className="mono">node publisher/cli.mjs drill --operator &quot;{user.email}&quot;</pre>
        <p>Other scenarios (the status page&apos;s own host down, a wrong update to correct, a first outage): <code>node publisher/cli.mjs drill --list</code>, then <code>drill --scenario ID</code>.</p>
        <p className="muted">Everyone who may publish should drill every {interval} days (SITREP_DRILL_INTERVAL_DAYS).</p>
      </section>
      <section className="panel table-wrap" aria-labelledby="who-h" tabIndex={0}>
        <h2 id="who-h">{admin ? "Everyone" : "Your drills"}</h2>
        {rows.length === 0 ? <p className="muted">No drills yet.</p> : (
          <table>
            <thead><tr><th>Operator</th><th>Last drill</th><th>Result</th><th>Time to first publish (trend, oldest first)</th><th>Next due</th></tr></thead>
            <tbody>{rows.map((o) => (
              <tr key={o.operator} className={o.overdue ? "overdue" : ""}>
                <td>{o.operator}</td>
                <td className="mono">{o.last ? o.last.startedAt.slice(0, 10) : "never"}</td>
                <td>{o.last ? <span className={`badge ${o.last.passed ? "ok" : "major"}`}>{o.last.passed ? "passed" : "not passed"}</span> : "—"}
                  {o.last && o.last.wrongTurns > 0 && <span className="muted"> {o.last.wrongTurns} wrong turn(s)</span>}</td>
                <td className="mono">{o.trend.map(secs).join(" → ") || "—"}</td>
                <td>{o.overdue ? <span className="badge major">overdue</span> : o.dueOn}</td>
              </tr>
            ))}</tbody>
          </table>
        )}
      </section>
      <section className="panel table-wrap" aria-labelledby="scenario-h">
        <h2 id="scenario-h">{admin ? "By scenario" : "Your results by scenario"}</h2>
        {scenarios.length === 0 ? <p className="muted">No drills yet.</p> : (
          <table>
            <thead><tr><th>Scenario</th><th>Runs</th><th>Passed</th><th>Best time to first publish</th><th>Latest run</th></tr></thead>
            <tbody>{scenarios.map((s) => (
              <tr key={s.scenario}>
                <td className="mono">{s.scenario}</td>
                <td>{s.runs}</td>
                <td>{s.passed} of {s.runs}</td>
                <td className="mono">{secs(s.bestFirstPublishMs)}</td>
                <td>{s.last.operator}, <span className="mono">{s.last.startedAt.slice(0, 10)}</span>{" "}
                  <span className={`badge ${s.last.passed ? "ok" : "major"}`}>{s.last.passed ? "passed" : "not passed"}</span>
                  <span className="muted"> {s.last.wrongTurns} wrong turn(s)</span></td>
              </tr>
            ))}</tbody>
          </table>
        )}
      </section>
      <section className="panel" aria-labelledby="runbook-h">
        <h2 id="runbook-h">Runbook</h2>
        <pre className="mono runbook">{RUNBOOK}</pre>
      </section>
    </>
  );
}
