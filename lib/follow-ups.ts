import type { ActionItem } from "./model";
import { incidentStart, monthRange, quantile, type InsightIncident } from "./insights";

const isOpen = (a: Pick<ActionItem, "status">) => a.status === "open" || a.status === "in_progress";

/**
 * Gives every item that is done or dropped the day it was closed (today, unless a day is given), and takes the day
 * away from an item opened again, so "did the fix hold?" can compare it with later incidents.
 */
export function stampClosed(items: ActionItem[], today: string): ActionItem[] {
  return items.map((a) => {
    if (isOpen(a)) return a.closed === null ? a : { ...a, closed: null };
    return a.closed === null ? { ...a, closed: today } : a;
  });
}

export interface FollowUpCounts { key: string; open: number; overdue: number; done: number; dropped: number }

function countBy(incidents: InsightIncident[], keyOf: (a: ActionItem) => string, today: string): FollowUpCounts[] {
  const rows = new Map<string, FollowUpCounts>();
  for (const i of incidents) for (const a of i.actionItems) {
    const key = keyOf(a);
    const row = rows.get(key) ?? { key, open: 0, overdue: 0, done: 0, dropped: 0 };
    if (isOpen(a)) {
      row.open++;
      if (a.due !== null && a.due < today) row.overdue++;
    } else if (a.status === "done") row.done++;
    else row.dropped++;
    rows.set(key, row);
  }
  return [...rows.values()].sort((a, b) => b.open - a.open || a.key.localeCompare(b.key));
}

const days = (from: string, to: string) => Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000);

/** When a month ended (YYYY-MM-DD), or today for the month we are in. */
function monthEnd(month: string, today: string): string {
  const [y, m] = month.split("-").map(Number);
  const last = new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
  return last < today ? last : today;
}

export interface BacklogPoint { month: string; open: number }

/**
 * Items open at the end of each month, from the first item's month to today: one pass that adds an item in the
 * month it opened and takes it away in the month it closed (when that is by the month's end), then running totals.
 */
function backlogByMonth(spans: { opened: string; closed: string | null }[], today: string): BacklogPoint[] {
  if (!spans.length) return [];
  let first = spans[0].opened;
  for (const s of spans) if (s.opened < first) first = s.opened;
  const months = monthRange(first.slice(0, 7), today.slice(0, 7));
  const at = new Map(months.map((m, i) => [m, i]));
  const change = new Array<number>(months.length + 1).fill(0);
  for (const s of spans) {
    const opened = at.get(s.opened.slice(0, 7));
    if (opened === undefined || s.opened > monthEnd(s.opened.slice(0, 7), today)) continue;
    change[opened]++;
    if (s.closed === null) continue;
    const closed = s.closed.slice(0, 7) < months[0] ? 0 : at.get(s.closed.slice(0, 7));
    if (closed !== undefined && s.closed <= monthEnd(s.closed.slice(0, 7), today)) change[Math.max(closed, opened)]--;
  }
  let open = 0;
  return months.map((month, i) => ({ month, open: (open += change[i]) }));
}
export interface FollowUps {
  byOwner: FollowUpCounts[];
  byType: FollowUpCounts[];
  /** Days from the incident's start to the day the item was done; items done without a day are left out. */
  daysToClose: { median: number | null; counted: number; leftOut: number };
  backlog: BacklogPoint[];
  trend: { direction: "growing" | "shrinking" | "steady"; from: BacklogPoint; to: BacklogPoint } | null;
}

/**
 * Open, overdue and done action items by owner and by type; median days to close; and the open backlog at the end
 * of every month (an item is open from its incident's start until the day it was closed). The backlog grows when
 * it is larger now than three months ago.
 */
export function followUps(incidents: InsightIncident[], today: string): FollowUps {
  const closeDays: number[] = [];
  let leftOut = 0;
  const spans: { opened: string; closed: string | null }[] = [];
  for (const i of incidents) {
    const opened = incidentStart(i).slice(0, 10);
    for (const a of i.actionItems) {
      if (a.status === "done") {
        if (a.closed) closeDays.push(Math.max(0, days(opened, a.closed)));
        else leftOut++;
      }
      if (isOpen(a)) spans.push({ opened, closed: null });
      else if (a.closed) spans.push({ opened, closed: a.closed });
    }
  }
  closeDays.sort((a, b) => a - b);
  const backlog = backlogByMonth(spans, today);
  let trend: FollowUps["trend"] = null;
  if (backlog.length >= 2) {
    const to = backlog[backlog.length - 1];
    const from = backlog[Math.max(0, backlog.length - 4)];
    trend = { direction: to.open > from.open ? "growing" : to.open < from.open ? "shrinking" : "steady", from, to };
  }
  return {
    byOwner: countBy(incidents, (a) => a.owner || "(nobody yet)", today),
    byType: countBy(incidents, (a) => a.type, today),
    daysToClose: { median: quantile(closeDays, 0.5), counted: closeDays.length, leftOut },
    backlog,
    trend,
  };
}
