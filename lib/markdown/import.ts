import { unified } from "unified";
import { stringify as stringifyYaml } from "yaml";
import remarkParse from "remark-parse";
import remarkGfm from "remark-gfm";
import { describeIssues, postmortemSchema, type Lesson, type Postmortem } from "../model";
import { slugify } from "../slug";
import { parseDateLine, readDate } from "../time/parse-line";
import { displayZoneFor, findZoneStatement, parseZone, type Zone } from "../time/zone-names";
import { itemsOf, sourceOf, splitMarkers } from "./blocks";
import { ImportError, splitFrontMatter } from "./frontmatter";
import { readFrontMatter, readStamp } from "./import-frontmatter";
import { importActionItems } from "./import-items";
import { importLessons } from "./import-lessons";
import { metadataField } from "./import-meta";
import { importTimeline } from "./import-timeline";
import { deriveMilestones, type DerivedMilestone } from "./derive-milestones";
import { splitSections, type Section } from "./sections";
import { cutTimelines } from "./cut-timeline";

export { ImportError } from "./frontmatter";
export type { DerivedMilestone } from "./derive-milestones";

export const MAX_IMPORT_BYTES = 1_000_000;
const MAX_TITLE = 300;
const MAX_TEXT = 20_000;

export interface ImportOptions {
  /** The file's name, used for a title when the document has none. */
  fileName?: string;
}

/** The import report: what was kept elsewhere, what was adjusted or guessed, which milestones were derived. */
export interface ImportResult {
  postmortem: Postmortem;
  /** What could not be mapped to a field; each was kept under Supporting Information. */
  unmapped: string[];
  /** Adjustments, defaults and guesses the importer made, so the author can check them. */
  notes: string[];
  /** Milestones read from the timeline's wording because the document did not state them. */
  derived: DerivedMilestone[];
}

const parser = unified().use(remarkParse).use(remarkGfm);

function preambleLines(sections: Section[], src: string): string[] {
  const pre = sections.find((s) => s.key === "preamble");
  return sourceOf(pre?.nodes ?? [], src).split("\n");
}

