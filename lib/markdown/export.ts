import { Document } from "yaml";
import { MILESTONES, type Cause, type Lesson, type Postmortem } from "../model";
import { utcToZoned } from "../time/zone";
import { escapeCell } from "./blocks";

/** "2020-11-25 02:44 PST": the incident's wall clock, with the abbreviation so DST hours stay exact. */
export function stamp(iso: string, zone: string): string {
  const w = utcToZoned(iso, zone);
  const secs = w.seconds ? `:${String(w.seconds).padStart(2, "0")}` : "";
  return `${w.date} ${w.time}${secs} ${w.abbr}`;
}

function frontMatter(pm: Postmortem): string {
  const milestones: Record<string, string> = {};
  for (const m of MILESTONES) if (pm.milestones[m]) milestones[m] = stamp(pm.milestones[m]!, pm.timeZone);
  const data: Record<string, unknown> = {
    slug: pm.slug,
    severity: pm.severity,
    status: pm.status,
    postmortem_status: pm.postmortemStatus,
    time_zone: pm.timeZone,
  };
  if (Object.keys(milestones).length) data.milestones = milestones;
  if (pm.impactWindows.length) {
    data.impact_windows = pm.impactWindows.map((w) => ({
      service: w.service,
      condition: w.condition,
      start: stamp(w.start, pm.timeZone),
      ...(w.end ? { end: stamp(w.end, pm.timeZone) } : {}),
      ...(w.origin ? { origin: true } : {}),
    }));
  }
  return `---\n${new Document(data).toString({ lineWidth: 0 })}---`;
}

function listItem(text: string): string {
  return `- ${text.split("\n").map((line, i) => (i === 0 || !line ? line : `  ${line}`)).join("\n")}`;
}

function causeList(causes: Cause[], zone: string): string {
  return causes.map((c) => {
    const events = c.events.length ? ` [events: ${c.events.map((e) => stamp(e, zone)).join(", ")}]` : "";
    const services = c.services.length ? ` [services: ${c.services.join(", ")}]` : "";
    return listItem(`${c.text}${events}${services}`);
  }).join("\n");
}

function table(header: string[], rows: string[][]): string {
  const line = (cells: string[]) => `| ${cells.map(escapeCell).join(" | ")} |`;
  return [line(header), `| ${header.map(() => "---").join(" | ")} |`, ...rows.map(line)].join("\n");
}

const LESSON_HEADINGS: [Lesson["kind"], string][] = [
  ["went_well", "What went well"],
  ["went_wrong", "What went wrong"],
  ["got_lucky", "Where we got lucky"],
];

/** Exports a postmortem to Markdown in the common template shape; importing the result gives it back. */
export function exportPostmortem(pm: Postmortem): string {
  const parts: string[] = [frontMatter(pm), `# ${pm.title}`];
  const section = (heading: string, body: string) => {
    if (body.trim()) parts.push(`## ${heading}`, body.trim());
  };
  section("Summary", pm.summary);
  section("Impact", pm.impact);
  section("Trigger", causeList(pm.causes.filter((c) => c.kind === "trigger"), pm.timeZone));
  section("Root Causes", causeList(pm.causes.filter((c) => c.kind === "root_cause"), pm.timeZone));
  section("Contributing Factors", causeList(pm.causes.filter((c) => c.kind === "contributing"), pm.timeZone));
  section("Resolution", pm.resolution);
  section("Detection", pm.detection);
  if (pm.actionItems.length) {
    section("Action Items", table(
      ["Action", "Type", "Priority", "Owner", "Due", "Status", "Tracker"],
      pm.actionItems.map((a) => [a.title, a.type, a.priority, a.owner, a.due ?? "", a.status, a.tracker]),
    ));
  }
  if (pm.lessons.length) {
    parts.push("## Lessons Learned");
    for (const [kind, heading] of LESSON_HEADINGS) {
      const items = pm.lessons.filter((l) => l.kind === kind);
      if (items.length) parts.push(`### ${heading}`, items.map((l) => listItem(l.text)).join("\n"));
    }
  }
  if (pm.timeline.length) {
    section("Timeline", `All times ${pm.timeZone}.\n\n` + table(
      ["Time", "Kind", "Actor", "Services", "Event"],
      pm.timeline.map((e) => [stamp(e.at, pm.timeZone), e.kind, e.actor, e.services.join(", "), e.text]),
    ));
  }
  section("Supporting Information", pm.supporting);
  return parts.join("\n\n") + "\n";
}
