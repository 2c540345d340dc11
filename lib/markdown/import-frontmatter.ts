import { MILESTONES, POSTMORTEM_STATUSES, impactWindowSchema, isTimeZone, type Milestone, type Postmortem } from "../model";
import { lineInstant, parseTimeLine, readDate } from "../time/parse-line";
import { TimeError } from "../time/zone";
import { displayZoneFor, parseZone, type Zone } from "../time/zone-names";
import { readIncidentStatus, readSeverity } from "./import-meta";

const KNOWN = new Set([
  "slug", "title", "severity", "sev", "status", "state", "postmortem_status", "review_status",
  "time_zone", "timezone", "tz", "zone", "date", "milestones", "impact_windows", "impact",
]);

const MILESTONE_ALIASES: Record<string, Milestone> = {
  start: "impact_start", impact_started: "impact_start", detection: "detected", root_cause_identified: "identified",
  mitigation: "mitigated", end: "impact_end", impact_ended: "impact_end", resolution: "resolved",
};

const CONDITION_ALIASES: Record<string, string> = {
  degraded_performance: "degraded", minor: "degraded", partial_outage: "partial", major_outage: "major", outage: "major",
};

const str = (v: unknown): string | undefined => (v === undefined || v === null ? undefined : String(v).trim());

/** A stamp from front matter: an ISO instant, or "2020-11-25 02:44 PST", or "02:44" on the incident's date. */
export function readStamp(value: unknown, field: string, date: string | undefined, zone: Zone, problems: string[]): string | undefined {
  const raw = str(value);
  if (!raw) return undefined;
  if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(raw) && !Number.isNaN(Date.parse(raw))) {
    return new Date(raw).toISOString();
  }
  const line = parseTimeLine(`${raw} x`);
  if (!line) {
    problems.push(`${field}: "${raw}" is not a time (write it like 2020-11-25 05:15 PST)`);
    return undefined;
  }
  try {
    return lineInstant(line, date, zone);
  } catch (err) {
    if (!(err instanceof TimeError)) throw err;
    problems.push(`${field}: ${err.message}`);
    return undefined;
  }
}

function reviewStatus(value: unknown, notes: string[]): Postmortem["postmortemStatus"] {
  const raw = str(value)?.toLowerCase().replace(/[\s-]+/g, "_");
  if (!raw) return "draft";
  if ((POSTMORTEM_STATUSES as readonly string[]).includes(raw)) return raw as Postmortem["postmortemStatus"];
  notes.push(`postmortem_status: "${str(value)}" not understood; set to draft`);
  return "draft";
}

function timeZoneOf(raw: string | undefined, problems: string[]): string | undefined {
  if (!raw) return undefined;
  if (isTimeZone(raw) && raw.includes("/")) return raw;
  const zone = parseZone(raw) ?? parseZone(raw.toUpperCase());
  if (zone) {
    const name = displayZoneFor(zone);
    if (name !== raw) problems.push(`time_zone: "${raw}" read as ${name}`);
    return name;
  }
  if (isTimeZone(raw)) return raw;
  problems.push(`time_zone: "${raw}" is not a time zone such as America/Los_Angeles; ignored`);
  return undefined;
}

function dateOf(value: unknown, problems: string[]): string | undefined {
  if (value instanceof Date && !Number.isNaN(value.getTime())) return value.toISOString().slice(0, 10);
  const raw = str(value);
  if (!raw) return undefined;
  if (/^\d{4}-\d{2}-\d{2}$/.test(raw)) return raw;
  const read = readDate(raw);
  if (read) {
    problems.push(`date: "${raw}" read as ${read.date}`);
    return read.date;
  }
  problems.push(`date: "${raw}" is not a date; ignored`);
  return undefined;
}

/**
 * Reads the structured fields of the front matter; times are resolved once the date and zone are
 * known. Nothing here refuses a document: what cannot be read is reported in `problems`.
 */
export function readFrontMatter(data: Record<string, unknown>, notes: string[]) {
  const problems: string[] = [];
  const zoneRaw = str(data.time_zone ?? data.timezone ?? data.tz ?? data.zone);
  const zone = timeZoneOf(zoneRaw, problems);
  const rawDate = dateOf(data.date, problems);
  const milestonesRaw = data.milestones ?? {};
  const windowsRaw = data.impact_windows ?? data.impact ?? [];
  if (typeof milestonesRaw !== "object" || Array.isArray(milestonesRaw)) problems.push("milestones: must be a set of name: time lines");
  if (!Array.isArray(windowsRaw)) problems.push("impact_windows: must be a list");
  const unknown = Object.fromEntries(Object.entries(data).filter(([k]) => !KNOWN.has(k)));

  return {
    slug: str(data.slug),
    title: str(data.title),
    date: rawDate,
    timeZone: zone,
    severity: readSeverity(str(data.severity ?? data.sev), notes),
    status: readIncidentStatus(str(data.status ?? data.state), notes),
    postmortemStatus: reviewStatus(data.postmortem_status ?? data.review_status, notes),
    unknown,
    problems,

    resolveMilestones(date: string | undefined, z: Zone, out: string[]): Postmortem["milestones"] {
      const result: Postmortem["milestones"] = {};
      if (typeof milestonesRaw !== "object" || Array.isArray(milestonesRaw)) return result;
      for (const [name, value] of Object.entries(milestonesRaw as Record<string, unknown>)) {
        const key = (MILESTONES as readonly string[]).includes(name) ? (name as Milestone) : MILESTONE_ALIASES[name];
        if (!key) {
          out.push(`milestones.${name}: not a milestone (use ${MILESTONES.join(", ")}); kept under Supporting information`);
          continue;
        }
        const at = readStamp(value, `milestones.${name}`, date, z, out);
        if (at) result[key] = at;
      }
      return result;
    },

    /** Windows that cannot be read are left out and reported; the caller keeps the front matter as written. */
    resolveImpactWindows(date: string | undefined, z: Zone, out: string[]): Postmortem["impactWindows"] {
      if (!Array.isArray(windowsRaw)) return [];
      const windows = windowsRaw.map((w: Record<string, unknown>, i: number) => {
        const field = `impact_windows.${i}`;
        const condition = str(w?.condition)?.toLowerCase() ?? "";
        return {
          service: str(w?.service) ?? "",
          condition: (CONDITION_ALIASES[condition] ?? condition) as "major",
          start: readStamp(w?.start, `${field}.start`, date, z, out) ?? "",
          end: readStamp(w?.end, `${field}.end`, date, z, out) ?? null,
          origin: w?.origin === true || w?.role === "origin",
        };
      });
      return windows.filter((w, i) => {
        const parsed = impactWindowSchema.safeParse(w);
        if (!parsed.success) out.push(`impact_windows.${i}: ${parsed.error.issues.map((x) => `${x.path.join(".") || "window"} ${x.message}`).join("; ")}; left out, kept under Supporting information`);
        return parsed.success;
      });
    },
  };
}
