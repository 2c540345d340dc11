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

/**
 * An imported postmortem with every reference that points nowhere removed (unknown services, cause
 * links to times not on the timeline), and a note for each, so an import is never refused for them.
 */
export function dropUnknownReferences(pm: Postmortem, known: Set<string>): { postmortem: Postmortem; notes: string[] } {
  const notes: string[] = [];
  const keep = (field: string, slugs: string[]) => slugs.filter((s) => {
    if (!known.has(s)) notes.push(`${field}: service "${s}" is not in the catalog; link left out`);
    return known.has(s);
  });
  const instants = new Set(pm.timeline.map((e) => e.at));
  const impactWindows = pm.impactWindows.filter((w) => known.has(w.service));
  const dropped = pm.impactWindows.filter((w) => !known.has(w.service));
  for (const w of dropped) notes.push(`impact window for "${w.service}": not in the catalog; kept under Supporting information instead`);
  const supporting = dropped.length
    ? `${pm.supporting ? `${pm.supporting}\n\n` : ""}### Impact windows for services not in the catalog\n\n${dropped.map((w) => `- ${w.service}: ${w.condition} from ${w.start}${w.end ? ` to ${w.end}` : ""}${w.origin ? " (origin)" : ""}`).join("\n")}`
    : pm.supporting;
  return {
    notes,
    postmortem: {
      ...pm,
      impactWindows,
      supporting,
      timeline: pm.timeline.map((e, i) => ({ ...e, services: keep(`timeline event ${i + 1}`, e.services) })),
      causes: pm.causes.map((c, i) => ({
        ...c,
        services: keep(`cause ${i + 1}`, c.services),
        events: c.events.filter((at) => {
          if (!instants.has(at)) notes.push(`cause ${i + 1}: linked to ${at}, which is not on the timeline; link left out`);
          return instants.has(at);
        }),
      })),
    },
  };
}
