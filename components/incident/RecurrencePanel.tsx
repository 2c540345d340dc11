import Link from "next/link";
import type { Recurrence } from "@/lib/recurrence";

/**
 * "Did the fix hold?" on a postmortem: its action items whose cause came back in a later incident, and the earlier
 * fixes this incident shows did not hold. Nothing is shown when there is nothing to say.
 */
export function RecurrencePanel({ ours, earlier }: { ours: Recurrence[]; earlier: Recurrence[] }) {
  if (!ours.length && !earlier.length) return null;
  const on = (r: Recurrence) => `${r.tags.join(", ")} on ${r.services.join(", ")}`;
  return (
    <section className="panel" aria-labelledby="recurrence-h">
      <h2 id="recurrence-h">Did the fix hold?</h2>
      <ul>
        {ours.map((r, i) => (
          <li key={`o${i}`}>
            <span className="recurred">Recurred:</span> “{r.fixed.title}” was done on {r.fixed.closed}, yet a cause tagged {on(r)} came back in{" "}
            <Link href={`/incidents/${r.later.incident}`}>{r.later.incidentTitle}</Link> ({r.later.start.slice(0, 10)})
            {r.laterCount > 1 ? `, and in ${r.laterCount - 1} later incident${r.laterCount > 2 ? "s" : ""} after it` : ""}.
          </li>
        ))}
        {earlier.map((r, i) => (
          <li key={`e${i}`}>
            <span className="recurred">Recurred:</span> a cause here tagged {on(r)} was meant to be fixed by “{r.fixed.title}” in{" "}
            <Link href={`/incidents/${r.fixed.incident}`}>{r.fixed.incidentTitle}</Link>, done on {r.fixed.closed}.
          </li>
        ))}
      </ul>
      <p className="muted">See every fix that did not hold on <Link href="/insights">Insights</Link>.</p>
    </section>
  );
}
