import { MILESTONE_LABELS, type Milestone, type Postmortem } from "./model";

/** A field's place in the postmortem, as zod reports it: ["actionItems", 4, "title"]. */
export type FieldPath = (string | number)[];

const CAUSE_WORDS: Record<string, string> = { trigger: "Trigger", root_cause: "Root cause", contributing: "Contributing factor" };
const LESSON_WORDS: Record<string, string> = { went_well: "What went well", went_wrong: "What went wrong", got_lucky: "Where we got lucky" };
const TOP_WORDS: Record<string, string> = {
  slug: "Slug", title: "Title", severity: "Severity", status: "Incident status", postmortemStatus: "Review status",
  timeZone: "Time zone", summary: "Summary", impact: "Impact", resolution: "Resolution", detection: "Detection",
  supporting: "Supporting information", version: "Version",
};
const PART_WORDS: Record<string, string> = {
  title: "title", text: "description", start: "start time", end: "end time", service: "service", services: "services",
  events: "linked events", due: "due date", owner: "owner", tracker: "tracker link", at: "time", kind: "kind",
  condition: "condition", type: "type", priority: "priority", status: "status", actor: "actor", source: "source",
};

/** "actionItems.4.title" -> ["actionItems", 4, "title"]. */
export function parsePath(dotted: string): FieldPath {
  return dotted.split(".").map((p) => (/^\d+$/.test(p) ? Number(p) : p));
}

/** The row or field a path names, as a person would say it: "Action item 5", "Root cause 2", "Detected milestone". */
export function describeRow(path: FieldPath, pm: Pick<Postmortem, "causes" | "lessons">): string {
  const [top, index] = path;
  if (typeof index === "number") {
    if (top === "causes") {
      const kind = pm.causes[index]?.kind ?? "root_cause";
      const n = pm.causes.slice(0, index + 1).filter((c) => c.kind === kind).length;
      return `${CAUSE_WORDS[kind]} ${n}`;
    }
    if (top === "lessons") {
      const kind = pm.lessons[index]?.kind ?? "went_well";
      const n = pm.lessons.slice(0, index + 1).filter((l) => l.kind === kind).length;
      return `Lesson ${n} under “${LESSON_WORDS[kind]}”`;
    }
    if (top === "actionItems") return `Action item ${index + 1}`;
    if (top === "impactWindows") return `Impact window ${index + 1}`;
    if (top === "timeline") return `Timeline event ${index + 1}`;
  }
  if (top === "milestones" && typeof index === "string") return `${MILESTONE_LABELS[index as Milestone] ?? index} milestone`;
  return TOP_WORDS[String(top)] ?? String(top);
}

function valueAt(pm: unknown, path: FieldPath): unknown {
  let v: unknown = pm;
  for (const p of path) v = v && typeof v === "object" ? (v as Record<string | number, unknown>)[p] : undefined;
  return v;
}

const article = (word: string) => (/^[aeiou]/.test(word) ? "an" : "a");

/**
 * One validation problem in words, naming the row and the part of it: "Action item 5 needs a title",
 * "Impact window 2 has an end time before its start time". `pm` is the postmortem as typed (values may be blank).
 */
export function problemInWords(path: FieldPath, message: string, pm: Pick<Postmortem, "causes" | "lessons">): string {
  const row = describeRow(path, pm);
  const rowLevel = path.length <= 2 && !(typeof path[1] === "number");
  const partKey = path.length > 2 ? String(path[2]) : "";
  const part = PART_WORDS[partKey] ?? partKey;
  const value = valueAt(pm, path);
  const blank = value === undefined || value === null || (typeof value === "string" && value.trim() === "");
  if (rowLevel) {
    if (blank) return `${row} must be filled in`;
    if (/ISO 8601|datetime/i.test(message)) return `${row} is not a valid date and time`;
    return `${row}: ${message}`;
  }
  if (blank || message === "must not be empty") return `${row} needs ${article(part)} ${part}`;
  if (partKey === "end" && /before start/.test(message)) return `${row} has an end time before its start time`;
  if (/ISO 8601|datetime|date/i.test(message)) return `${row} has ${article(part)} ${part} that is not a valid date${partKey === "due" ? "" : " and time"}`;
  if (partKey === "services" || partKey === "service") return `${row} has a service name that is not valid (${message})`;
  return `${row}: ${part} ${message}`;
}

/** A server problem "actionItems.4.title: must not be empty" in words; anything not shaped like that is kept as it is. */
export function serverProblemInWords(problem: string, pm: Pick<Postmortem, "causes" | "lessons">): { path: string | null; text: string } {
  const m = /^([A-Za-z]+(?:\.[A-Za-z0-9_]+)*): (.+)$/.exec(problem);
  if (!m || !(m[1].split(".")[0] in TOP_WORDS || /^(causes|lessons|actionItems|impactWindows|timeline|milestones)\b/.test(m[1]))) {
    return { path: null, text: problem };
  }
  return { path: m[1], text: problemInWords(parsePath(m[1]), m[2], pm) };
}