const ANY_DATE_RE = /\b(\d{4}-\d{2}-\d{2})\b|\b((?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.? \d{1,2}(?:st|nd|rd|th)?,? \d{4})\b|\b(\d{1,2} (?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]* \d{4})\b/i;

function realDate(date: string | undefined): string | undefined {
  const ms = date ? Date.parse(`${date}T00:00:00Z`) : NaN;
  return !Number.isNaN(ms) && new Date(ms).toISOString().slice(0, 10) === date ? date : undefined;
}

function findDate(lines: string[], title: string | null): string | undefined {
  const stated = metadataField(lines, /date|incident date|date of incident|when/);
  for (const line of [stated ?? "", title ?? "", ...lines]) {
    const value = line.replace(/^\W*(?:date|incident)\W*:?\**\s*/i, "").replace(/^incident on\s+/i, "");
    const date = realDate(parseDateLine(value) ?? readDate(value.trim())?.date);
    if (date && !date.startsWith("0")) return date;
    const any = ANY_DATE_RE.exec(line);
    if (any && realDate(readDate(any[0])?.date)) return readDate(any[0])!.date;
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

/** Text longer than a field allows: the field keeps the start, Supporting information keeps it all. */
function fit(text: string, max: number, what: string, notes: string[], overflow: string[]): string {
  if (text.length <= max) return text;
  overflow.push(`#### ${what}\n\n${text}`);
  notes.push(`${what}: longer than ${max.toLocaleString("en")} characters; shortened, full text kept under Supporting information`);
  return `${text.slice(0, max - 1)}…`;
}

function titleFrom(fileName: string | undefined, body: string): string | null {
  const base = fileName?.split(/[\\/]/).pop()?.replace(/\.(md|markdown|txt)$/i, "").replace(/[-_]+/g, " ").trim();
  if (base) return base;
  const first = body.split("\n").map((l) => l.replace(/^[#>*\-\s]+/, "").trim()).find(Boolean);
  return first ? first.slice(0, 120) : null;
}

function looksBinary(source: string): boolean {
  if (source.includes("\u0000")) return true;
  const sample = source.slice(0, 8192);
  const replaced = sample.split("\uFFFD").length - 1;
  return replaced > 8 && replaced / sample.length > 0.01;
}

/**
 * Imports a postmortem written in Markdown, tolerant of the template variations people use. Pure
 * and synchronous. It never refuses a document for one field: what does not fit is kept under
 * Supporting information and listed in the report. Only text that is not text, or has no
 * content at all, is refused with an ImportError.
 */
export function importPostmortem(source: string, options: ImportOptions = {}): ImportResult {
  if (Buffer.byteLength(source, "utf8") > MAX_IMPORT_BYTES) {
    throw new ImportError(["body: larger than 1 MB; split the document or trim attachments"]);
  }
  if (looksBinary(source)) throw new ImportError(["file: not text (it looks like a binary file); export the postmortem as Markdown"]);
  if (!source.trim()) throw new ImportError(["document: empty; nothing to import"]);
  const { data, body, unreadable } = splitFrontMatter(source);
  const { rest, timelines } = cutTimelines(body);
  const { title, sections } = splitSections(parser.parse(rest));
  sections.push(...timelines.map((t): Section => ({ key: "timeline", heading: t.heading, depth: t.depth, nodes: [], text: t.text })));
  const notes: string[] = timelines.filter((t) => t.guessed).map((t) => `section "${t.heading}": read as a timeline (most of its lines start with a time)`);
  const unmapped: string[] = [];
  const supporting: string[] = [];
  const overflow: string[] = [];
  if (unreadable) {
    notes.push(unreadable.problem);
    if (unreadable.yaml) supporting.push("### Front matter as written\n\n```yaml\n" + unreadable.yaml + "\n```");
  }

  const pre = preambleLines(sections, rest);
  const severityLine = metadataField(pre, /severity|sev|priority|impact level/);
  const statusLine = metadataField(pre, /status|state|incident status/);
  const fm = readFrontMatter({
    ...(severityLine && data.severity === undefined && data.sev === undefined ? { severity: severityLine } : {}),
    ...(statusLine && data.status === undefined && data.state === undefined ? { status: statusLine } : {}),
    ...data,
  }, notes);
  if (Object.keys(fm.unknown).length) {
    unmapped.push(...Object.keys(fm.unknown).map((k) => `front matter "${k}"`));
    supporting.push("### Other front matter\n\n```yaml\n" + stringifyYaml(fm.unknown) + "```");
  }
  const statedZone = findZone(sections, rest);
  const timeZone = fm.timeZone ?? (statedZone ? displayZoneFor(statedZone) : "UTC");
  if (!fm.timeZone) notes.push(`time zone: ${statedZone ? "stated in the text" : "not stated; times read as UTC"}; the incident is shown in ${timeZone}`);
  const readZone: Zone = statedZone ?? parseZone(timeZone) ?? { kind: "iana", name: timeZone };
  let date = fm.date ?? findDate(pre, title);
  if (!date) {
    const any = ANY_DATE_RE.exec(body);
    date = any ? realDate(readDate(any[0])?.date) : undefined;
    if (date) notes.push(`date: not stated; ${date} taken from the text ("${any![0]}")`);
  }
  const fmProblems = [...fm.problems];
  const milestones = fm.resolveMilestones(date, readZone, fmProblems);
  const impactWindows = fm.resolveImpactWindows(date, readZone, fmProblems);
  notes.push(...fmProblems);
  if (fmProblems.length && Object.keys(data).length) {
    supporting.push("### Front matter as written\n\n```yaml\n" + stringifyYaml(data) + "```");
  }

  const text: Record<string, string[]> = { summary: [], impact: [], resolution: [], detection: [] };
  const pm: Omit<Postmortem, "slug" | "title" | "severity" | "status" | "postmortemStatus" | "timeZone"> = {
    milestones, impactWindows, summary: "", impact: "", resolution: "", detection: "", supporting: "",
    causes: [], actionItems: [], lessons: [], timeline: [],
  };
  let content = 0;
  let unlabelledLessons = 0;
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
          const stampProblems: string[] = [];
          const at = events.map((e) => readStamp(e, field, date, readZone, stampProblems)).filter((e): e is string => Boolean(e));
          notes.push(...stampProblems);
          pm.causes.push({ kind, text: fit(causeText, MAX_TEXT, `${kind.replace("_", " ")} ${pm.causes.length + 1}`, notes, overflow), services, events: at, tags: [] });
        }
        break;
      }
      case "action_items": {
        const { items, overflow: long } = importActionItems(section.nodes, rest, notes);
        pm.actionItems.push(...items);
        overflow.push(...long.map((t) => `#### Action item (full text)\n\n${t}`));
        break;
      }
      case "lessons": case "went_well": case "went_wrong": case "got_lucky": {
        const kind: Lesson["kind"] = section.key === "lessons" ? "went_wrong" : section.key;
        const { lessons, unlabelled } = importLessons(itemsOf(section.nodes, rest), kind);
        if (section.key === "lessons") unlabelledLessons += unlabelled;
        pm.lessons.push(...lessons.map((l, i) => ({ ...l, text: fit(l.text, MAX_TEXT, `lesson ${pm.lessons.length + i + 1}`, notes, overflow) })));
        break;
      }
      case "timeline": {
        const tl = importTimeline(md, { date, zone: findZoneStatement(section.heading) ?? readZone });
        pm.timeline.push(...tl.events);
        notes.push(...tl.notes, ...tl.problems.map((p) => `${p}; the line is kept under Supporting information`));
        if (tl.unmapped.length) {
          unmapped.push(`${tl.unmapped.length} timeline line(s) without a usable time`);
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
  if (unlabelledLessons) notes.push(`${unlabelledLessons} lesson(s) had no went well / went wrong / got lucky heading; filed as "went wrong"`);
  if (content === 0 && !Object.keys(milestones).length) {
    throw new ImportError(["document: it has headings but no content under them; nothing to import"]);
  }
  let finalTitle = fm.title ?? title;
  if (!finalTitle) {
    finalTitle = titleFrom(options.fileName, body) ?? "Imported postmortem";
    notes.push(`title: none in the document; "${finalTitle}" used`);
  }
  if (finalTitle.length > MAX_TITLE) {
    text.summary.unshift(`**Full title:** ${finalTitle}`);
    finalTitle = `${finalTitle.slice(0, MAX_TITLE - 1).trimEnd()}…`;
    notes.push(`title: longer than ${MAX_TITLE} characters; shortened, the full title is the first line of the summary`);
  }
  for (const key of Object.keys(text)) (pm as Record<string, unknown>)[key] = text[key].join("\n\n");
  pm.timeline.sort((a, b) => a.at.localeCompare(b.at));
  pm.timeline.forEach((e, i) => { e.text = fit(e.text, MAX_TEXT, `timeline event ${i + 1}`, notes, overflow); });
  if (overflow.length) supporting.push(`### Kept in full\n\n${overflow.join("\n\n")}`);
  pm.supporting = supporting.join("\n\n");
  const derivation = deriveMilestones(pm.timeline, pm.milestones);
  pm.milestones = derivation.milestones;

  let slug = fm.slug && /^[a-z0-9][a-z0-9-]*$/.test(fm.slug) && fm.slug.length <= 80 ? fm.slug : undefined;
  if (fm.slug && !slug) notes.push(`slug: "${fm.slug}" is not a usable slug; one was made from the title`);
  slug ??= slugify(date ? `${finalTitle} ${date}` : finalTitle);
  const parsed = postmortemSchema.safeParse({
    ...pm,
    slug,
    title: finalTitle,
    severity: fm.severity,
    status: fm.status,
    postmortemStatus: fm.postmortemStatus,
    timeZone,
  });
  // Every field was fitted above; a failure here is a bug in the importer, reported rather than hidden.
  if (!parsed.success) throw new ImportError(describeIssues(parsed.error));
  return { postmortem: parsed.data, unmapped, notes, derived: derivation.derived };
}
