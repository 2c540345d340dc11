import type { ImpactWindow } from "../model";
import { utcToZoned } from "../time/zone";
import type { Edge, ServiceGraph } from "./graph";
import { statusPathWarnings, type StatusPathWarning } from "./status-path";

export type Condition = ImpactWindow["condition"];
const RANK: Record<Condition, number> = { degraded: 1, partial: 2, major: 3 };

export interface CascadeNode {
  slug: string;
  name: string;
  condition: Condition | null; // worst condition over its windows; null for an untouched neighbour
  window: string | null; // "05:15–22:31" in the incident's zone
  origin: boolean;
  statusPath: boolean;
  faded: boolean;
}

export interface CascadeModel {
  nodes: CascadeNode[];
  edges: Edge[];
  warnings: StatusPathWarning[];
  origin: string | null;
}

function windowLabel(windows: ImpactWindow[], zone: string): string {
  const start = windows.map((w) => w.start).sort()[0];
  const ends = windows.map((w) => w.end);
  const end = ends.includes(null) ? null : (ends as string[]).sort().at(-1)!;
  const s = utcToZoned(start, zone);
  if (!end) return `${s.time}–ongoing`;
  const e = utcToZoned(end, zone);
  const days = Math.round((Date.parse(`${e.date}T00:00Z`) - Date.parse(`${s.date}T00:00Z`)) / 86_400_000);
  return `${s.time}–${e.time}${days > 0 ? ` (+${days}d)` : ""}`;
}

/**
 * Catalog + an incident's impact windows -> the services to draw and how they connect.
 * Untouched direct neighbours of impacted services are included, faded, unless `hideNeighbours`.
 */
export function cascadeModel(graph: ServiceGraph, windows: ImpactWindow[], zone: string, hideNeighbours = false): CascadeModel {
  const bySlug = new Map<string, ImpactWindow[]>();
  for (const w of windows) bySlug.set(w.service, [...(bySlug.get(w.service) ?? []), w]);
  const impacted = new Set([...bySlug.keys()].filter((s) => graph.has(s)));
  const declared = windows.find((w) => w.origin && graph.has(w.service))?.service;
  // Without a declared origin: the earliest impacted service none of whose dependencies were impacted.
  const origin = declared ?? [...impacted]
    .filter((s) => !(graph.dependsOn.get(s) ?? []).some((e) => impacted.has(e.to)))
    .sort((a, b) => bySlug.get(a)![0].start.localeCompare(bySlug.get(b)![0].start))[0] ?? null;

  // The status path is drawn beside an incident that hit something, never as a cascade of its own.
  const include = new Set([...impacted, ...(impacted.size ? graph.statusPath : [])]);
  if (!hideNeighbours) {
    for (const s of impacted) {
      for (const e of [...(graph.dependsOn.get(s) ?? []), ...(graph.dependents.get(s) ?? [])]) include.add(e.from === s ? e.to : e.from);
    }
  }
  const nodes: CascadeNode[] = [...include].map((slug) => {
    const ws = bySlug.get(slug) ?? [];
    const condition = ws.reduce<Condition | null>((worst, w) => (!worst || RANK[w.condition] > RANK[worst] ? w.condition : worst), null);
    return {
      slug, name: graph.name(slug), condition, window: ws.length ? windowLabel(ws, zone) : null,
      origin: slug === origin, statusPath: graph.statusPath.has(slug), faded: !impacted.has(slug),
    };
  });
  const edges = [...include].flatMap((s) => (graph.dependsOn.get(s) ?? []).filter((e) => include.has(e.to)));
  return { nodes, edges, warnings: statusPathWarnings(graph, impacted, origin ?? undefined), origin };
}
