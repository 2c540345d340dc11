import type { Postmortem } from "./model";

const SCALARS = [
  "slug", "title", "severity", "status", "postmortemStatus", "timeZone",
  "summary", "impact", "resolution", "detection", "supporting",
] as const;
const LISTS = ["causes", "impactWindows", "actionItems", "lessons", "timeline"] as const;

export type ScalarField = (typeof SCALARS)[number] | `milestones.${string}`;

export interface Conflict {
  field: ScalarField;
  mine: unknown;
  theirs: unknown;
}

export interface MergeResult {
  merged: Postmortem;
  /** Fields both people changed differently; `merged` holds mine until the person chooses. */
  conflicts: Conflict[];
  /** Fields taken from the other person's save. */
  fromTheirs: string[];
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

function mergeValue<T>(base: T, mine: T, theirs: T): { value: T; conflict: boolean; theirs: boolean } {
  if (same(mine, theirs) || same(theirs, base)) return { value: mine, conflict: false, theirs: false };
  if (same(mine, base)) return { value: theirs, conflict: false, theirs: true };
  return { value: mine, conflict: true, theirs: false };
}

/** Items are matched by content: their list, plus what I added, minus what I removed. */
function mergeList<T>(base: T[], mine: T[], theirs: T[]): T[] {
  const key = (x: T) => JSON.stringify(x);
  const baseKeys = new Set(base.map(key));
  const mineKeys = new Set(mine.map(key));
  const removedByMe = new Set([...baseKeys].filter((k) => !mineKeys.has(k)));
  const theirKeys = new Set(theirs.map(key));
  const kept = theirs.filter((x) => !removedByMe.has(key(x)));
  const addedByMe = mine.filter((x) => !baseKeys.has(key(x)) && !theirKeys.has(key(x)));
  return [...kept, ...addedByMe];
}

/**
 * Three-way merge of two saves made from the same base version: changes that do not overlap are
 * combined; a field both people changed differently is reported as a conflict for a person to decide.
 */
export function mergePostmortems(base: Postmortem, mine: Postmortem, theirs: Postmortem): MergeResult {
  const merged = { ...theirs, milestones: { ...theirs.milestones } } as Postmortem;
  const conflicts: Conflict[] = [];
  const fromTheirs: string[] = [];
  for (const f of SCALARS) {
    const r = mergeValue(base[f], mine[f], theirs[f]);
    (merged as Record<string, unknown>)[f] = r.value;
    if (r.conflict) conflicts.push({ field: f, mine: mine[f], theirs: theirs[f] });
    if (r.theirs) fromTheirs.push(f);
  }
  const milestoneKeys = new Set([...Object.keys(base.milestones), ...Object.keys(mine.milestones), ...Object.keys(theirs.milestones)]);
  for (const k of milestoneKeys as Set<keyof Postmortem["milestones"]>) {
    const r = mergeValue(base.milestones[k], mine.milestones[k], theirs.milestones[k]);
    if (r.value === undefined) delete merged.milestones[k];
    else merged.milestones[k] = r.value;
    if (r.conflict) conflicts.push({ field: `milestones.${k}`, mine: mine.milestones[k], theirs: theirs.milestones[k] });
    if (r.theirs) fromTheirs.push(`milestones.${k}`);
  }
  for (const f of LISTS) {
    const list = mergeList<unknown>(base[f], mine[f], theirs[f]);
    (merged as Record<string, unknown>)[f] = list;
    if (!same(list, mine[f])) fromTheirs.push(f);
  }
  merged.timeline = [...merged.timeline].sort((a, b) => a.at.localeCompare(b.at));
  return { merged, conflicts, fromTheirs };
}

/** Applies a person's choice for one conflicting field. */
export function chooseTheirs(merged: Postmortem, conflict: Conflict): Postmortem {
  if (conflict.field.startsWith("milestones.")) {
    const key = conflict.field.slice("milestones.".length) as keyof Postmortem["milestones"];
    const milestones = { ...merged.milestones };
    if (conflict.theirs === undefined) delete milestones[key];
    else milestones[key] = conflict.theirs as string;
    return { ...merged, milestones };
  }
  return { ...merged, [conflict.field]: conflict.theirs };
}

const isStatusEvent = (e: { source: string }) => e.source.startsWith("status:");

/**
 * Status updates add events (and move the incident status) without a new version, so whoever has the
 * postmortem open saves over a version that lacks them. A save keeps every status event as recorded
 * (an editor can neither drop nor rewrite the public record), and keeps the status a status update set
 * unless the editor changed it from the version they started from.
 */
export function keepStatusEvents(current: Postmortem, edited: Postmortem, base: Postmortem | null): Postmortem {
  const recorded = new Map(current.timeline.filter(isStatusEvent).map((e) => [e.source, e]));
  const kept = edited.timeline.filter((e) => !isStatusEvent(e) || recorded.has(e.source)).map((e) => recorded.get(e.source) ?? e);
  const present = new Set(kept.map((e) => e.source));
  const missing = [...recorded.values()].filter((e) => !present.has(e.source));
  // The editor's order is kept (its field numbers stay right); events it has not seen go in by time.
  const timeline = missing.length ? [...kept, ...missing].sort((a, b) => a.at.localeCompare(b.at)) : kept;
  const status = base && edited.status === base.status ? current.status : edited.status;
  return { ...edited, timeline, status };
}
