import type { Catalog, Nature } from "../catalog";

export interface Edge {
  from: string; // the dependent service
  to: string; // the service it depends on
  nature: Nature;
  note: string;
}

/** The catalog as lookups both ways: what a service depends on, and what depends on it. */
export class ServiceGraph {
  readonly names = new Map<string, string>();
  readonly statusPath = new Set<string>();
  readonly dependsOn = new Map<string, Edge[]>();
  readonly dependents = new Map<string, Edge[]>();

  constructor(catalog: Catalog) {
    for (const s of catalog.services) {
      this.names.set(s.slug, s.name);
      if (s.statusPath) this.statusPath.add(s.slug);
      this.dependsOn.set(s.slug, []);
      this.dependents.set(s.slug, []);
    }
    for (const s of catalog.services) {
      for (const d of s.dependsOn) {
        if (!this.names.has(d.service)) continue;
        const edge = { from: s.slug, to: d.service, nature: d.nature, note: d.note };
        this.dependsOn.get(s.slug)!.push(edge);
        this.dependents.get(d.service)!.push(edge);
      }
    }
  }

  name(slug: string): string {
    return this.names.get(slug) ?? slug;
  }

  has(slug: string): boolean {
    return this.names.has(slug);
  }

  /** Shortest chain of dependencies from `start` down to any service in `targets` (breadth first, cycle-safe). */
  chainTo(start: string, targets: Set<string>): Edge[] | null {
    if (targets.has(start)) return [];
    const via = new Map<string, Edge>();
    const queue = [start];
    const seen = new Set(queue);
    for (let i = 0; i < queue.length; i++) {
      for (const edge of this.dependsOn.get(queue[i]) ?? []) {
        if (seen.has(edge.to)) continue;
        seen.add(edge.to);
        via.set(edge.to, edge);
        if (targets.has(edge.to)) {
          const chain: Edge[] = [];
          for (let at = edge.to; at !== start; at = via.get(at)!.from) chain.unshift(via.get(at)!);
          return chain;
        }
        queue.push(edge.to);
      }
    }
    return null;
  }
}
