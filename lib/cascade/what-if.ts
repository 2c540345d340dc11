import type { Catalog } from "../catalog";
import { blastRadius } from "./blast-radius";
import { ServiceGraph } from "./graph";
import { cascadeFlowchart } from "./mermaid";
import type { CascadeNode } from "./model";
import { statusPathWarnings } from "./status-path";

/** If this service failed: what fails with it, what is at risk, whether status publishing is caught, as a diagram too. */
export function whatIf(catalog: Catalog, slug: string) {
  const graph = new ServiceGraph(catalog);
  if (!graph.has(slug)) return null;
  const br = blastRadius(graph, slug);
  const named = (r: { slug: string; via: { from: string; to: string; nature: string }[] }) => ({ ...r, name: graph.name(r.slug) });
  const failed = new Set([slug, ...br.fails.map((r) => r.slug)]);
  const risky = new Set(br.atRisk.map((r) => r.slug));
  const node = (s: string): CascadeNode => ({
    slug: s, name: graph.name(s), origin: s === slug, statusPath: graph.statusPath.has(s), faded: false,
    condition: failed.has(s) ? "major" : "degraded", window: failed.has(s) ? "fails" : "at risk",
  });
  const nodes = [...failed, ...risky].map(node);
  const edges = [...failed, ...risky].flatMap((s) => (graph.dependsOn.get(s) ?? []).filter((e) => failed.has(e.to) || risky.has(e.to)));
  return {
    origin: slug,
    name: graph.name(slug),
    fails: br.fails.map(named),
    atRisk: br.atRisk.map(named),
    warnings: statusPathWarnings(graph, new Set([...failed, ...risky]), slug),
    flowchart: cascadeFlowchart(nodes, edges),
  };
}
