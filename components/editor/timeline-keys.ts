import type { TimelineEvent } from "@/lib/model";

const keys = new WeakMap<TimelineEvent, string>();
let next = 0;

/** A stable React key per event object, so unchanged rows are reused when others are added or edited. */
export function keyOf(e: TimelineEvent): string {
  let k = keys.get(e);
  if (!k) keys.set(e, (k = `e${next++}`));
  return k;
}

export function sortEvents(events: TimelineEvent[]): TimelineEvent[] {
  return [...events].sort((a, b) => a.at.localeCompare(b.at));
}
