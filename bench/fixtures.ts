import type { Catalog } from "../lib/catalog";
import type { Postmortem } from "../lib/model";

/** A postmortem with `n` timeline events spread over a day, for render, save and import timings. */
export function bigPostmortem(n: number, slug = `big-${n}`): Postmortem {
  const start = Date.parse("2024-06-01T00:00:00Z");
  return {
    slug, title: `Synthetic incident with ${n} events`, severity: "SEV2", status: "resolved", postmortemStatus: "draft",
    timeZone: "America/New_York", summary: "A generated postmortem used by the benchmarks.", impact: "", resolution: "",
    detection: "", supporting: "", causes: [{ kind: "root_cause", text: "Generated.", services: [], events: [], tags: [] }],
    impactWindows: [], actionItems: [], lessons: [],
    milestones: { impact_start: new Date(start).toISOString(), detected: new Date(start + 600_000).toISOString() },
    timeline: Array.from({ length: n }, (_, i) => ({
      at: new Date(start + i * 40_000).toISOString(), kind: i % 7 === 0 ? "action" : "event", actor: `responder ${i % 5}`,
      text: `Event number ${i}: something was observed and written down by the on-call engineer.`, services: [], source: "",
    })),
  };
}

/** A layered catalog of `n` services with mixed dependency natures and a few cycles; deterministic. */
export function bigCatalog(n: number): Catalog {
  let seed = 42;
  const rand = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  const natures = ["hard", "hard", "soft", "best-effort"] as const;
  const services: Catalog["services"] = [];
  for (let i = 0; i < n; i++) {
    const deps = new Set<number>();
    const count = i === 0 ? 0 : 1 + Math.floor(rand() * 3);
    for (let k = 0; k < count; k++) deps.add(Math.floor(rand() * i)); // mostly towards older services
    if (i > 10 && rand() < 0.02) deps.add(i + 1 < n ? i + 1 : 0); // the odd cycle
    services.push({
      slug: `svc-${i}`, name: `Service ${i}`, description: "", public: i % 10 === 0, group: `Group ${i % 20}`,
      statusPath: i === n - 1, dependsOn: [...deps].filter((d) => d !== i).map((d) => ({ service: `svc-${d}`, nature: natures[Math.floor(rand() * 4)], note: "" })),
    });
  }
  return { services };
}
