import { describeRow } from "./field-words";
import type { Postmortem } from "./model";

/** A service a postmortem names that the catalog does not list (yet), and the rows that name it. */
export interface UnlistedService {
  slug: string;
  usedBy: string[];
  message: string;
}

/** Every service named in the postmortem that is not in `known`, each once, with where it is used, in words. */
export function unlistedServices(pm: Postmortem, known: Set<string>): UnlistedService[] {
  const found = new Map<string, string[]>();
  const note = (slug: string, row: string) => {
    if (known.has(slug)) return;
    const rows = found.get(slug) ?? [];
    if (!rows.includes(row)) rows.push(row);
    found.set(slug, rows);
  };
  pm.impactWindows.forEach((w, i) => note(w.service, describeRow(["impactWindows", i], pm)));
  pm.causes.forEach((c, i) => c.services.forEach((s) => note(s, describeRow(["causes", i], pm))));
  pm.timeline.forEach((e, i) => e.services.forEach((s) => note(s, describeRow(["timeline", i], pm))));
  return [...found].map(([slug, usedBy]) => ({
    slug, usedBy, message: `"${slug}" is not in the service catalog yet (named by ${usedBy.join(", ")})`,
  }));
}

/** Links that point nowhere (a cause linked to a time no event has): these block any save. */
export function linkProblems(pm: Postmortem): string[] {
  const instants = new Set(pm.timeline.map((e) => e.at));
  const out: string[] = [];
  pm.causes.forEach((c, i) => c.events.forEach((at) => {
    if (!instants.has(at)) out.push(`causes.${i}.events: no timeline event at ${at}; link a time that is on the timeline`);
  }));
  pm.actionItems.forEach((a, i) => {
    if (a.addresses !== null && a.addresses >= pm.causes.length) {
      out.push(`actionItems.${i}.addresses: names cause ${a.addresses + 1}, but the postmortem lists ${pm.causes.length} cause${pm.causes.length === 1 ? "" : "s"}`);
    }
  });
  return out;
}

/** What stops a postmortem from being published as final: every service it names must be in the catalog. */
export function publishProblems(pm: Postmortem, known: Set<string>): string[] {
  return unlistedServices(pm, known).map((u) => `services: ${u.message}; add it to the catalog before publishing`);
}

const LIST_FIELDS = ["causes", "impactWindows", "actionItems", "lessons", "timeline"] as const;
const SCALAR_FIELDS = [
  "slug", "title", "severity", "status", "postmortemStatus", "timeZone",
  "summary", "impact", "resolution", "detection", "supporting",
] as const;

/** JSON with object keys sorted, so two equal postmortems compare equal whatever order their keys came in. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_k, v) =>
    v && typeof v === "object" && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b))) : v);
}

/** True when a save would store exactly what is there already (then no revision is made). */
export function samePostmortem(a: Postmortem, b: Postmortem): boolean {
  return SCALAR_FIELDS.every((f) => a[f] === b[f])
    && canonical(a.milestones) === canonical(b.milestones)
    && LIST_FIELDS.every((f) => canonical(a[f]) === canonical(b[f]));
}

const FIELD_WORDS: Record<(typeof SCALAR_FIELDS)[number] | "milestones", string> = {
  slug: "the slug", title: "the title", severity: "the severity", status: "the incident status",
  postmortemStatus: "the review status", timeZone: "the time zone", summary: "the summary", impact: "the impact",
  resolution: "the resolution", detection: "the detection", supporting: "the supporting information", milestones: "the milestones",
};
const LIST_WORDS: Record<(typeof LIST_FIELDS)[number], [string, string]> = {
  causes: ["cause", "causes"], impactWindows: ["impact window", "impact windows"], actionItems: ["action item", "action items"],
  lessons: ["lesson", "lessons"], timeline: ["timeline event", "timeline events"],
};

const count = (n: number, [one, many]: [string, string]) => `${n} ${n === 1 ? one : many}`;

/** What a save changed, as a sentence for the revision history: "changed the title; added 2 timeline events". */
export function describeChanges(before: Postmortem | null, after: Postmortem): string {
  if (!before) return "created the postmortem";
  const changed: string[] = [];
  for (const f of SCALAR_FIELDS) if (before[f] !== after[f]) changed.push(FIELD_WORDS[f]);
  if (canonical(before.milestones) !== canonical(after.milestones)) changed.push(FIELD_WORDS.milestones);
  const parts: string[] = [];
  if (before.postmortemStatus !== after.postmortemStatus) {
    parts.push(`moved the review status from ${before.postmortemStatus.replace("_", " ")} to ${after.postmortemStatus.replace("_", " ")}`);
    changed.splice(changed.indexOf(FIELD_WORDS.postmortemStatus), 1);
  }
  if (changed.length) parts.push(`changed ${joinWords(changed)}`);
  for (const f of LIST_FIELDS) {
    const a = before[f].map(canonical);
    const b = after[f].map(canonical);
    const added = b.filter((x) => !a.includes(x)).length;
    const removed = a.filter((x) => !b.includes(x)).length;
    const edited = Math.min(added, removed);
    const bits = [
      edited && `edited ${count(edited, LIST_WORDS[f])}`,
      added - edited && `added ${count(added - edited, LIST_WORDS[f])}`,
      removed - edited && `removed ${count(removed - edited, LIST_WORDS[f])}`,
    ].filter(Boolean) as string[];
    if (!bits.length && a.join() !== b.join()) bits.push(`reordered the ${LIST_WORDS[f][1]}`);
    parts.push(...bits);
  }
  return parts.length ? parts.join("; ") : "no changes";
}

function joinWords(words: string[]): string {
  return words.length < 2 ? words.join("") : `${words.slice(0, -1).join(", ")} and ${words.at(-1)}`;
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
