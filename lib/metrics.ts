import { MILESTONE_LABELS, type Milestone, type Postmortem } from "./model";

export interface MetricDefinition {
  key: "detect" | "identify" | "mitigate" | "resolve";
  label: string;
  from: Milestone;
  to: Milestone;
}

/** Each metric spans two milestones; the pair is part of its label so nobody compares unlike figures. */
export const METRIC_DEFINITIONS: readonly MetricDefinition[] = [
  { key: "detect", label: "Time to detect", from: "impact_start", to: "detected" },
  { key: "identify", label: "Time to identify root cause", from: "detected", to: "identified" },
  { key: "mitigate", label: "Time to mitigate", from: "impact_start", to: "mitigated" },
  { key: "resolve", label: "Time to resolve", from: "impact_start", to: "resolved" },
];

export type Metric = MetricDefinition & {
  span: string; // "Impact start → Detected"
} & ({ ok: true; minutes: number; text: string } | { ok: false; problem: string });

export function formatDuration(totalMinutes: number): string {
  const days = Math.floor(totalMinutes / 1440);
  const hours = Math.floor((totalMinutes % 1440) / 60);
  const minutes = totalMinutes % 60;
  const parts: string[] = [];
  if (days) parts.push(`${days}d`);
  if (hours) parts.push(`${hours}h`);
  if (minutes || parts.length === 0) parts.push(`${minutes}m`);
  return parts.join(" ");
}

/** The two milestones a metric is measured between, in words: "Impact start → Detected". */
export const metricSpan = (def: MetricDefinition) => `${MILESTONE_LABELS[def.from]} → ${MILESTONE_LABELS[def.to]}`;

/**
 * One metric in whole minutes, or null when a milestone is missing or they are out of order. The one rule for what
 * counts: deriveMetrics explains the nulls, and the insights page counts them as left out.
 */
export function metricMinutes(def: MetricDefinition, milestones: Postmortem["milestones"]): number | null {
  const from = milestones[def.from];
  const to = milestones[def.to];
  if (!from || !to) return null;
  const ms = Date.parse(to) - Date.parse(from);
  return ms < 0 ? null : Math.round(ms / 60_000);
}

/** Derives the metrics from the milestones; never stored, always recomputed. */
export function deriveMetrics(milestones: Postmortem["milestones"]): Metric[] {
  return METRIC_DEFINITIONS.map((def) => {
    const span = metricSpan(def);
    const minutes = metricMinutes(def, milestones);
    if (minutes !== null) return { ...def, span, ok: true, minutes, text: formatDuration(minutes) };
    const missing = [def.from, def.to].filter((m) => !milestones[m]).map((m) => MILESTONE_LABELS[m]);
    if (missing.length) {
      return { ...def, span, ok: false, problem: `needs the ${missing.join(" and ")} milestone${missing.length > 1 ? "s" : ""}` };
    }
    return { ...def, span, ok: false, problem: `${MILESTONE_LABELS[def.to]} is before ${MILESTONE_LABELS[def.from]}` };
  });
}
