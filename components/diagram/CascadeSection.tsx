import Link from "next/link";
import type { CascadeModel } from "@/lib/cascade/model";
import { MermaidDiagram } from "./MermaidDiagram";

/** The cascade as a diagram, with the same facts as a list for screen readers and for when scripts are off. */
export function CascadeSection({ slug, model, flowchart, gantt, hideNeighbours }: {
  slug: string; model: CascadeModel; flowchart: string; gantt: string; hideNeighbours: boolean;
}) {
  const impacted = model.nodes.filter((n) => n.condition).sort((a, b) => (a.window ?? "").localeCompare(b.window ?? ""));
  return (
    <section className="panel" aria-labelledby="cascade-h">
      <h2 id="cascade-h">Cascade</h2>
      <p className="muted">Arrows run the way the failure travelled, from a service to what depends on it: thick for hard dependencies,
        dashed for soft and best-effort ones. {hideNeighbours
          ? <Link href={`/incidents/${slug}#cascade-h`}>Show untouched neighbours</Link>
          : <Link href={`/incidents/${slug}?neighbours=hide#cascade-h`}>Hide untouched neighbours</Link>}</p>
      <MermaidDiagram source={flowchart} title="Dependency cascade" fileName={`${slug}-cascade`} />
      <ul className="cascade-list">
        {impacted.map((n) => (
          <li key={n.slug}><Link href={`/services/${n.slug}`}>{n.name}</Link>: <span className={`badge ${n.condition}`}>{n.condition}</span> {n.window}
            {n.origin && " (origin)"}{n.statusPath && " (status path)"}</li>
        ))}
      </ul>
      <h3>Impact timeline</h3>
      <MermaidDiagram source={gantt} title="Impact windows per service over time" fileName={`${slug}-impact`} />
    </section>
  );
}
