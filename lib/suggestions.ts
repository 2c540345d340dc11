import { MILESTONES, type Milestone, type Postmortem, type TimelineEvent } from "./model";

/** Where a new impact window most likely starts and ends: the impact milestones, else detection and mitigation. */
export function suggestWindow(m: Postmortem["milestones"]): { start: string; end: string | null } {
  return { start: m.impact_start ?? m.trigger ?? m.detected ?? "", end: m.impact_end ?? m.mitigated ?? m.resolved ?? null };
}

/** The event kinds that mark each milestone on a timeline. */
const MILESTONE_KINDS: Record<Milestone, TimelineEvent["kind"][]> = {
  trigger: ["trigger"], impact_start: ["impact_start"], detected: ["detection"], identified: ["diagnosis"],
  mitigated: ["recovery"], impact_end: ["impact_end"], resolved: ["recovery"],
};

/**
 * For each milestone not yet set, the timeline event that most likely marks it: the first event of the matching
 * kind (the last recovery for "resolved", the first for "mitigated").
 */
export function suggestMilestones(m: Postmortem["milestones"], timeline: TimelineEvent[]): Partial<Record<Milestone, TimelineEvent>> {
  const out: Partial<Record<Milestone, TimelineEvent>> = {};
  const sorted = [...timeline].sort((a, b) => a.at.localeCompare(b.at));
  for (const milestone of MILESTONES) {
    if (m[milestone]) continue;
    const matching = sorted.filter((e) => MILESTONE_KINDS[milestone].includes(e.kind));
    const pick = milestone === "resolved" ? matching.at(-1) : matching[0];
    if (pick) out[milestone] = pick;
  }
  return out;
}

/** A 24-hour "HH:MM" from what people type: "13:42", "1342", "9:05", "1:42 pm". Null if it is not a time of day. */
export function readClock(text: string): string | null {
  const m = /^\s*(\d{1,2})(?::?(\d{2}))?\s*(am|pm|a\.m\.|p\.m\.)?\s*$/i.exec(text);
  if (!m || (m[2] === undefined && !m[3] && m[1].length < 3)) return null;
  let h = Number(m[1]);
  const min = Number(m[2] ?? 0);
  const half = m[3]?.toLowerCase()[0];
  if (half) {
    if (h < 1 || h > 12) return null;
    h = (h % 12) + (half === "p" ? 12 : 0);
  }
  if (h > 23 || min > 59) return null;
  return `${String(h).padStart(2, "0")}:${String(min).padStart(2, "0")}`;
}

/** The incident's day in its zone: from the first milestone set, else the first event; null until either exists. */
export function incidentDay(m: Postmortem["milestones"], timeline: TimelineEvent[], zone: string, toDate: (iso: string, zone: string) => string): string | null {
  const first = [...MILESTONES.map((k) => m[k]).filter((x): x is string => Boolean(x)), ...timeline.map((e) => e.at)].sort()[0];
  return first ? toDate(first, zone) : null;
}
