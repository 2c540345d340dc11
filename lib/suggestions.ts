import type { Postmortem } from "./model";

/** Where a new impact window most likely starts and ends: the impact milestones, else detection and mitigation. */
export function suggestWindow(m: Postmortem["milestones"]): { start: string; end: string | null } {
  return { start: m.impact_start ?? m.trigger ?? m.detected ?? "", end: m.impact_end ?? m.mitigated ?? m.resolved ?? null };
}
