import { EVENT_KINDS, type TimelineEvent } from "../model";
import { LineReader } from "../time/line-reader";
import { parseTimeLine } from "../time/parse-line";
import { findZoneStatement, type Zone } from "../time/zone-names";
import { column } from "./blocks";

export interface TimelineContext {
  date?: string;
  zone: Zone;
}

export interface TimelineResult {
  events: TimelineEvent[];
  unmapped: string[]; // Markdown that had no time, or a time that cannot be real; kept by the caller
  problems: string[]; // why a stamped line could not become an event (reported, never fatal)
  notes: string[]; // guesses made while reading (a year assumed for a day heading)
}

const LIST_RE = /^(\s*)(?:[-*+]|\d+[.)])\s+(.*)$/;
const HEADING_RE = /^\s{0,3}#{1,6}\s+(.*?)\s*#*\s*$/;
const DELIMITER_RE = /^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$/;
export const NO_TEXT = "(no description in the source)";

/** Cells of a pipe-table row; "\|" stays a literal pipe and <br> a line break. */
export function splitRow(line: string): string[] {
  const cells = line.trim().replace(/^\|/, "").replace(/\|$/, "").split(/(?<!\\)\|/);
  return cells.map((c) => c.replace(/\\\|/g, "|").replace(/<br\s*\/?>/gi, "\n").trim());
}

/**
 * Reads a Timeline section line by line: a table, a list (nested bullets are the event's detail),
 * paragraphs of lines, or one heading per time with the event's text in the paragraphs and bullets
 * under it. Timelines are line-shaped, and reading them directly keeps a 2,000-event import fast.
 */
export function importTimeline(text: string, ctx: TimelineContext): TimelineResult {
  const reader = new LineReader(ctx.date, ctx.zone);
  const unmapped: string[] = [];
  let table: { header: string[]; raw: string[] } | null = null;
  let open: TimelineEvent | null = null; // the event that lines without a time continue
  let underHeading = false; // a heading's event keeps collecting paragraphs and bullets until the next stamp
  let newParagraph = false;

  // An event, a date/zone line (null), a stamp that cannot be real ("failed"), or none of these (false).
  const read = (raw: string): TimelineEvent | null | false | "failed" => {
    const before = reader.events.length;
    const failures = reader.problems.length;
    if (!reader.read(raw)) return false;
    if (reader.problems.length > failures) return "failed";
    return reader.events.length > before ? reader.events[reader.events.length - 1] : null;
  };
  const append = (target: TimelineEvent, line: string) => {
    target.text = target.text ? `${target.text}${newParagraph ? "\n\n" : "\n"}${line}` : line;
    newParagraph = false;
  };
  // "### 14:12" followed by "14:12 — alerts fire" is one event, not an empty one and a twin.
  const restates = (event: TimelineEvent) => underHeading && open && !open.text && open.at === event.at;
  const begin = (event: TimelineEvent, heading: boolean) => {
    if (restates(event)) {
      reader.events.splice(reader.events.indexOf(event), 1);
      open!.text = event.text;
      newParagraph = false;
      return;
    }
    open = event;
    underHeading = heading;
    newParagraph = false;
  };
  const dropped = (raw: string) => {
    unmapped.push(raw.trim());
    if (!underHeading) open = null;
  };

  for (const line of text.split("\n")) {
    if (!line.trim()) {
      table = null;
      if (!underHeading) open = null;
      newParagraph = true;
    } else if (line.trim().startsWith("|")) {
      const cells = splitRow(line);
      if (!table) table = { raw: cells, header: cells.map((h) => h.toLowerCase().replace(/\([^)]*\)/g, "").replace(/[^a-z ]/g, "").trim()) };
      else if (!DELIMITER_RE.test(line)) tableRow(table, cells, reader, unmapped);
    } else if (HEADING_RE.test(line)) {
      const event = read(HEADING_RE.exec(line)![1]);
      if (event && event !== "failed") begin(event, true);
      else {
        if (event !== null) unmapped.push(line.trim());
        open = null;
        underHeading = false;
      }
    } else if (LIST_RE.test(line)) {
      const [, indent, item] = LIST_RE.exec(line)!;
      const event = read(item);
      if (event && event !== "failed") begin(event, false);
      else if (event === false && open && (indent.length >= 2 || underHeading)) append(open, `- ${item.trim()}`);
      else if (event === null) open = null;
      else dropped(line);
    } else {
      const event = read(line);
      if (event && event !== "failed") begin(event, false);
      else if (event === false && open) append(open, line.trim());
      else if (event !== null) dropped(line);
    }
  }
  const notes = [...reader.notes];
  for (const event of reader.events) {
    if (!event.text.trim()) {
      event.text = NO_TEXT;
      notes.push(`timeline: the event at ${event.at} has a time but no text; marked "${NO_TEXT}"`);
    }
  }
  const events = [...reader.events].sort((a, b) => a.at.localeCompare(b.at));
  return { events, unmapped, problems: reader.problems, notes };
}

/** One table row -> one event; columns are matched by their header names. */
function tableRow(table: { header: string[]; raw: string[] }, row: string[], reader: LineReader, unmapped: string[]): void {
  const { header, raw } = table;
  const timeCol = header.findIndex((h) => /^(time|when|timestamp)/.test(h));
  const dateCol = column(header, ["date", "day"]);
  const kindCol = column(header, ["kind", "type", "category"]);
  const actorCol = column(header, ["actor", "who", "by", "person", "owner"]);
  const servicesCol = column(header, ["services", "service", "components"]);
  const used = new Set([timeCol, dateCol, kindCol, actorCol, servicesCol]);
  let textCol = column(header, ["event", "events", "description", "what happened", "what", "details", "text", "note", "notes", "action"]);
  if (textCol === -1) textCol = header.findLastIndex((_, i) => !used.has(i));
  const stamp = [dateCol >= 0 ? row[dateCol] : "", timeCol >= 0 ? row[timeCol] : ""].join(" ").trim();
  const parsed = parseTimeLine(`${stamp} x`);
  if (!parsed) {
    unmapped.push(`| ${row.join(" | ")} |`);
    return;
  }
  const headerZone = timeCol >= 0 ? findZoneStatement(raw[timeCol]) : null;
  const kind = (row[kindCol] ?? "").trim().toLowerCase();
  const added = reader.add(
    { ...parsed, zone: parsed.zone ?? headerZone ?? undefined, text: row[textCol] ?? "" },
    {
      ...((EVENT_KINDS as readonly string[]).includes(kind) ? { kind: kind as TimelineEvent["kind"] } : {}),
      ...(actorCol >= 0 ? { actor: row[actorCol] ?? "" } : {}),
      ...(servicesCol >= 0 ? { services: (row[servicesCol] ?? "").split(/[,\s]+/).filter(Boolean) } : {}),
    },
  );
  if (!added) unmapped.push(`| ${row.join(" | ")} |`);
}
