import { unified } from "unified";
import { stringify as stringifyYaml } from "yaml";
import remarkParse from "remark-parse";
import remarkGfm from "remark-gfm";
import { describeIssues, postmortemSchema, type Postmortem } from "../model";
import { slugify } from "../slug";
import { parseDateLine } from "../time/parse-line";
import { displayZoneFor, findZoneStatement, parseZone, type Zone } from "../time/zone-names";
import { itemsOf, sourceOf, splitMarkers } from "./blocks";
import { ImportError, splitFrontMatter } from "./frontmatter";
import { readFrontMatter, readStamp } from "./import-frontmatter";
import { importActionItems } from "./import-items";
import { importTimeline } from "./import-timeline";
import { splitSections, type Section } from "./sections";
import { cutTimelines } from "./cut-timeline";

export { ImportError } from "./frontmatter";

export const MAX_IMPORT_BYTES = 1_000_000;

export interface ImportResult {
  postmortem: Postmortem;
  /** What could not be mapped to a field; each was kept under Supporting Information. */
  unmapped: string[];
  /** Defaults and guesses the importer made, so the author can check them. */
  notes: string[];
}

const parser = unified().use(remarkParse).use(remarkGfm);


/** "Severity: SEV2" and similar lines that people put above the first section. */
function preambleField(sections: Section[], src: string, name: RegExp): string | undefined {
  const pre = sections.find((s) => s.key === "preamble");
  for (const line of sourceOf(pre?.nodes ?? [], src).split("\n")) {
    const m = new RegExp(`^\\W*(?:${name.source})\\W*:\\**\\s*(.+)$`, "i").exec(line);
    if (m) return m[1];
  }
  return undefined;
}

function findDate(sections: Section[], src: string, title: string | null): string | undefined {
  const pre = sections.find((s) => s.key === "preamble");
  const lines = [title ?? "", ...sourceOf(pre?.nodes ?? [], src).split("\n")];
  for (const line of lines) {
    const value = line.replace(/^\W*date\W*:?\**\s*/i, "");
    const date = parseDateLine(value) ?? /\b(\d{4}-\d{2}-\d{2})\b/.exec(line)?.[1];
    if (date) return date;
  }
  return undefined;
}

function findZone(sections: Section[], src: string): Zone | null {
  for (const s of sections) {
    const zone = findZoneStatement(s.heading) ?? (s.key === "preamble" || s.key === "timeline" ? findZoneStatement(s.text ?? sourceOf(s.nodes, src)) : null);
    if (zone) return zone;
  }
  return null;
}

