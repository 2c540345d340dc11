import { EVENT_KINDS, type TimelineEvent } from "../model";
import { splitServices } from "../markdown/blocks";
import { cleanLine, lineInstant, parseDateLine, parseTimeLine, readDate, type ParsedTimeLine } from "./parse-line";
import { TimeError } from "./zone";
import { findZoneStatement, type Zone } from "./zone-names";

const KIND_RE = new RegExp(`^\\[(${EVENT_KINDS.join("|")})\\]\\s*`, "i");
const DAY_MS = 86_400_000;
const ROLLOVER_MS = 12 * 3_600_000;

function nextDay(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + DAY_MS).toISOString().slice(0, 10);
}

/**
 * Reads timeline lines in order, remembering the date and zone they state along the way, so
 * "2020-11-25 (all times PST)" followed by "05:15 alarms" gives the right instant. Used by the
 * Markdown importer and by the editor's paste box alike.
 */
export class LineReader {
  readonly events: TimelineEvent[] = [];
  readonly problems: string[] = [];
  /** Guesses made along the way (a year taken from the document for "Tuesday, March 13"). */
  readonly notes: string[] = [];
  private previousMs = -Infinity;

  constructor(public date: string | undefined, public zone: Zone) {}

  /** Adds one parsed line as an event; a time that cannot be real becomes a problem instead. */
  add(line: ParsedTimeLine, extra: Partial<TimelineEvent> = {}): TimelineEvent | null {
    try {
      let at = lineInstant(line, this.date, this.zone);
      // A list that crosses midnight without restating the date moves on to the next day.
      if (!line.date && this.date && Date.parse(at) < this.previousMs - ROLLOVER_MS) {
        this.date = nextDay(this.date);
        at = lineInstant(line, this.date, this.zone);
      }
      if (line.date) this.date = line.date;
      this.previousMs = Date.parse(at);
      const kindMatch = KIND_RE.exec(line.text);
      const { text, services } = splitServices(kindMatch ? line.text.slice(kindMatch[0].length) : line.text);
      const event: TimelineEvent = {
        at,
        kind: (kindMatch?.[1].toLowerCase() as TimelineEvent["kind"]) ?? "event",
        actor: "",
        text: line.until ? `${text} (until ${line.until})` : text,
        services,
        source: "",
        ...extra,
      };
      this.events.push(event);
      return event;
    } catch (err) {
      if (!(err instanceof TimeError)) throw err;
      this.problems.push(`timeline: "${line.time}${line.text ? " " + line.text.slice(0, 40) : ""}": ${err.message}`);
      return null;
    }
  }

  private guessedYear<T>(value: T | null, raw: string): T | null {
    if (value) this.notes.push(`timeline: "${raw.replace(/^[#\s]+/, "").trim()}" has no year; ${this.date!.slice(0, 4)} assumed`);
    return value;
  }

  /** An event line, or a line that sets the date and/or zone for what follows. False if it is neither. */
  read(raw: string): boolean {
    const year = this.date ? Number(this.date.slice(0, 4)) : undefined;
    const parsed = parseTimeLine(raw) ?? (year ? this.guessedYear(parseTimeLine(raw, year), raw) : null);
    if (parsed) return (this.add(parsed), true);
    const cleaned = cleanLine(raw.replace(/^#+\s*/, ""));
    const dated = readDate(cleaned) ?? (year ? readDate(cleaned, year) : null);
    const stated = findZoneStatement(raw);
    const dateOnly = parseDateLine(raw) ?? (year ? this.guessedYear(parseDateLine(raw, year), raw) : null) ?? (dated && stated ? dated.date : null);
    if (dateOnly) this.date = dateOnly;
    if (stated) this.zone = stated;
    return Boolean(dateOnly || stated);
  }
}

export interface PastePreview {
  events: TimelineEvent[];
  problems: string[];
  skipped: string[];
}

/** Pasted lines such as "05:15 First alarms" or "10:23 PM Kinesis recovered" -> events, before adding them. */
export function parsePastedLines(text: string, date: string | undefined, zone: Zone): PastePreview {
  const reader = new LineReader(date, zone);
  const skipped: string[] = [];
  for (const raw of text.split(/\r?\n/)) {
    if (raw.trim() && !reader.read(raw)) skipped.push(raw.trim());
  }
  return { events: reader.events, problems: reader.problems, skipped };
}
