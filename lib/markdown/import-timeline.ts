import type { Heading, RootContent } from "mdast";
import { toString } from "mdast-util-to-string";
import { EVENT_KINDS, type TimelineEvent } from "../model";
import { cleanLine, lineInstant, parseDateLine, parseTimeLine, readDate, type ParsedTimeLine } from "../time/parse-line";
import { findZoneStatement, type Zone } from "../time/zone-names";
import { TimeError } from "../time/zone";
import { column, itemsOf, sourceOf, splitServices, tablesOf } from "./blocks";

export interface TimelineContext {
  date?: string;
  zone: Zone;
}

export interface TimelineResult {
  events: TimelineEvent[];
  unmapped: string[]; // Markdown that had no time, kept by the caller
  problems: string[]; // times that cannot be real; the import fails on these
}

const KIND_RE = new RegExp(`^\\[(${EVENT_KINDS.join("|")})\\]\\s*`, "i");
const DAY_MS = 86_400_000;
const ROLLOVER_MS = 12 * 3_600_000;

function nextDay(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + DAY_MS).toISOString().slice(0, 10);
}

/** Reads a Timeline section written as a list, a table, paragraphs of lines, or one heading per time. */
export function importTimeline(nodes: RootContent[], src: string, ctx: TimelineContext): TimelineResult {
  const result: TimelineResult = { events: [], unmapped: [], problems: [] };
  let date = ctx.date;
  let zone = ctx.zone;
  let previousMs = -Infinity;
  let open: TimelineEvent | null = null; // an event started by a heading, collecting the paragraphs under it

  const add = (line: ParsedTimeLine, extra: Partial<TimelineEvent> = {}): TimelineEvent | null => {
    try {
      let at = lineInstant(line, date, zone);
      // A list that crosses midnight without restating the date moves on to the next day.
      if (!line.date && date && Date.parse(at) < previousMs - ROLLOVER_MS) {
        date = nextDay(date);
        at = lineInstant(line, date, zone);
      }
      if (line.date) date = line.date;
      previousMs = Date.parse(at);
      const kindMatch = KIND_RE.exec(line.text);
      const afterKind = kindMatch ? line.text.slice(kindMatch[0].length) : line.text;
      const { text, services } = splitServices(afterKind);
      const event: TimelineEvent = {
        at,
        kind: (kindMatch?.[1].toLowerCase() as TimelineEvent["kind"]) ?? "event",
        actor: "",
        text: line.until ? `${text} (until ${line.until})` : text,
        services,
        source: "",
        ...extra,
      };
      result.events.push(event);
      return event;
    } catch (err) {
      if (!(err instanceof TimeError)) throw err;
      result.problems.push(`timeline: "${line.time}${line.text ? " " + line.text.slice(0, 40) : ""}": ${err.message}`);
      return null;
    }
  };

  // A line is an event, or sets the date and/or zone for the lines after it ("2015-10-21 (all times UTC)").
  const readLine = (raw: string): boolean => {
    const parsed = parseTimeLine(raw);
    if (parsed) return (add(parsed), true);
    const dated = readDate(cleanLine(raw.replace(/^#+\s*/, "")));
    const stated = findZoneStatement(raw);
    const dateOnly = parseDateLine(raw) ?? (dated && stated ? dated.date : null);
    if (dateOnly) date = dateOnly;
    if (stated) zone = stated;
    return Boolean(dateOnly || stated);
  };

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
        const before = result.events.length;
        if (readLine(raw)) {
          last = result.events.length > before ? result.events[result.events.length - 1] : last;
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
  result.events.sort((a, b) => a.at.localeCompare(b.at));
  return result;
}

function readTable(
  node: RootContent,
  src: string,
  add: (line: ParsedTimeLine, extra?: Partial<TimelineEvent>) => TimelineEvent | null,
  result: TimelineResult,
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
