import type { RootContent } from "mdast";
import { ACTION_TYPES, type ActionItem } from "../model";
import { readDate } from "../time/parse-line";
import { column, itemsOf, tablesOf } from "./blocks";

const TYPE_HINTS: [ActionItem["type"], RegExp][] = [
  ["detect", /\b(alarm|alert|monitor|dashboard|detect|page|observab)/i],
  ["process", /\b(train|runbook|playbook|document|process|drill|review|communicat)/i],
  ["investigate", /\b(investigate|evaluate|explore|research|understand|analy[sz]e)/i],
  ["repair", /\b(fix|repair|restore|patch|backfill)/i],
  ["mitigate", /\b(reduce|limit|mitigate|isolate|partition|cellulari[sz]e|fallback|degrade)/i],
];

function guessType(title: string): ActionItem["type"] {
  return TYPE_HINTS.find(([, re]) => re.test(title))?.[0] ?? "prevent";
}

function normaliseType(raw: string, title: string): ActionItem["type"] {
  const t = raw.trim().toLowerCase();
  return (ACTION_TYPES as readonly string[]).includes(t) ? (t as ActionItem["type"]) : guessType(title);
}

function normalisePriority(raw: string): ActionItem["priority"] {
  const t = raw.trim().toLowerCase();
  const digit = /^p?([0-3])$/.exec(t);
  if (digit) return `P${digit[1]}` as ActionItem["priority"];
  if (/critical|urgent|highest/.test(t)) return "P0";
  if (/high/.test(t)) return "P1";
  if (/low/.test(t)) return "P3";
  return "P2";
}

function normaliseStatus(raw: string, checked: boolean | null): ActionItem["status"] {
  const t = raw.trim().toLowerCase();
  if (checked || /^(done|complete|completed|closed|fixed|resolved)$/.test(t)) return "done";
  if (/progress|doing|started|ongoing/.test(t)) return "in_progress";
  if (/won.?t|wontfix|declined|cancel/.test(t)) return "wont_do";
  return "open";
}

function normaliseDue(raw: string, notes: string[], title: string): string | null {
  const t = raw.trim();
  if (!t || /^(n\/?a|none|-|tbd)$/i.test(t)) return null;
  const parsed = readDate(t);
  if (parsed && !parsed.rest.trim()) return parsed.date;
  notes.push(`action item "${title}": due date "${t}" is not a date, left empty`);
  return null;
}

/** Action items from a table (columns matched by name) or from a plain or checkbox list. */
export function importActionItems(nodes: RootContent[], src: string, notes: string[]): ActionItem[] {
  const out: ActionItem[] = [];
  for (const { header, rows } of tablesOf(nodes, src)) {
    const col = {
      title: Math.max(column(header, ["action", "action item", "item", "title", "task", "description", "what"]), 0),
      type: column(header, ["type", "kind", "category"]),
      priority: column(header, ["priority", "pri", "prio"]),
      owner: column(header, ["owner", "assignee", "who", "team"]),
      due: column(header, ["due", "due date", "deadline", "by", "target date"]),
      status: column(header, ["status", "state"]),
      tracker: column(header, ["tracker", "ticket", "link", "issue", "bug", "jira"]),
    };
    const cell = (row: string[], i: number) => (i >= 0 ? (row[i] ?? "") : "");
    for (const row of rows) {
      const title = cell(row, col.title);
      if (!title) continue;
      out.push({
        title,
        type: normaliseType(cell(row, col.type), title),
        priority: normalisePriority(cell(row, col.priority)),
        owner: cell(row, col.owner),
        due: normaliseDue(cell(row, col.due), notes, title),
        status: normaliseStatus(cell(row, col.status), null),
        tracker: cell(row, col.tracker),
      });
    }
  }
  for (const item of itemsOf(nodes, src)) {
    out.push({
      title: item.text,
      type: guessType(item.text),
      priority: "P2",
      owner: "",
      due: null,
      status: normaliseStatus("", item.checked),
      tracker: "",
    });
  }
  return out;
}
