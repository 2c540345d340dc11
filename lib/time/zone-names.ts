import { isTimeZone } from "../model";
import { zonedToUtc } from "./zone";

/** A zone as people write it: an IANA name, or a fixed offset from an abbreviation like PST. */
export type Zone = { kind: "iana"; name: string } | { kind: "offset"; minutes: number; label: string };

/** Abbreviations people write in postmortems, and every short name Intl (en-US) prints. */
const ABBREVIATIONS: Record<string, number> = {
  UTC: 0, GMT: 0, Z: 0,
  PST: -480, PDT: -420, MST: -420, MDT: -360, CST: -360, CDT: -300, EST: -300, EDT: -240,
  AKST: -540, AKDT: -480, HST: -600,
  BST: 60, CET: 60, CEST: 120, EET: 120, EEST: 180, IST: 330, SGT: 480, JST: 540, AEST: 600, AEDT: 660,
};

/** Region names that follow daylight saving, so they map to a real zone rather than an offset. */
const REGIONS: Record<string, string> = {
  PT: "America/Los_Angeles", PACIFIC: "America/Los_Angeles",
  MT: "America/Denver", MOUNTAIN: "America/Denver",
  CT: "America/Chicago", CENTRAL: "America/Chicago",
  ET: "America/New_York", EASTERN: "America/New_York",
};

/** The zone a reader most likely means by an abbreviation, for displaying an imported incident. */
const DISPLAY_ZONE: Record<string, string> = {
  PST: "America/Los_Angeles", PDT: "America/Los_Angeles",
  MST: "America/Denver", MDT: "America/Denver",
  CST: "America/Chicago", CDT: "America/Chicago",
  EST: "America/New_York", EDT: "America/New_York",
  BST: "Europe/London", CET: "Europe/Berlin", CEST: "Europe/Berlin", JST: "Asia/Tokyo", IST: "Asia/Kolkata",
};

const OFFSET_RE = /^(?:UTC|GMT)([+-])(\d{1,2})(?::?(\d{2}))?$/;

export function parseZone(token: string): Zone | null {
  const t = token.trim().replace(/^\(|\)$/g, "");
  if (!t) return null;
  const upper = t.toUpperCase();
  const offset = OFFSET_RE.exec(upper);
  if (offset) {
    const minutes = (Number(offset[2]) * 60 + Number(offset[3] ?? 0)) * (offset[1] === "-" ? -1 : 1);
    return { kind: "offset", minutes, label: t };
  }
  if (t === upper && upper in ABBREVIATIONS) return { kind: "offset", minutes: ABBREVIATIONS[upper], label: upper };
  if (upper in REGIONS) return { kind: "iana", name: REGIONS[upper] };
  if (t.includes("/") && isTimeZone(t)) return { kind: "iana", name: t };
  return null;
}

/** The IANA zone to display an incident in when a document only states a zone like "PST". */
export function displayZoneFor(zone: Zone): string {
  if (zone.kind === "iana") return zone.name;
  if (zone.minutes === 0) return "UTC";
  return DISPLAY_ZONE[zone.label.toUpperCase()] ?? "UTC";
}

/** Wall-clock date and time in a zone -> UTC ISO instant. */
export function toInstant(date: string, time: string, zone: Zone): string {
  if (zone.kind === "iana") return zonedToUtc(date, time, zone.name);
  const asUtc = Date.parse(zonedToUtc(date, time, "UTC"));
  return new Date(asUtc - zone.minutes * 60_000).toISOString();
}

const STATEMENT_RE = /\ball\s+times?\b|\btimes?(?:\s+(?:below|above|here|here\s+below))?\s+(?:are|is|shown|given|listed|in)\b|\btime\s*zone\s*:/i;
const PAREN_RE = /\(([A-Za-z_]+\/[A-Za-z_/]+|(?:UTC|GMT)(?:[+-]\d{1,2}(?::?\d{2})?)?|[A-Z]{2,5})\)/;

/** Finds a zone stated once for a whole document or section: "All times PST", "Timeline (UTC)". */
export function findZoneStatement(text: string): Zone | null {
  const statement = STATEMENT_RE.exec(text);
  if (statement) {
    const rest = text.slice(statement.index + statement[0].length).split(/[.\n]/)[0];
    for (const word of rest.split(/[\s,;:()]+/)) {
      const zone = parseZone(word) ?? (word.length <= 5 ? parseZone(word.toUpperCase()) : null);
      if (zone) return zone;
    }
  }
  const paren = PAREN_RE.exec(text);
  return paren ? parseZone(paren[1]) : null;
}
