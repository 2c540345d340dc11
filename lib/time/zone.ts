/**
 * Converting between UTC instants and wall-clock time in an IANA zone, using only Intl.
 * Instants are stored in UTC; people type and read wall-clock times in the incident's zone.
 */

const formatters = new Map<string, Intl.DateTimeFormat>();

function partsFormatter(zone: string): Intl.DateTimeFormat {
  let f = formatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", {
      timeZone: zone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
      timeZoneName: "short",
    });
    formatters.set(zone, f);
  }
  return f;
}

export interface WallTime {
  date: string; // YYYY-MM-DD
  time: string; // HH:MM
  seconds: number;
  abbr: string; // PST, UTC, GMT+1…
}

export function wallTime(ms: number, zone: string): WallTime {
  const parts: Record<string, string> = {};
  for (const p of partsFormatter(zone).formatToParts(new Date(ms))) parts[p.type] = p.value;
  return {
    date: `${parts.year}-${parts.month}-${parts.day}`,
    time: `${parts.hour}:${parts.minute}`,
    seconds: Number(parts.second),
    abbr: parts.timeZoneName ?? zone,
  };
}

function wallAsUtcMs(w: WallTime): number {
  return Date.parse(`${w.date}T${w.time}:${String(w.seconds).padStart(2, "0")}Z`);
}

/** Offset of the zone from UTC at an instant, in milliseconds (PST is -8h). */
export function zoneOffsetMs(ms: number, zone: string): number {
  return wallAsUtcMs(wallTime(ms, zone)) - Math.floor(ms / 1000) * 1000;
}

export class TimeError extends Error {}

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME_RE = /^(\d{1,2}):(\d{2})(?::(\d{2}))?$/;

/**
 * Wall-clock date and time in a zone -> UTC ISO instant.
 * Impossible dates (Feb 30, 25:00) and times skipped by a DST change throw TimeError;
 * a time repeated when clocks go back resolves to its first occurrence.
 */
export function zonedToUtc(date: string, time: string, zone: string): string {
  const d = DATE_RE.exec(date);
  const t = TIME_RE.exec(time);
  if (!d) throw new TimeError(`"${date}" is not a date (expected YYYY-MM-DD)`);
  if (!t) throw new TimeError(`"${time}" is not a time (expected HH:MM)`);
  const [y, mo, da] = [Number(d[1]), Number(d[2]), Number(d[3])];
  const [h, mi, s] = [Number(t[1]), Number(t[2]), Number(t[3] ?? 0)];
  if (h > 23 || mi > 59 || s > 59) throw new TimeError(`"${time}" is not a valid time of day`);
  const wallMs = Date.UTC(y, mo - 1, da, h, mi, s);
  const check = new Date(wallMs);
  if (check.getUTCFullYear() !== y || check.getUTCMonth() !== mo - 1 || check.getUTCDate() !== da) {
    throw new TimeError(`"${date}" is not a real calendar date`);
  }
  if (zone === "UTC") return new Date(wallMs).toISOString();
  // Same offset a day either side: no DST change nearby, so exactly one instant has this wall time.
  const before = zoneOffsetMs(wallMs - 86_400_000, zone);
  const after = zoneOffsetMs(wallMs + 86_400_000, zone);
  if (before === after) return new Date(wallMs - before).toISOString();
  const candidates = new Set<number>([wallMs - before, wallMs - after, wallMs - zoneOffsetMs(wallMs, zone)]);
  const matches = [...candidates].filter((c) => wallAsUtcMs(wallTime(c, zone)) === wallMs).sort((a, b) => a - b);
  if (matches.length === 0) {
    throw new TimeError(`${date} ${time} does not exist in ${zone} (clocks skip it at a daylight-saving change)`);
  }
  return new Date(matches[0]).toISOString();
}

/** UTC ISO instant -> { date, time, abbr } in the zone. */
export function utcToZoned(iso: string, zone: string): WallTime {
  return wallTime(Date.parse(iso), zone);
}

export function formatInZone(iso: string, zone: string, withDate = true): string {
  const w = utcToZoned(iso, zone);
  return withDate ? `${w.date} ${w.time} ${w.abbr}` : `${w.time}`;
}