/** Imports a postmortem written in Markdown, tolerant of the template variations people use. */
export function importPostmortem(source: string): ImportResult {
  if (Buffer.byteLength(source, "utf8") > MAX_IMPORT_BYTES) {
    throw new ImportError(["body: larger than 1 MB; split the document or trim attachments"]);
  }
  const { data, body } = splitFrontMatter(source);
  const { rest, timelines } = cutTimelines(body);
  const { title, sections } = splitSections(parser.parse(rest));
  sections.push(...timelines.map((t): Section => ({ key: "timeline", heading: t.heading, depth: t.depth, nodes: [], text: t.text })));
  const notes: string[] = [];
  const unmapped: string[] = [];
  const supporting: string[] = [];

  const severityLine = preambleField(sections, rest, /severity|sev/);
  const fm = readFrontMatter(severityLine && !data.severity ? { ...data, severity: severityLine } : data, notes);
  if (Object.keys(fm.unknown).length) {
    unmapped.push(...Object.keys(fm.unknown).map((k) => `front matter "${k}"`));
    supporting.push("### Other front matter\n\n```yaml\n" + stringifyYaml(fm.unknown) + "```");
  }
  const statedZone = findZone(sections, rest);
  const timeZone = fm.timeZone ?? (statedZone ? displayZoneFor(statedZone) : "UTC");
  if (!fm.timeZone) notes.push(`time zone: not stated in front matter; using ${timeZone}`);
  const readZone: Zone = statedZone ?? parseZone(timeZone) ?? { kind: "iana", name: timeZone };
  const date = fm.date ?? findDate(sections, rest, title);
  const problems = [...fm.problems];
  const milestones = fm.resolveMilestones(date, readZone, problems);
  const impactWindows = fm.resolveImpactWindows(date, readZone, problems);

  const text: Record<string, string[]> = { summary: [], impact: [], resolution: [], detection: [] };
  const pm: Omit<Postmortem, "slug" | "title" | "severity" | "status" | "postmortemStatus" | "timeZone"> = {
    milestones, impactWindows, summary: "", impact: "", resolution: "", detection: "", supporting: "",
    causes: [], actionItems: [], lessons: [], timeline: [],
  };
  let content = 0;
  for (const section of sections) {
    const md = section.text ?? sourceOf(section.nodes, rest);
    if (md) content++;
    switch (section.key) {
      case "summary": case "impact": case "resolution": case "detection":
        if (md) text[section.key].push(md);
        break;
      case "trigger": case "root_causes": case "contributing": {
        const kind = section.key === "root_causes" ? "root_cause" : section.key;
        for (const item of itemsOf(section.nodes, rest)) {
          const { text: causeText, services, events } = splitMarkers(item.text);
          const field = `causes.${pm.causes.length}.events`;
          const at = events.map((e) => readStamp(e, field, date, readZone, problems)).filter((e): e is string => Boolean(e));
          pm.causes.push({ kind, text: causeText, services, events: at });
        }
        break;
      }
      case "action_items":
        pm.actionItems.push(...importActionItems(section.nodes, rest, notes));
        break;
      case "lessons": case "went_well": case "went_wrong": case "got_lucky": {
        const items = itemsOf(section.nodes, rest);
        const kind = section.key === "lessons" ? "went_wrong" : section.key;
        if (section.key === "lessons" && items.length) notes.push(`${items.length} lesson(s) had no went well / went wrong / got lucky heading; filed as "went wrong"`);
        pm.lessons.push(...items.map((i) => ({ kind, text: i.text })));
        break;
      }
      case "timeline": {
        const tl = importTimeline(md, { date, zone: findZoneStatement(section.heading) ?? readZone });
        pm.timeline.push(...tl.events);
        problems.push(...tl.problems);
        if (tl.unmapped.length) {
          unmapped.push(`${tl.unmapped.length} timeline line(s) without a time`);
          supporting.push(`### Timeline notes\n\n${tl.unmapped.join("\n\n")}`);
        }
        break;
      }
      case "supporting":
        if (md) supporting.unshift(md);
        break;
      case "preamble": {
        // Kept whole (date and severity lines included) so nothing the author wrote is dropped.
        if (md) {
          unmapped.push("text before the first section");
          supporting.push(`### Notes\n\n${md}`);
        }
        break;
      }
      case "unmapped":
        unmapped.push(`section "${section.heading}"`);
        supporting.push(`### ${section.heading}${md ? `\n\n${md}` : ""}`);
        break;
    }
  }
  if (problems.length) throw new ImportError(problems);
  if (content === 0 && !Object.keys(milestones).length) {
    throw new ImportError(["document: it has headings but no content under them; nothing to import"]);
  }
  const finalTitle = fm.title ?? title;
  if (!finalTitle) throw new ImportError(["title: missing; add a '# Title' heading or 'title:' to the front matter"]);
  for (const key of Object.keys(text)) (pm as Record<string, unknown>)[key] = text[key].join("\n\n");
  pm.supporting = supporting.join("\n\n");
  pm.timeline.sort((a, b) => a.at.localeCompare(b.at));

  const parsed = postmortemSchema.safeParse({
    ...pm,
    slug: fm.slug ?? slugify(date ? `${finalTitle} ${date}` : finalTitle),
    title: finalTitle,
    severity: fm.severity,
    status: fm.status,
    postmortemStatus: fm.postmortemStatus,
    timeZone,
  });
  if (!parsed.success) throw new ImportError(describeIssues(parsed.error));
  return { postmortem: parsed.data, unmapped, notes };
}
