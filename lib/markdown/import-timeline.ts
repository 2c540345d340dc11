import type { Heading, RootContent } from "mdast";
import { toString } from "mdast-util-to-string";
import { EVENT_KINDS, type TimelineEvent } from "../model";
import { LineReader } from "../time/line-reader";
import { parseTimeLine, type ParsedTimeLine } from "../time/parse-line";
import { findZoneStatement, type Zone } from "../time/zone-names";
import { column, itemsOf, sourceOf, tablesOf } from "./blocks";

export interface TimelineContext {
  date?: string;
  zone: Zone;
}

export interface TimelineResult {
  events: TimelineEvent[];
  unmapped: string[]; // Markdown that had no time, kept by the caller
  problems: string[]; // times that cannot be real; the import fails on these
}

/** Reads a Timeline section written as a list, a table, paragraphs of lines, or one heading per time. */
export function importTimeline(nodes: RootContent[], src: string, ctx: TimelineContext): TimelineResult {
  const reader = new LineReader(ctx.date, ctx.zone);
  const unmapped: string[] = [];
  let open: TimelineEvent | null = null; // an event started by a heading, collecting the paragraphs under it
  const add = reader.add.bind(reader);
  const readLine = reader.read.bind(reader);
  const result = { unmapped };

  for (const node of nodes) {
    if (node.type === "heading") {
      const text = toString(node as Heading);
      const parsed = parseTimeLine(text);
      open = parsed ? add(parsed) : null;
      if (!parsed && !readLine(text)) result.unmapped.push(sourceOf([node], src));
      continue;
    }
    if (node.type === "table") {
      readTable(node, src, add, result);
      continue;
    }
    if (node.type === "list") {
      for (const item of itemsOf([node], src)) {
        if (!readLine(item.text)) result.unmapped.push(`- ${item.text}`);
      }
      continue;
    }
    if (node.type === "paragraph") {
      const lines = sourceOf([node], src).split("\n");
      if (open) {
        open.text = [open.text, lines.join("\n")].filter(Boolean).join("\n\n");
        continue;
      }
      let last: TimelineEvent | null = null;
      for (const raw of lines) {
        const before = reader.events.length;
        if (readLine(raw)) {
          last = reader.events.length > before ? reader.events[reader.events.length - 1] : last;
        } else if (last) {
          last.text += `\n${raw.trim()}`;
        } else if (raw.trim()) {
          result.unmapped.push(raw.trim());
        }
      }
      continue;
    }
    result.unmapped.push(sourceOf([node], src));
  }
  const events = [...reader.events].sort((a, b) => a.at.localeCompare(b.at));
  return { events, unmapped, problems: reader.problems };
}

function readTable(
  node: RootContent,
  src: string,
  add: (line: ParsedTimeLine, extra?: Partial<TimelineEvent>) => TimelineEvent | null,
  result: { unmapped: string[] },
): void {
  for (const { rawHeader, header, rows } of tablesOf([node], src)) {
    const timeCol = header.findIndex((h) => /^(time|when|timestamp)/.test(h));
    const dateCol = column(header, ["date", "day"]);
    const kindCol = column(header, ["kind", "type", "category"]);
    const actorCol = column(header, ["actor", "who", "by", "person", "owner"]);
    const servicesCol = column(header, ["services", "service", "components"]);
    const used = new Set([timeCol, dateCol, kindCol, actorCol, servicesCol]);
    let textCol = column(header, ["event", "events", "description", "what happened", "what", "details", "text", "note", "notes", "action"]);
    if (textCol === -1) textCol = header.findLastIndex((_, i) => !used.has(i));
    const headerZone = timeCol >= 0 ? findZoneStatement(rawHeader[timeCol]) : null;
    for (const row of rows) {
      const stamp = [dateCol >= 0 ? row[dateCol] : "", timeCol >= 0 ? row[timeCol] : ""].join(" ").trim();
      const parsed = parseTimeLine(`${stamp} x`);
      if (!parsed) {
        result.unmapped.push(`| ${row.join(" | ")} |`);
        continue;
      }
      const kind = (row[kindCol] ?? "").trim().toLowerCase();
      const services = (row[servicesCol] ?? "").split(/[,\s]+/).filter(Boolean);
      add(
        { ...parsed, zone: parsed.zone ?? headerZone ?? undefined, text: row[textCol] ?? "" },
        {
          ...((EVENT_KINDS as readonly string[]).includes(kind) ? { kind: kind as TimelineEvent["kind"] } : {}),
          ...(actorCol >= 0 ? { actor: row[actorCol] ?? "" } : {}),
          ...(servicesCol >= 0 ? { services } : {}),
        },
      );
    }
  }
}
