import { z } from "zod";

export const NATURES = ["hard", "soft", "best-effort"] as const;
export type Nature = (typeof NATURES)[number];

const slug = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, "use lowercase letters, digits and hyphens").max(80);

export const dependencySchema = z.object({
  service: slug,
  nature: z.enum(NATURES),
  note: z.string().max(500).default(""),
});

/** Far beyond real catalogs, and small enough that every analysis of one stays quick. */
export const MAX_SERVICES = 2000;
export const MAX_DEPENDENCIES_PER_SERVICE = 100;
export const MAX_DEPENDENCIES = 10_000;
/** The longest shortest chain of dependencies from any service; real ones are a handful of steps. */
export const MAX_CHAIN_DEPTH = 50;

export const serviceSchema = z.object({
  slug,
  name: z.string().trim().min(1, "must not be empty").max(200, "a name is at most 200 characters"),
  description: z.string().max(2000).default(""),
  public: z.boolean().default(false),
  group: z.string().max(100, "a group name is at most 100 characters").default(""),
  /** Shown on the status page only while not operational. */
  onlyShowIfDegraded: z.boolean().optional(),
  statusPath: z.boolean().default(false),
  dependsOn: z.array(dependencySchema).max(MAX_DEPENDENCIES_PER_SERVICE, `at most ${MAX_DEPENDENCIES_PER_SERVICE} dependencies per service`).default([]),
});

/** The catalog file format (content/services.json). Cycles are legal; dangling and self edges are not. */
export const catalogSchema = z
  .object({ services: z.array(serviceSchema).max(MAX_SERVICES, `at most ${MAX_SERVICES} services in a catalog`) })
  .superRefine((catalog, ctx) => {
    const seen = new Set<string>();
    catalog.services.forEach((s, i) => {
      if (seen.has(s.slug)) ctx.addIssue({ code: "custom", path: ["services", i, "slug"], message: `duplicate slug "${s.slug}"` });
      seen.add(s.slug);
    });
    catalog.services.forEach((s, i) => {
      const targets = new Set<string>();
      s.dependsOn.forEach((d, j) => {
        const path = ["services", i, "dependsOn", j, "service"];
        if (d.service === s.slug) ctx.addIssue({ code: "custom", path, message: `"${s.slug}" cannot depend on itself` });
        else if (!seen.has(d.service)) ctx.addIssue({ code: "custom", path, message: `"${s.slug}" depends on unknown service "${d.service}"` });
        else if (targets.has(d.service)) ctx.addIssue({ code: "custom", path, message: `"${s.slug}" lists "${d.service}" twice` });
        targets.add(d.service);
      });
    });
    const edges = catalog.services.reduce((n, s) => n + s.dependsOn.length, 0);
    if (edges > MAX_DEPENDENCIES) {
      ctx.addIssue({ code: "custom", path: ["services"], message: `${edges} dependencies in all; at most ${MAX_DEPENDENCIES} are allowed` });
      return;
    }
    const deep = deepestChain(catalog.services);
    if (deep && deep.depth > MAX_CHAIN_DEPTH) {
      ctx.addIssue({ code: "custom", path: ["services", deep.index, "dependsOn"],
        message: `"${catalog.services[deep.index].slug}" starts a chain of ${deep.depth} dependencies, one after another; at most ${MAX_CHAIN_DEPTH} are allowed` });
    }
  });

/**
 * The service whose dependencies go deepest (counting the shortest way to each), by breadth-first
 * search from every service: services × dependencies steps, bounded by the size limits above.
 */
function deepestChain(services: { slug: string; dependsOn: { service: string }[] }[]): { index: number; depth: number } | null {
  const index = new Map(services.map((s, i) => [s.slug, i]));
  const next = services.map((s) => s.dependsOn.map((d) => index.get(d.service)).filter((i): i is number => i !== undefined));
  let best: { index: number; depth: number } | null = null;
  const depth = new Int32Array(services.length);
  for (let start = 0; start < services.length; start++) {
    depth.fill(-1);
    depth[start] = 0;
    const queue = [start];
    let max = 0;
    for (let q = 0; q < queue.length; q++) {
      for (const to of next[queue[q]]) {
        if (depth[to] !== -1) continue;
        depth[to] = depth[queue[q]] + 1;
        max = depth[to];
        queue.push(to);
      }
    }
    if (!best || max > best.depth) best = { index: start, depth: max };
  }
  return best;
}

export type Catalog = z.infer<typeof catalogSchema>;
export type Service = z.infer<typeof serviceSchema>;
