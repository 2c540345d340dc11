import type { ActionItem } from "../model";
import { readDate } from "../time/parse-line";

/** The fields people write into an action item's line: "Fix X — owner: Tom — P1", "(owner: @carol, due 2024-03-15)". */
export type ItemFields = Partial<Pick<ActionItem, "owner" | "due" | "priority" | "status" | "tracker">>;

export function readPriority(raw: string): ActionItem["priority"] | null {
  const t = raw.trim().toLowerCase();
  const digit = /^p?([0-3])$/.exec(t) ?? /^(?:sev|priority)\s*-?\s*([0-3])$/.exec(t);
  if (digit) return `P${digit[1]}` as ActionItem["priority"];
  if (/^(critical|urgent|highest|blocker)$/.test(t)) return "P0";
  if (/^(high)$/.test(t)) return "P1";
  if (/^(medium|normal|moderate)$/.test(t)) return "P2";
  if (/^(low|lowest|minor)$/.test(t)) return "P3";
  return null;
}

export function readStatus(raw: string): ActionItem["status"] | null {
  const t = raw.replace(/[*`[\]]/g, "").replace(/[_-]+/g, " ").replace(/^_+|_+$/g, "").trim().toLowerCase();
  if (!t) return null;
  if (/^(done|complete|completed|closed|fixed|resolved|shipped|merged|x)$/.test(t)) return "done";
  if (/^(not started|todo|to do|open|new|planned|backlog|pending)$/.test(t)) return "open";
  if (/^(in progress|wip|doing|started|ongoing|in review)$/.test(t)) return "in_progress";
  if (/^(won.?t do|wont ?fix|won.?t fix|declined|cancell?ed|dropped|rejected)$/.test(t)) return "wont_do";
  return null;
}

const TRACKER_RE = /^(?:https?:\/\/\S+|#\d+|[A-Z][A-Z0-9]+-\d+|(?:bug|issue|ticket)\s*#?\s*\d+)$/i;
const LINK_RE = /^\[([^\]]+)\]\((\S+?)\)$/;

/** One metadata part ("owner: Tom", "@kim", "P1", "due 2023-03-01", "JIRA-12"), or null when it is prose. */
export function readField(part: string, allowBareName = false): ItemFields | null {
  const t = part.replace(/^[*_]+|[*_]+$/g, "").replace(/^(\w[\w ]*?)[*_]+:/, "$1:").trim();
  if (!t) return null;
  const named = /^(owner|owners|assignee|assigned to|who|dri|priority|prio|pri|due|due date|deadline|by|target|status|state|ticket|tracker|issue|bug|jira)\s*[:=]\s*(.+)$/i.exec(t)
    ?? /^(owner|due|priority)\s+(.+)$/i.exec(t);
  if (named) {
    const [key, value] = [named[1].toLowerCase(), named[2].trim()];
    if (/^(owner|owners|assignee|assigned to|who|dri)$/.test(key)) return { owner: value.replace(/^@/, "") };
    if (/^(priority|prio|pri)$/.test(key)) return { priority: readPriority(value) ?? "P2" };
    if (/^(status|state)$/.test(key)) return readStatus(value) ? { status: readStatus(value)! } : null;
    if (/^(ticket|tracker|issue|bug|jira)$/.test(key)) return { tracker: trackerOf(value) };
    const date = readDate(value);
    return date && !date.rest.trim() ? { due: date.date } : null;
  }
  if (/^@[\w.-]+$/.test(t)) return { owner: t.slice(1) };
  const priority = readPriority(t);
  if (priority && !/^[0-3]$/.test(t)) return { priority };
  const status = /^(todo|done|fixed|wip|open|closed|in progress|won't do|wontfix)$/i.test(t) ? readStatus(t) : null;
  if (status) return { status };
  if (/^\d{4}-\d{2}-\d{2}$/.test(t)) return { due: t };
  if (TRACKER_RE.test(t) || (LINK_RE.test(t) && /^https?:/.test(LINK_RE.exec(t)![2]))) return { tracker: trackerOf(t) };
  if (allowBareName && /^@?[A-Za-z][\w.'-]*(?: [A-Z][\w.'-]*)?$/.test(t)) return { owner: t.replace(/^@/, "") };
  return null;
}

function trackerOf(value: string): string {
  const link = LINK_RE.exec(value.trim());
  return link ? link[2] : value.trim();
}

/** Every comma-separated part is a field, or null when any is prose. */
function readFields(group: string, allowBareName: boolean): ItemFields | null {
  const parts = group.split(/\s*[,;]\s*/).filter(Boolean);
  if (!parts.length) return null;
  const out: ItemFields = {};
  for (const part of parts) {
    const f = readField(part, allowBareName && parts.length <= 2);
    if (!f) return null;
    Object.assign(out, f);
  }
  return out;
}

/** A lone last word is a field only when it cannot be prose ("P1", "@kim", "#4411", "DONE"), never "high". */
const BARE_TOKEN_RE = /^(?:P[0-3]|@[\w.-]+|#\d+|[A-Z][A-Z0-9]+-\d+|https?:\/\/\S+|\[[^\]]+\]\(\S+\)|TODO|DONE|FIXED|\d{4}-\d{2}-\d{2})$/;
const LEADING_RE = /^(?:\[(todo|done|fixed|wip)\]|(todo|done|fixed|wip)\b:?|(p[0-3])\s*[:\-–—]|(p[0-3])\s+(?=[A-Z]))\s*/i;
const TRAILING: RegExp[] = [
  /\s+\(([^()]*)\)\.?$/, // "(owner: @carol, due 2024-03-15)", "(Jonas)"
  /\s+(\[[^\]]+\]\(\S+?\))$/, // "[METRICS-7](https://…)"
  /\s+((?:due|by|owner|priority)\s*:?\s*\S+)$/i, // "due 2023-03-01"
  /\s+[—–]\s+([^—–]+)$/, // "— owner: Tom"
  /\s+-\s+((?:(?!\s-\s).)+)$/, // " - @lee"
  /\s*,\s*([^,]+)$/, // ", due 2017-09-01"
  /\s+(\S+)$/, // "P1", "#4411", "@kim", a link
];

/**
 * Takes the owner, due date, priority, status and tracker out of an action item's text, wherever
 * the author put them, and returns the title that is left. Prose is never taken: only parts that
 * read entirely as fields are removed.
 */
export function splitItemFields(text: string): { title: string; fields: ItemFields } {
  const fields: ItemFields = {};
  const take = (f: ItemFields) => {
    for (const [k, v] of Object.entries(f)) if (!(k in fields)) (fields as Record<string, unknown>)[k] = v;
  };
  let title = text.replace(/\\([#*_[\]()`-])/g, "$1").replace(/\s+/g, " ").trim();
  for (let m = LEADING_RE.exec(title); m && m[0].length < title.length; m = LEADING_RE.exec(title)) {
    const word = m[1] ?? m[2] ?? m[3] ?? m[4];
    take(/^p/i.test(word) ? { priority: readPriority(word)! } : { status: readStatus(word)! });
    title = title.slice(m[0].length);
  }
  // "owner: @carol, due 2024-03-15 — Document the windows": fields may also come first.
  const segments = title.split(/\s+[—–]\s+/);
  if (segments.length > 1) {
    const prose = segments.filter((seg) => {
      const f = readFields(seg, false);
      if (f) take(f);
      return !f;
    });
    if (prose.length) title = prose.join(" — ");
  }
  for (let changed = true; changed;) {
    changed = false;
    for (const re of TRAILING) {
      const m = re.exec(title);
      if (!m || m.index === 0) continue;
      if (re === TRAILING[TRAILING.length - 1] && !BARE_TOKEN_RE.test(m[1])) continue;
      const f = readFields(m[1], re === TRAILING[0]);
      if (!f) continue;
      take(f);
      title = title.slice(0, m.index).replace(/[\s,;:—–-]+$/, "");
      changed = true;
      break;
    }
  }
  return { title: title.trim(), fields };
}
