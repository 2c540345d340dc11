import type { Milestone, Postmortem, TimelineEvent } from "../model";

export interface DerivedMilestone {
  milestone: Milestone;
  at: string;
  /** The event whose wording gave it away, as the author wrote it. */
  from: string;
}

/** Words that mark each milestone, strongest first: the template's own markers, then common phrasing. */
const WORDING: [Milestone, RegExp[]][] = [
  ["impact_start", [/\b(outage|impact|incident) (begins|began|starts|started)\b/i, /\b(errors?|failures?|5\d\d|timeouts?|latency)\b[^.]*\b(start|starts|started|begin|begins|began|climb|climbs|rise|rises|jumps?|spikes?|grows?)\b/i, /\b(start(s|ed)?|began|begin) (failing|timing out|erroring|returning)\b/i]],
  ["detected", [/\b(alert|alerts|alarm|alarms|paged|pager|page[sd]? (the )?on-?call|detected|noticed|reported|reports|notices|flagged)\b/i]],
  ["identified", [/\b(root cause|identified|traced|diagnosed|found (the )?cause|finds|found|determined|confirms?|confirmed)\b/i]],
  ["mitigated", [/\boutage mitigated\b/i, /\b(mitigat\w*|rolled back|rollback|roll back|reverted|revert|failover|failed over|hotfix|workaround|disabled|restarted|paused|throttled|traffic (moved|redirected|shifted)|moved traffic|restored|removed|raised|stopped|deleted|fixed)\b/i]],
  ["impact_end", [/\b(outage|impact) (ends|ended|over)\b/i, /\b(recovered|recovers|recovery complete|back to (normal|baseline|green)|normal again|normally again|succeed again|fully (delivered|caught up|recovered)|drained|cleared|stable|resumes|resumed|accepting connections)\b/i]],
  ["resolved", [/\b(resolved|all clear|incident closed|closed the incident|fully recovered)\b/i]],
];

const IMPACT_WORDS = /\b(errors?|fail(?!over)\w*|5\d\d|timeouts?|timed? out|latency|down|unavailable|degraded|outage|broken|crash\w*|empty|stale|lost|stuck|delayed|backlog)\b/i;

function firstMatch(events: TimelineEvent[], res: RegExp[], notBefore: string | undefined): TimelineEvent | undefined {
  const candidates = notBefore ? events.filter((e) => e.at >= notBefore) : events;
  for (const re of res) {
    const hit = candidates.find((e) => re.test(e.text));
    if (hit) return hit;
  }
  return undefined;
}

/**
 * Milestones a document does not state, read from its timeline's wording, each in order after the
 * one before it, so imported postmortems have metrics. Stated milestones are never changed.
 */
export function deriveMilestones(timeline: TimelineEvent[], stated: Postmortem["milestones"]): { milestones: Postmortem["milestones"]; derived: DerivedMilestone[] } {
  const milestones = { ...stated };
  const derived: DerivedMilestone[] = [];
  if (!timeline.length) return { milestones, derived };
  const events = [...timeline].sort((a, b) => a.at.localeCompare(b.at));
  const set = (milestone: Milestone, event: TimelineEvent | undefined, from?: string) => {
    if (!event || milestones[milestone]) return;
    milestones[milestone] = event.at;
    derived.push({ milestone, at: event.at, from: from ?? event.text.split("\n")[0].slice(0, 200) });
  };
  let floor: string | undefined = milestones.impact_start;
  for (const [milestone, res] of WORDING) {
    if (milestones[milestone]) {
      floor = milestones[milestone];
      continue;
    }
    let hit = firstMatch(events, res, floor);
    if (milestone === "impact_start" && !hit) {
      // Without impact wording: the first event describing harm no later than the first sign of
      // detection, else the first event (so time to detect is never shortened by a guess).
      const detectedAt = milestones.detected ?? firstMatch(events, WORDING[1][1], undefined)?.at;
      hit = events.find((e) => IMPACT_WORDS.test(e.text) && (!detectedAt || e.at <= detectedAt)) ?? events[0];
    }
    if (milestone === "resolved" && !hit && milestones.impact_end) {
      const end = events.find((e) => e.at === milestones.impact_end);
      set("resolved", end ?? { ...events[0], at: milestones.impact_end }, "taken as the impact end");
      continue;
    }
    set(milestone, hit);
    if (milestones[milestone]) floor = milestones[milestone];
  }
  return { milestones, derived };
}
