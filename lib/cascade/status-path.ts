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

/**
 * Whether a set of failed services reaches anything the status-publishing path depends on.
 * Each warning names the chain, preferring one that ends at the origin of the failure.
 */
export function statusPathWarnings(graph: ServiceGraph, failed: Set<string>, origin?: string): StatusPathWarning[] {
  const warnings: StatusPathWarning[] = [];
  for (const service of graph.statusPath) {
    const chain = (origin ? graph.chainTo(service, new Set([origin])) : null) ?? graph.chainTo(service, failed);
    if (!chain) continue;
    const reaches = chain.length ? chain[chain.length - 1].to : service;
    warnings.push({
      service,
      chain,
      reaches,
      message: `${graph.name(service)} is part of the status-publishing path and depends on what failed: ${describeChain(graph, service, chain)}. ` +
        `Publish through the backup CLI instead (${BACKUP_RUNBOOK}).`,
    });
  }
  // Chains through hard links first: those are the ones that will certainly stop updates.
  const soft = (w: StatusPathWarning) => w.chain.filter((e) => e.nature !== "hard").length;
  return warnings.sort((a, b) => soft(a) - soft(b) || a.chain.length - b.chain.length);
}

/** Every dependency of every status-path service, with its shortest chain: the trap, visible on a quiet day. */
export function statusPathChains(graph: ServiceGraph): { service: string; dependency: string; chain: Edge[] }[] {
  const out: { service: string; dependency: string; chain: Edge[] }[] = [];
  for (const service of graph.statusPath) {
    const via = new Map<string, Edge[]>([[service, []]]);
    const queue = [service];
    for (let i = 0; i < queue.length; i++) {
      for (const edge of graph.dependsOn.get(queue[i]) ?? []) {
        if (via.has(edge.to)) continue;
        via.set(edge.to, [...via.get(queue[i])!, edge]);
        out.push({ service, dependency: edge.to, chain: via.get(edge.to)! });
        queue.push(edge.to);
      }
    }
  }
  return out;
}
