import type { StatusPathWarning } from "@/lib/cascade/status-path";

/** The loudest thing on the page: the way we tell customers depends on what is broken. */
export function StatusPathWarnings({ warnings }: { warnings: StatusPathWarning[] }) {
  if (!warnings.length) return null;
  return (
    <section className="status-warning" role="alert" aria-labelledby="status-warning-h">
      <h2 id="status-warning-h">Your status-publishing path depends on what failed</h2>
      <ul>{warnings.map((w) => <li key={w.service}>{w.message}</li>)}</ul>
      <p>Use the backup publisher, which needs nothing but Node: <code>node publisher/cli.mjs</code> (run with no arguments for the guided mode;
        <code> --help</code> is the runbook).</p>
    </section>
  );
}
