type Row = { id: number; kind: string; target: string; state: string; attempts: number; nextAt: string; lastError: string; updatedAt: string };
type Sub = { id: number; kind: string; target: string; components: string[]; created_at: string; confirmed_at: string | null };

/** Who is subscribed, and what happened to each notification: sent, waiting to retry, given up, or dropped. */
export function DeliveriesAdmin({ subscribers, log }: { subscribers: Sub[]; log: Row[] }) {
  return (
    <section className="panel table-wrap" aria-labelledby="deliveries-h" tabIndex={0}>
      <h2 id="deliveries-h">Subscribers and deliveries</h2>
      <p className="muted">{subscribers.length} subscriber{subscribers.length === 1 ? "" : "s"}. People subscribe at <a href="/subscribe">/subscribe</a>.</p>
      {subscribers.length > 0 && (
        <table><thead><tr><th>Kind</th><th>Target</th><th>Components</th><th>Confirmed</th></tr></thead>
          <tbody>{subscribers.map((s) => <tr key={s.id}><td>{s.kind}</td><td className="mono">{s.target}</td><td>{s.components.join(", ") || "all"}</td><td>{s.confirmed_at ? "yes" : "waiting"}</td></tr>)}</tbody></table>
      )}
      <h3>Delivery log (latest 200)</h3>
      {log.length === 0 ? <p className="muted">Nothing sent yet.</p> : (
        <table><thead><tr><th>#</th><th>To</th><th>State</th><th>Attempts</th><th>Next try</th><th>Last error</th></tr></thead>
          <tbody>{log.map((d) => (
            <tr key={d.id}><td>{d.id}</td><td className="mono">{d.kind}: {d.target}</td><td>{d.state}</td><td>{d.attempts}</td>
              <td className="mono">{d.state === "pending" ? d.nextAt.slice(0, 19).replace("T", " ") : "—"}</td><td>{d.lastError}</td></tr>
          ))}</tbody></table>
      )}
    </section>
  );
}
