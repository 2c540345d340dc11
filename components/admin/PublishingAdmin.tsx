import type { PublishingOverview } from "@/server/publishing-overview";

// Paths and digests are long unbroken words: they wrap anywhere rather than widen the page.
const WRAP = { overflowWrap: "anywhere" } as const;
const CELL = { overflowWrap: "anywhere", minWidth: "12rem" } as const;
const NOWRAP = { whiteSpace: "nowrap" } as const;

/** Where the public site is served from and published to, how the last sends went, and what it must not depend on. */
export function PublishingAdmin({ overview: o }: { overview: PublishingOverview }) {
  return (
    <section aria-labelledby="publishing">
      <h2 id="publishing">Public site: where it lives</h2>
      {o.warnings.length > 0 && (
        <div className="notice">
          <p><strong>Independence check:</strong> the status page should not depend on what it reports on.</p>
          <ul style={WRAP}>{o.warnings.map((w) => <li key={w}>{w}</li>)}</ul>
        </div>
      )}
      {o.problems.length > 0 && (
        <div className="error">
          <p><strong>The site&apos;s config.json has problems</strong> (publishing goes on; these settings are skipped):</p>
          <ul style={WRAP}>{o.problems.map((p) => <li key={p}>{p}</li>)}</ul>
        </div>
      )}
      <h3>Served from</h3>
      <ul style={WRAP}>{o.servedFrom.map((p) => <li key={p.where}>{p.label}: <code>{p.where}</code></li>)}</ul>
      <h3>Published to, after every publish</h3>
      {o.targets.length === 0 ? (
        <p>No other targets. Add <code>mirrors</code>, <code>bucket</code> or <code>after</code> to <code>site.d/config.json</code>; the app and the backup CLI both use it.</p>
      ) : (
        <ul style={WRAP}>{o.targets.map((t) => <li key={t.label + t.where}>{t.label}: <code>{t.where}</code>{t.note ? ` (${t.note})` : ""}</li>)}</ul>
      )}
      {o.results.length > 0 && (
        <div className="table-wrap" tabIndex={0} role="region" aria-label="Recent sends to publish targets">
          <table>
            <thead><tr><th scope="col">When (UTC)</th><th scope="col">Target</th><th scope="col">From</th><th scope="col">Result</th><th scope="col">Time</th></tr></thead>
            <tbody>
              {o.results.map((r) => (
                <tr key={`${r.at}-${r.target}`}>
                  <td style={NOWRAP}>{r.at.replace("T", " ").slice(0, 19)}</td><td style={CELL}><code>{r.target}</code></td><td style={NOWRAP}>{r.origin === "app" ? "app" : "backup CLI"}</td>
                  <td style={CELL}>{r.ok ? "OK" : "FAILED"}: {r.detail}</td><td style={NOWRAP}>{r.ms} ms</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
