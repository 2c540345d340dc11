import { INCIDENT_STATUSES, MILESTONES, POSTMORTEM_STATUSES, isTimeZone, type Milestone, type Postmortem } from "../model";
import { lineInstant, parseTimeLine } from "../time/parse-line";
import { TimeError } from "../time/zone";
import type { Zone } from "../time/zone-names";

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

function severity(value: unknown, notes: string[]): string {
  const raw = str(value);
  const digit = raw && /([0-4])/.exec(raw);
  if (digit) return `SEV${Math.max(1, Number(digit[1]))}`;
  if (raw && /critical/i.test(raw)) return "SEV1";
  if (raw && /major|high/i.test(raw)) return "SEV2";
  if (raw && /minor|low/i.test(raw)) return "SEV4";
  notes.push(`severity: ${raw ? `"${raw}" not understood` : "not stated"}; set to SEV3`);
  return "SEV3";
}

function pick<T extends string>(value: unknown, allowed: readonly T[], fallback: T): T | string {
  const raw = str(value)?.toLowerCase().replace(/[\s-]+/g, "_");
  if (!raw) return fallback;
  return (allowed as readonly string[]).includes(raw) ? (raw as T) : raw;
}

/** Reads the structured fields of the front matter; times are resolved once the date and zone are known. */
export function readFrontMatter(data: Record<string, unknown>, notes: string[]) {
  const problems: string[] = [];
  const zone = str(data.time_zone ?? data.timezone ?? data.tz ?? data.zone);
  if (zone && !isTimeZone(zone)) problems.push(`time_zone: "${zone}" is not an IANA time zone such as America/Los_Angeles`);
  const rawDate = str(data.date);
  if (rawDate && !/^\d{4}-\d{2}-\d{2}$/.test(rawDate)) problems.push(`date: "${rawDate}" must be written YYYY-MM-DD`);
  const milestonesRaw = data.milestones ?? {};
  const windowsRaw = data.impact_windows ?? data.impact ?? [];
  if (typeof milestonesRaw !== "object" || Array.isArray(milestonesRaw)) problems.push("milestones: must be a set of name: time lines");
  if (!Array.isArray(windowsRaw)) problems.push("impact_windows: must be a list");
  const unknown = Object.fromEntries(Object.entries(data).filter(([k]) => !KNOWN.has(k)));

  return {
    slug: str(data.slug),
    title: str(data.title),
    date: rawDate,
    timeZone: zone && isTimeZone(zone) ? zone : undefined,
    severity: severity(data.severity ?? data.sev, notes),
    status: pick(data.status ?? data.state, INCIDENT_STATUSES, "resolved"),
    postmortemStatus: pick(data.postmortem_status ?? data.review_status, POSTMORTEM_STATUSES, "draft"),
    unknown,
    problems,

    resolveMilestones(date: string | undefined, z: Zone, out: string[]): Postmortem["milestones"] {
      const result: Postmortem["milestones"] = {};
      if (typeof milestonesRaw !== "object" || Array.isArray(milestonesRaw)) return result;
      for (const [name, value] of Object.entries(milestonesRaw as Record<string, unknown>)) {
        const key = (MILESTONES as readonly string[]).includes(name) ? (name as Milestone) : MILESTONE_ALIASES[name];
        if (!key) {
          out.push(`milestones.${name}: not a milestone (use ${MILESTONES.join(", ")})`);
          continue;
        }
        const at = readStamp(value, `milestones.${name}`, date, z, out);
        if (at) result[key] = at;
      }
      return result;
    },

    resolveImpactWindows(date: string | undefined, z: Zone, out: string[]): Postmortem["impactWindows"] {
      if (!Array.isArray(windowsRaw)) return [];
      return windowsRaw.map((w: Record<string, unknown>, i: number) => {
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
    },
  };
}
