import type { RootContent } from "mdast";
import { ACTION_TYPES, type ActionItem } from "../model";
import { readDate } from "../time/parse-line";
import { column, itemsOf, tablesOf } from "./blocks";
import { readPriority, readStatus, splitItemFields, type ItemFields } from "./item-fields";

const TYPE_HINTS: [ActionItem["type"], RegExp][] = [
  ["detect", /\b(alarm|alert|monitor|dashboard|detect|page|observab)/i],
  ["process", /\b(train|runbook|playbook|document|process|drill|review|communicat)/i],
  ["investigate", /\b(investigate|evaluate|explore|research|understand|analy[sz]e)/i],
  ["repair", /\b(fix|repair|restore|patch|backfill)/i],
  ["mitigate", /\b(reduce|limit|mitigate|isolate|partition|cellulari[sz]e|fallback|degrade)/i],
];

/** The longest title the model keeps; the whole text goes to Supporting information. */
export const MAX_TITLE = 500;

function guessType(title: string): ActionItem["type"] {
  return TYPE_HINTS.find(([, re]) => re.test(title))?.[0] ?? "prevent";
}

function normaliseType(raw: string, title: string): ActionItem["type"] {
  const t = raw.trim().toLowerCase();
  return (ACTION_TYPES as readonly string[]).includes(t) ? (t as ActionItem["type"]) : guessType(title);
}

function normaliseDue(raw: string, notes: string[], title: string): string | null {
  const t = raw.trim();
  if (!t || /^(n\/?a|none|-|tbd)$/i.test(t)) return null;
  const parsed = readDate(t);
  if (parsed && !parsed.rest.trim()) return parsed.date;
  notes.push(`action item "${title.slice(0, 60)}": due date "${t}" is not a date, left empty`);
  return null;
}

/** A tracker cell such as "INFRA-231 DONE" or "Bug 5554823 **TODO**": the status word is the item's status. */
function trackerCell(raw: string): { tracker: string; status: ActionItem["status"] | null } {
  let status: ActionItem["status"] | null = null;
  const tracker = raw.replace(/(?:\*\*|__)?\b(DONE|TODO|FIXED|WIP|OPEN|CLOSED)\b(?:\*\*|__)?/g, (word) => {
    status ??= readStatus(word);
    return "";
  }).replace(/\s+/g, " ").trim();
  return { tracker: /^(n\/?a|none|-)$/i.test(tracker) ? "" : tracker, status };
}

export interface ItemsResult {
  items: ActionItem[];
  /** Full texts of titles that were too long, to keep under Supporting information. */
  overflow: string[];
}

function build(title: string, fields: ItemFields & { type?: string }, checked: boolean | null, notes: string[], overflow: string[]): ActionItem | null {
  let kept = title.trim();
  if (!kept) return null;
  if (kept.length > MAX_TITLE) {
    const cut = kept.slice(0, MAX_TITLE - 1);
    kept = `${cut.slice(0, Math.max(cut.lastIndexOf(" "), MAX_TITLE - 80)).trimEnd()}…`;
    overflow.push(title.trim());
    notes.push(`action item "${kept.slice(0, 60)}…": title longer than ${MAX_TITLE} characters; shortened, full text kept under Supporting information`);
  }
  const owner = (fields.owner ?? "").replace(/^@/, "");
  const tracker = fields.tracker ?? "";
  if (owner.length > 200 || tracker.length > 2000) {
    overflow.push(`${kept}\n\nOwner: ${owner}\n\nTracker: ${tracker}`);
    notes.push(`action item "${kept.slice(0, 60)}": owner or tracker too long for its field; shortened, full text kept under Supporting information`);
  }
  return {
    title: kept,
    type: normaliseType(fields.type ?? "", kept),
    priority: fields.priority ?? "P2",
    owner: owner.slice(0, 200),
    due: fields.due ?? null,
    closed: null,
    addresses: null,
    status: checked ? "done" : (fields.status ?? "open"),
    tracker: tracker.slice(0, 2000),
  };
}

/**
 * Action items from a table (columns matched by name, in any order) or from a plain or checkbox
 * list, with owners, due dates, priorities, statuses and trackers taken out of the text they sit in.
 */
export function importActionItems(nodes: RootContent[], src: string, notes: string[]): ItemsResult {
  const items: ActionItem[] = [];
  const overflow: string[] = [];
  const push = (item: ActionItem | null) => item && items.push(item);
  for (const { header, rows } of tablesOf(nodes, src)) {
    const col = {
      title: column(header, ["action", "action item", "action items", "item", "title", "task", "description", "what", "follow up", "followup", "remediation"]),
      type: column(header, ["type", "kind", "category"]),
      priority: column(header, ["priority", "pri", "prio", "severity"]),
      owner: column(header, ["owner", "owners", "assignee", "who", "team", "dri"]),
      due: column(header, ["due", "due date", "deadline", "by", "target date", "eta"]),
      status: column(header, ["status", "state", "done"]),
      tracker: column(header, ["tracker", "ticket", "link", "issue", "bug", "jira", "tracking"]),
    };
    if (col.title < 0) col.title = header.findIndex((_, i) => !Object.values(col).includes(i));
    const cell = (row: string[], i: number) => (i >= 0 ? (row[i] ?? "").trim() : "");
    for (const row of rows) {
      const raw = cell(row, col.title);
      if (!raw) continue;
      // Fields written into the title cell count only where the table has no column for them.
      const { title, fields } = splitItemFields(raw);
      const inline = Object.fromEntries(Object.entries(fields).filter(([k]) => col[k as keyof typeof col] < 0)) as ItemFields;
      const tracker = trackerCell(cell(row, col.tracker));
      push(build(Object.keys(inline).length ? title : raw, {
        ...inline,
        type: cell(row, col.type),
        ...(col.priority >= 0 ? { priority: readPriority(cell(row, col.priority)) ?? "P2" } : {}),
        ...(col.owner >= 0 ? { owner: cell(row, col.owner) } : {}),
        ...(col.due >= 0 ? { due: normaliseDue(cell(row, col.due), notes, raw) } : {}),
        ...(col.tracker >= 0 ? { tracker: tracker.tracker } : {}),
        status: readStatus(cell(row, col.status)) ?? tracker.status ?? inline.status ?? "open",
      }, null, notes, overflow));
    }
  }
  for (const item of itemsOf(nodes, src)) {
    const { title, fields } = splitItemFields(item.text);
    push(build(title, fields, item.checked, notes, overflow));
  }
  return { items, overflow };
}
