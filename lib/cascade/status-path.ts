import type { Edge, ServiceGraph } from "./graph";

export interface StatusPathWarning {
  /** The status-publishing service that is affected. */
  service: string;
  /** From that service down to what failed, e.g. posting tool -> Cognito -> Kinesis. */
  chain: Edge[];
  /** The failed service the chain ends at. */
  reaches: string;
  message: string;
}

export const BACKUP_RUNBOOK = "node publisher/cli.mjs --help";

export function describeChain(graph: ServiceGraph, start: string, chain: Edge[]): string {
  return [graph.name(start), ...chain.map((e) => `(${e.nature}) ${graph.name(e.to)}`)].join(" → ");
}

/** However large the catalog, an analysis answers with at most this many chains (the shortest). */
export const MAX_CHAINS = 100;

/**
 * Whether a set of failed services reaches anything the status-publishing path depends on.
 * Each warning names the chain, preferring one that ends at the origin of the failure. At most
 * `limit` warnings are returned, those through hard links and the shortest first.
 */
export function statusPathWarnings(graph: ServiceGraph, failed: Set<string>, origin?: string, limit = MAX_CHAINS): StatusPathWarning[] {
  const found: { service: string; chain: Edge[] }[] = [];
  for (const service of graph.statusPath) {
    const chain = (origin ? graph.chainTo(service, new Set([origin])) : null) ?? graph.chainTo(service, failed);
    if (chain) found.push({ service, chain });
  }
  // Chains through hard links first: those are the ones that will certainly stop updates.
  const soft = (w: { chain: Edge[] }) => w.chain.filter((e) => e.nature !== "hard").length;
  found.sort((a, b) => soft(a) - soft(b) || a.chain.length - b.chain.length);
  return found.slice(0, limit).map(({ service, chain }) => ({
    service,
    chain,
    reaches: chain.length ? chain[chain.length - 1].to : service,
    message: `${graph.name(service)} is part of the status-publishing path and depends on what failed: ${describeChain(graph, service, chain)}. ` +
      `Publish through the backup CLI instead (${BACKUP_RUNBOOK}).`,
  }));
}

export interface StatusPathChain { service: string; dependency: string; chain: Edge[] }

/**
 * Every dependency of every status-path service with its shortest chain — the trap, visible on a
 * quiet day — capped at the `limit` shortest chains (with `total` saying how many there are).
 * Breadth-first search keeps one back-pointer per service, and only the chains returned are
 * spelled out, so the work grows with services × dependencies, never with the chains' length.
 */
export function statusPathChains(graph: ServiceGraph, limit = MAX_CHAINS): { chains: StatusPathChain[]; total: number } {
  const found: { service: string; dependency: string; depth: number; via: Map<string, Edge> }[] = [];
  for (const service of graph.statusPath) {
    const via = new Map<string, Edge>();
    const depth = new Map<string, number>([[service, 0]]);
    const queue = [service];
    for (let i = 0; i < queue.length; i++) {
      for (const edge of graph.dependsOn.get(queue[i]) ?? []) {
        if (depth.has(edge.to)) continue;
        depth.set(edge.to, depth.get(queue[i])! + 1);
        via.set(edge.to, edge);
        found.push({ service, dependency: edge.to, depth: depth.get(edge.to)!, via });
        queue.push(edge.to);
      }
    }
  }
  const shortest = found.length > limit ? [...found].sort((a, b) => a.depth - b.depth).slice(0, limit) : found;
  const chains = shortest.map(({ service, dependency, via }) => {
    const chain: Edge[] = [];
    for (let at = dependency; at !== service; at = via.get(at)!.from) chain.unshift(via.get(at)!);
    return { service, dependency, chain };
  });
  return { chains, total: found.length };
}
