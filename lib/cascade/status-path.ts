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
  // Kept chains by length; a bucket never needs more than `limit`, and none longer than the
  // `limit`-th shortest kept so far can make the cut, so most pairs are only counted.
  const byDepth: StatusPathChain[][] = [];
  let total = 0;
  let kept = 0;
  let cutoff = Infinity;
  for (const service of graph.statusPath) {
    const via = new Map<string, Edge>();
    const depth = new Map<string, number>([[service, 0]]);
    const queue = [service];
    for (let i = 0; i < queue.length; i++) {
      for (const edge of graph.dependsOn.get(queue[i]) ?? []) {
        if (depth.has(edge.to)) continue;
        const d = depth.get(queue[i])! + 1;
        depth.set(edge.to, d);
        via.set(edge.to, edge);
        queue.push(edge.to);
        total++;
        if (d > cutoff || (byDepth[d]?.length ?? 0) >= limit) continue;
        const chain: Edge[] = [];
        for (let at = edge.to; at !== service; at = via.get(at)!.from) chain.unshift(via.get(at)!);
        (byDepth[d] ??= []).push({ service, dependency: edge.to, chain });
        if (++kept >= limit) cutoff = shortestCutoff(byDepth, limit);
      }
    }
  }
  return { chains: byDepth.flat().slice(0, limit), total };
}

/** The length within which the kept chains already number `limit`. */
function shortestCutoff(byDepth: StatusPathChain[][], limit: number): number {
  let n = 0;
  for (let d = 0; d < byDepth.length; d++) {
    n += byDepth[d]?.length ?? 0;
    if (n >= limit) return d;
  }
  return Infinity;
}
