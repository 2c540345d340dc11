import type { Postmortem } from "../lib/model";

/** A postmortem with `n` timeline events spread over a day, for render, save and import timings. */
export function bigPostmortem(n: number, slug = `big-${n}`): Postmortem {
  const start = Date.parse("2024-06-01T00:00:00Z");
  return {
    slug, title: `Synthetic incident with ${n} events`, severity: "SEV2", status: "resolved", postmortemStatus: "draft",
    timeZone: "America/New_York", summary: "A generated postmortem used by the benchmarks.", impact: "", resolution: "",
    detection: "", supporting: "", causes: [{ kind: "root_cause", text: "Generated.", services: [], events: [] }],
    impactWindows: [], actionItems: [], lessons: [],
    milestones: { impact_start: new Date(start).toISOString(), detected: new Date(start + 600_000).toISOString() },
    timeline: Array.from({ length: n }, (_, i) => ({
      at: new Date(start + i * 40_000).toISOString(), kind: i % 7 === 0 ? "action" : "event", actor: `responder ${i % 5}`,
      text: `Event number ${i}: something was observed and written down by the on-call engineer.`, services: [], source: "",
    })),
  };
}
