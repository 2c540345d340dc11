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
  unmapped: string[]; // Markdown that had no time, kept by the caller
  problems: string[]; // times that cannot be real; the import fails on these
}

const LIST_RE = /^\s{0,3}(?:[-*+]|\d+[.)])\s+(.*)$/;
const HEADING_RE = /^\s{0,3}#{1,6}\s+(.*?)\s*#*\s*$/;
const DELIMITER_RE = /^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$/;

/** Cells of a pipe-table row; "\|" stays a literal pipe and <br> a line break. */
export function splitRow(line: string): string[] {
  const cells = line.trim().replace(/^\|/, "").replace(/\|$/, "").split(/(?<!\\)\|/);
  return cells.map((c) => c.replace(/\\\|/g, "|").replace(/<br\s*\/?>/gi, "\n").trim());
}

/**
 * Reads a Timeline section line by line: a table, a list, paragraphs of lines, or one heading per
 * time. Timelines are line-shaped, and reading them directly keeps a 2,000-event import fast.
 */
export function importTimeline(text: string, ctx: TimelineContext): TimelineResult {
  const reader = new LineReader(ctx.date, ctx.zone);
  const unmapped: string[] = [];
  let table: { header: string[]; raw: string[] } | null = null;
  let open: TimelineEvent | null = null; // the event that lines without a time continue
  let underHeading = false; // a heading's event keeps collecting paragraphs until the next stamp
  let newParagraph = false;

  // An event line, a date/zone line (null), or neither (false).
  const read = (raw: string): TimelineEvent | null | false => {
    const before = reader.events.length;
    if (!reader.read(raw)) return false;
    return reader.events.length > before ? reader.events[reader.events.length - 1] : null;
  };
  const start = (event: TimelineEvent | null | false, raw: string, heading: boolean) => {
    if (event === false) unmapped.push(raw.trim());
    open = event || null;
    underHeading = heading && Boolean(event);
    newParagraph = false;
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
      const raw = HEADING_RE.exec(line)![1];
      start(read(raw), line, true);
    } else if (LIST_RE.test(line)) {
      start(read(LIST_RE.exec(line)![1]), line, false);
    } else {
      const event = read(line);
      if (event) start(event, line, false);
      else if (event === false && open) {
        const target: TimelineEvent = open;
        target.text = target.text ? `${target.text}${newParagraph ? "\n\n" : "\n"}${line.trim()}` : line.trim();
        newParagraph = false;
      } else if (event === false) unmapped.push(line.trim());
    }
  }
  const events = [...reader.events].sort((a, b) => a.at.localeCompare(b.at));
  return { events, unmapped, problems: reader.problems };
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
  reader.add(
    { ...parsed, zone: parsed.zone ?? headerZone ?? undefined, text: row[textCol] ?? "" },
    {
      ...((EVENT_KINDS as readonly string[]).includes(kind) ? { kind: kind as TimelineEvent["kind"] } : {}),
      ...(actorCol >= 0 ? { actor: row[actorCol] ?? "" } : {}),
      ...(servicesCol >= 0 ? { services: (row[servicesCol] ?? "").split(/[,\s]+/).filter(Boolean) } : {}),
    },
  );
}
