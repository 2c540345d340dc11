import type { Edge, ServiceGraph } from "./graph";

export interface Reached {
  slug: string;
  /** How the failure gets here from the origin, origin first. */
  via: Edge[];
}

export interface BlastRadius {
  origin: string;
  /** Fail with the origin: every link on the way is a hard dependency. */
  fails: Reached[];
  /** Could fail: reached only through a soft or best-effort link somewhere on the way. */
  atRisk: Reached[];
}

/**
 * What fails if `origin` fails. A hard dependency passes failure on; a soft or best-effort one passes
 * on risk (Cognito's "best-effort" telemetry turned hard through a bug). Breadth first, so each
 * service is reported with its shortest path, and cycles end where they meet a visited service.
 */
export function blastRadius(graph: ServiceGraph, origin: string): BlastRadius {
  const via = new Map<string, Edge[]>([[origin, []]]);
  const spread = (queue: string[], follow: (edge: Edge) => boolean): Reached[] => {
    const reached: Reached[] = [];
    for (let i = 0; i < queue.length; i++) {
      for (const edge of graph.dependents.get(queue[i]) ?? []) {
        if (via.has(edge.from) || !follow(edge)) continue;
        via.set(edge.from, [...via.get(queue[i])!, edge]);
        reached.push({ slug: edge.from, via: via.get(edge.from)! });
        queue.push(edge.from);
      }
    }
    return reached;
  };
  // First everything a chain of hard dependencies takes down; then, from all of those, everything else reachable.
  const fails = spread([origin], (edge) => edge.nature === "hard");
  const atRisk = spread([origin, ...fails.map((r) => r.slug)], () => true);
  return { origin, fails, atRisk };
}
