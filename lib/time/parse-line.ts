import { parseZone, toInstant, type Zone } from "./zone-names";
import { TimeError } from "./zone";

const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
const MONTH = "(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?";
const WEEKDAY = "(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\\.?,?\\s+)?";
const DATE_PATTERNS: { re: RegExp; build: (m: RegExpExecArray, year: number) => string }[] = [
  { re: /^(\d{4})-(\d{2})-(\d{2})/, build: (m) => `${m[1]}-${m[2]}-${m[3]}` },
  { re: new RegExp(`^${WEEKDAY}${MONTH}\\s+(\\d{1,2})(?:st|nd|rd|th)?(?:,?\\s+(\\d{4}))?`, "i"), build: (m, y) => pad(m[3] ?? y, month(m[1]), +m[2]) },
  { re: new RegExp(`^${WEEKDAY}(\\d{1,2})(?:st|nd|rd|th)?\\s+${MONTH}(?:,?\\s+(\\d{4}))?`, "i"), build: (m, y) => pad(m[3] ?? y, month(m[2]), +m[1]) },
  { re: /^(\d{1,2})\/(\d{1,2})\/(\d{4})/, build: (m) => pad(m[3], +m[1], +m[2]) },
];

function month(name: string): number {
  return MONTHS.indexOf(name.slice(0, 3).toLowerCase()) + 1;
}
function pad(year: string | number, m: number, d: number): string {
  return `${year}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}

/** Reads a leading date ("2020-11-25", "Nov 25, 2020", "25 November") off a string. */
export function readDate(text: string, fallbackYear?: number): { date: string; rest: string } | null {
  for (const p of DATE_PATTERNS) {
    const m = p.re.exec(text);
    if (!m) continue;
    let date = p.build(m, fallbackYear ?? 0);
    if (date.startsWith("-") || date.startsWith("0-")) {
      if (!fallbackYear) continue;
      date = String(fallbackYear) + date.slice(date.indexOf("-"));
    }
    return { date, rest: text.slice(m[0].length) };
  }
  return null;
}

const TIME = "(\\d{1,2}):(\\d{2})(?::(\\d{2}))?(?:\\s*([ap])\\.?\\s?m(?:\\.|\\b))?";
const TIME_RE = new RegExp(`^${TIME}`, "i");
/** "0728 - text", "0728Z text": four digits read as a time only where nothing else could be meant. */
const COMPACT_RE = /^([01]\d|2[0-3])([0-5]\d)(?:(Z)\b|(?=\s*(?:[-–—|]|:\s)))/;
const RANGE_RE = new RegExp(`^\\s*(?:-|–|—|to)\\s*${TIME}`, "i");

function to24h(m: RegExpExecArray): string | null {
  let hour = Number(m[1]);
  const meridiem = m[4]?.toLowerCase();
  // "17:14pm" says the same thing twice; only a contradiction such as "13:15 AM" is not a time.
  if (meridiem && !(meridiem === "p" && hour > 12 && hour < 24)) {
    if (hour < 1 || hour > 12) return null;
    hour = (hour % 12) + (meridiem === "p" ? 12 : 0);
  }
  const sec = m[3] ? `:${m[3]}` : "";
  return `${String(hour).padStart(2, "0")}:${m[2]}${sec}`;
}

export interface ParsedTimeLine {
  date?: string;
  time: string; // HH:MM or HH:MM:SS, 24-hour
  until?: string; // end of a range like 8:20 - 8:24
  zone?: Zone;
  text: string;
}

/** Strips list markers, emphasis around the stamp and "approx." so "- **05:15** text" reads as "05:15 text". */
export function cleanLine(line: string): string {
  return line
    .trim()
    .replace(/^(?:[-*+]\s+|\d+[.)]\s+)/, "")
    .replace(/^\*\*([^*]+)\*\*/, "$1")
    .replace(/^__([^_]+)__/, "$1")
    .replace(/^`([^`]+)`/, "$1")
    .replace(/^(?:~|approx\.?\s*|about\s+|c\.\s*)/i, "")
    .trim();
}

/** Parses one line that starts with a time (optionally preceded by a date). Null when it has no leading time. */
export function parseTimeLine(raw: string, fallbackYear?: number): ParsedTimeLine | null {
  let rest = cleanLine(raw);
  const dated = readDate(rest, fallbackYear);
  let date: string | undefined;
  if (dated) {
    const after = dated.rest.replace(/^[\sT,]+(?:at\s+)?/i, "");
    if (!TIME_RE.test(after)) return null;
    date = dated.date;
    rest = after;
  }
  const t = TIME_RE.exec(rest);
  const compact = t ? null : COMPACT_RE.exec(rest);
  if (!t && !compact) return null;
  // An impossible stamp such as "13:15 AM" is still a stamp: keep it so resolving it reports the error.
  const time = t ? (to24h(t) ?? t[0]) : `${compact![1]}:${compact![2]}`;
  rest = rest.slice((t ?? compact)![0].length);
  if (compact?.[3]) rest = ` UTC${rest}`;
  let until: string | undefined;
  const range = RANGE_RE.exec(rest);
  if (range) {
    until = to24h(range) ?? undefined;
    rest = rest.slice(range[0].length);
  }
  let zone: Zone | undefined;
  const offset = /^\s*\(?([+-]\d{2}:?\d{2})\)?(?=[\s:|—–-]|$)/.exec(rest);
  if (offset) rest = ` UTC${offset[1]}${rest.slice(offset[0].length)}`;
  const zoneWord = /^\s*\(?([A-Za-z]{1,5}(?:[+-]\d{1,2}(?::?\d{2})?)?)\)?(?=[\s:|—–-]|$)/.exec(rest);
  if (zoneWord) {
    const z = parseZone(zoneWord[1]);
    if (z) {
      zone = z;
      rest = rest.slice(zoneWord[0].length);
    }
  }
  const text = rest.replace(/^\s*(?:[-–—:|]\s*)?/, "").replace(/^\*\*\s*|\s*\*\*$/g, "").trim();
  return { date, time, until, zone, text };
}

/** A line that is only a date, such as "### 2020-11-25" or "**November 25, 2020**". */
export function parseDateLine(raw: string, fallbackYear?: number): string | null {
  const line = cleanLine(raw.replace(/^#+\s*/, "")).replace(/[*_:]+$/g, "").trim();
  const dated = readDate(line, fallbackYear);
  return dated && dated.rest.replace(/[\s*_:()]|(?:PST|PDT|UTC)/gi, "") === "" ? dated.date : null;
}

/** Resolves a parsed line to an instant; throws TimeError naming what is wrong. */
export function lineInstant(line: ParsedTimeLine, date: string | undefined, zone: Zone): string {
  const day = line.date ?? date;
  if (!day) throw new TimeError(`"${line.time}" has no date: state the date once before the timeline`);
  return toInstant(day, line.time, line.zone ?? zone);
}
