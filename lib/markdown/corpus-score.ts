import type { Postmortem } from "../model";

/** What a careful reader would enter from one corpus document. */
export interface Expected {
  severity?: string;
  status?: string;
  milestones?: Record<string, string>;
  events: [at: string, text: string][];
  /** Lines from nested bullets or paragraphs that must end up in the event's text. */
  eventDetails?: [at: string, text: string][];
  /** When true, an extra (duplicated) event costs a point. */
  exactEventCount?: boolean;
  items: { title: string; prefix?: boolean; owner?: string; due?: string; status?: string; priority?: string; tracker?: string }[];
  lessons: [kind: string, text: string][];
}

export interface Score {
  kept: number;
  expected: number;
  misses: string[];
}

const norm = (s: string) => s.replace(/[*`_]/g, "").replace(/\s+/g, " ").trim().toLowerCase();
const instant = (s: string) => new Date(s).toISOString();
const person = (s: string) => norm(s).replace(/^@/, "");

/** Counts how much of the expected structure an import kept; every miss is named. */
export function scoreImport(pm: Postmortem, want: Expected): Score {
  const misses: string[] = [];
  let kept = 0;
  let expected = 0;
  const check = (ok: boolean, what: string) => {
    expected++;
    if (ok) kept++;
    else misses.push(what);
  };
  if (want.severity) check(pm.severity === want.severity, `severity ${want.severity} (got ${pm.severity})`);
  if (want.status) check(pm.status === want.status, `status ${want.status} (got ${pm.status})`);
  for (const [name, at] of Object.entries(want.milestones ?? {})) {
    const got = pm.milestones[name as keyof Postmortem["milestones"]];
    check(got === instant(at), `milestone ${name} ${at} (got ${got ?? "none"})`);
  }
  for (const [at, text] of want.events) {
    check(pm.timeline.some((e) => e.at === instant(at) && norm(e.text).startsWith(norm(text))), `event ${at} "${text}"`);
  }
  for (const [at, text] of want.eventDetails ?? []) {
    check(pm.timeline.some((e) => e.at === instant(at) && norm(e.text).includes(norm(text))), `detail ${at} "${text}"`);
  }
  if (want.exactEventCount) check(pm.timeline.length === want.events.length, `${want.events.length} events (got ${pm.timeline.length})`);
  for (const item of want.items) {
    const title = norm(item.title).replace(/[.]$/, "");
    const found = pm.actionItems.find((a) => {
      const got = norm(a.title).replace(/[.]$/, "");
      return item.prefix ? got.startsWith(title) : got === title;
    });
    const wrong = !found ? ["title"] : [
      item.owner !== undefined && person(found.owner) !== person(item.owner) ? `owner "${found.owner}"` : "",
      item.due !== undefined && found.due !== item.due ? `due ${found.due}` : "",
      item.status !== undefined && found.status !== item.status ? `status ${found.status}` : "",
      item.priority !== undefined && found.priority !== item.priority ? `priority ${found.priority}` : "",
      item.tracker !== undefined && found.tracker !== item.tracker ? `tracker "${found.tracker}"` : "",
    ].filter(Boolean);
    check(wrong.length === 0, `item "${item.title}" (${wrong.join(", ")})${found ? "" : `; titles: ${pm.actionItems.map((a) => JSON.stringify(a.title)).join(" | ")}`}`);
  }
  for (const [kind, text] of want.lessons) {
    check(pm.lessons.some((l) => l.kind === kind && norm(l.text).includes(norm(text))), `lesson ${kind} "${text}"`);
  }
  return { kept, expected, misses };
}
