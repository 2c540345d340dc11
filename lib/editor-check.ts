import { problemInWords } from "./field-words";
import { postmortemSchema, type Postmortem } from "./model";
import { suggestWindow } from "./suggestions";

/** One problem that keeps a save from going through, with the field it is about ("actionItems.4.title"). */
export interface FieldProblem {
  path: string;
  text: string;
}

const blank = (s: string | null | undefined) => !s || !s.trim();

/** Rows someone added and left empty are not mistakes: they are dropped before saving. */
export function dropBlankRows(pm: Postmortem): Postmortem {
  const suggested = suggestWindow(pm.milestones); // a new window starts with these times, so they alone are not content
  return {
    ...pm,
    causes: pm.causes.filter((c) => !(blank(c.text) && !c.services.length && !c.events.length)),
    impactWindows: pm.impactWindows.filter((w) => !(blank(w.service) && (blank(w.start) || w.start === suggested.start) && (blank(w.end) || w.end === suggested.end))),
    actionItems: pm.actionItems.filter((a) => !(blank(a.title) && blank(a.owner) && blank(a.due) && blank(a.tracker))),
    lessons: pm.lessons.filter((l) => !blank(l.text)),
    timeline: pm.timeline.filter((e) => !blank(e.text)),
  };
}

/** Checks the postmortem as the server will, before sending it; every problem named in words with its field. */
export function checkForSave(pm: Postmortem): FieldProblem[] {
  const parsed = postmortemSchema.safeParse(pm);
  if (parsed.success) return [];
  const seen = new Set<string>();
  const out: FieldProblem[] = [];
  for (const issue of parsed.error.issues) {
    const path = issue.path.map((p) => (typeof p === "symbol" ? String(p) : p));
    const key = path.join(".");
    if (seen.has(key)) continue; // one message per field is enough
    seen.add(key);
    out.push({ path: key, text: problemInWords(path, issue.message, pm) });
  }
  return out;
}
