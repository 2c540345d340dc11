import { MILESTONE_LABELS, type ImpactWindow, type Milestone, type Postmortem } from "../model";
import { utcToZoned } from "../time/zone";

/** Gantt task names cannot be escaped like flowchart labels, so anything but plain text is dropped. */
export function ganttText(text: string): string {
  return text.replace(/[^\p{L}\p{N} .,()'/&+-]/gu, " ").replace(/\s+/g, " ").trim() || "unnamed";
}

const stamp = (iso: string, zone: string) => {
  const w = utcToZoned(iso, zone);
  return `${w.date} ${w.time}`;
};

const MARKED: Milestone[] = ["trigger", "detected", "identified", "mitigated", "resolved"];

/** Impact windows per service on a time axis in the incident's zone, with the milestones marked. */
export function impactGantt(pm: Pick<Postmortem, "timeZone" | "milestones" | "impactWindows">, names: (slug: string) => string): string {
  const zone = pm.timeZone;
  const lines = ["gantt", `  title ${ganttText(`Impact windows (${zone})`)}`, "  dateFormat YYYY-MM-DD HH:mm", "  axisFormat %H:%M", "  todayMarker off"];
  const marked = MARKED.filter((m) => pm.milestones[m]);
  if (marked.length) {
    lines.push("  section Milestones");
    for (const m of marked) lines.push(`  ${ganttText(MILESTONE_LABELS[m])} :milestone, ${stamp(pm.milestones[m]!, zone)}, 0m`);
  }
  const bySlug = new Map<string, ImpactWindow[]>();
  for (const w of pm.impactWindows) bySlug.set(w.service, [...(bySlug.get(w.service) ?? []), w]);
  const now = new Date().toISOString();
  for (const [slug, ws] of bySlug) {
    lines.push(`  section ${ganttText(names(slug))}`);
    for (const w of ws) {
      // Mermaid draws "active" lightest and untagged tasks darker, so degraded < partial < major (crit, red).
      const tags = [w.condition === "major" ? "crit" : w.condition === "degraded" ? "active" : ""].filter(Boolean);
      const label = ganttText(`${w.condition}${w.origin ? " (origin)" : ""}${w.end ? "" : " (ongoing)"}`);
      lines.push(`  ${label} :${[...tags, ""].join(", ")}${stamp(w.start, zone)}, ${stamp(w.end ?? now, zone)}`);
    }
  }
  return lines.join("\n") + "\n";
}
