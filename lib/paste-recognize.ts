import type { TimelineEvent } from "./model";

type Kind = TimelineEvent["kind"];

/** Words that say what kind of moment a line is; the first rule that matches wins, so specific ones come first. */
const KIND_WORDS: [Kind, RegExp][] = [
  ["impact_start", /\b(impact|outage|errors?) (begins?|began|starts?|started)\b/i],
  ["impact_end", /\b(impact|outage|errors?) (ends?|ended|over|stops?|stopped)\b/i],
  ["communication", /\b(communicated|status ?page|posted|announced|tweeted|notified|informed|customers? (told|updated)|update (sent|published))\b/i],
  ["detection", /\b(detected|alerts?|alarms?|paged|pages? (fired|sent)|noticed|reported by)\b/i],
  ["diagnosis", /\b(identified|diagnos\w*|root cause|investigat\w*|found that|suspect\w*)\b/i],
  ["recovery", /\b(mitigated|recovered|recovery|restored|back to normal|resolved|fully operational)\b/i],
  ["action", /\b(escalated|rolled back|rollback|reverted|disabled|restarted|killed|deployed|failed over|scaled)\b/i],
];

const ACTOR_RE = /^(?:@?([A-Za-z][\w.-]{0,39})|\[([^\]]{1,40})\]):\s+/;

/** A catalog service as a pasted line might name it. */
export interface KnownService {
  slug: string;
  name: string;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/**
 * Reads what a pasted line says besides its time: an actor ("alice: restarted the pool"), the kind of event
 * from its words ("detected", "escalated", "mitigated", "communicated"…) and the catalog services it names.
 * What the line already states (an explicit kind or services marker) is kept.
 */
export function recognizeEvent(event: TimelineEvent, services: KnownService[]): TimelineEvent {
  let { text, actor, kind } = event;
  const who = ACTOR_RE.exec(text);
  if (who && !actor) {
    actor = (who[1] ?? who[2]).trim();
    text = text.slice(who[0].length);
  }
  if (kind === "event") kind = KIND_WORDS.find(([, re]) => re.test(text))?.[0] ?? "event";
  const named = services
    .filter((s) => new RegExp(`(^|[^\\w-])(${escape(s.slug)}|${escape(s.name)})(?![\\w-])`, "i").test(text))
    .map((s) => s.slug);
  const linked = [...new Set([...event.services, ...named])];
  return { ...event, text, actor, kind, services: linked };
}
