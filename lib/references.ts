import type { Postmortem } from "./model";

/** Every reference that points nowhere (an unknown service, a cause linked to no event), as "field: message". */
export function referenceProblems(pm: Postmortem, known: Set<string>): string[] {
  const out: string[] = [];
  const check = (field: string, slug: string) => {
    if (!known.has(slug)) out.push(`${field}: unknown service "${slug}" (add it to the service catalog first)`);
  };
  pm.impactWindows.forEach((w, i) => check(`impactWindows.${i}.service`, w.service));
  pm.causes.forEach((c, i) => c.services.forEach((s) => check(`causes.${i}.services`, s)));
  pm.timeline.forEach((e, i) => e.services.forEach((s) => check(`timeline.${i}.services`, s)));
  const instants = new Set(pm.timeline.map((e) => e.at));
  pm.causes.forEach((c, i) => c.events.forEach((at) => {
    if (!instants.has(at)) out.push(`causes.${i}.events: no timeline event at ${at}; link a time that is on the timeline`);
  }));
  return out;
}

const LIST_FIELDS = ["causes", "impactWindows", "actionItems", "lessons", "timeline"] as const;
const SCALAR_FIELDS = [
  "slug", "title", "severity", "status", "postmortemStatus", "timeZone",
  "summary", "impact", "resolution", "detection", "supporting",
] as const;

/** A one-line account of what a save changed, for the revision history. */
export function describeChanges(before: Postmortem | null, after: Postmortem): string {
  if (!before) return "created";
  const parts: string[] = [];
  for (const f of SCALAR_FIELDS) if (before[f] !== after[f]) parts.push(f);
  if (JSON.stringify(before.milestones) !== JSON.stringify(after.milestones)) parts.push("milestones");
  for (const f of LIST_FIELDS) {
    const a = new Set(before[f].map((x) => JSON.stringify(x)));
    const b = new Set(after[f].map((x) => JSON.stringify(x)));
    const added = [...b].filter((x) => !a.has(x)).length;
    const removed = [...a].filter((x) => !b.has(x)).length;
    if (added || removed) parts.push(`${f} (+${added} −${removed})`);
  }
  return parts.length ? parts.join(", ") : "no changes";
}
