import { deriveMetrics } from "@/lib/metrics";
import type { Postmortem } from "@/lib/model";

export function MetricsPanel({ milestones }: { milestones: Postmortem["milestones"] }) {
  return (
    <section className="panel" aria-labelledby="metrics-h">
      <h2 id="metrics-h">Metrics</h2>
      <dl className="metrics">
        {deriveMetrics(milestones).map((m) => (
          <div key={m.key} data-metric={m.key}>
            <dt>{m.label}</dt>
            <dd>
              {m.ok ? m.text : <span className="missing">{m.problem}</span>}
              <div className="span">{m.span}</div>
            </dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
