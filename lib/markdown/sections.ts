import type { Heading, Root, RootContent } from "mdast";
import { toString } from "mdast-util-to-string";

export type SectionKey =
  | "summary" | "impact" | "trigger" | "root_causes" | "contributing" | "resolution" | "detection"
  | "action_items" | "lessons" | "went_well" | "went_wrong" | "got_lucky" | "timeline" | "supporting";

/** Heading texts people really use, normalised (lowercase, no punctuation), per section. */
const SYNONYMS: Record<SectionKey, string[]> = {
  summary: ["summary", "executive summary", "incident summary", "overview", "tldr", "tl dr", "description", "what happened"],
  impact: ["impact", "customer impact", "user impact", "business impact", "impact assessment"],
  trigger: ["trigger", "triggers", "triggering event", "what triggered it"],
  root_causes: ["root cause", "root causes", "causes", "cause", "root cause analysis", "rca", "why it happened"],
  contributing: ["contributing factors", "contributing factor", "contributing causes", "contributors", "contributing conditions"],
  resolution: ["resolution", "resolution and recovery", "recovery", "mitigation", "mitigation and resolution", "how it was fixed"],
  detection: ["detection", "how it was detected", "how we found out", "alerting"],
  action_items: ["action items", "action item", "actions", "follow ups", "followups", "follow up actions", "corrective actions", "next steps", "remediation items", "remediations", "remediation", "follow up", "follow up items", "follow up tasks", "action plan", "todo", "to do", "tasks", "preventive actions", "preventative actions", "remediation actions", "actions taken and planned", "what we are doing", "what were doing about it"],
  lessons: ["lessons learned", "lessons learnt", "lessons", "learnings", "takeaways", "key takeaways", "retro", "retro notes", "retrospective", "retrospective notes", "reflections", "what we learned"],
  went_well: ["what went well", "went well", "things that went well", "what worked", "what worked well", "what went right", "went right", "things that went right", "the good"],
  went_wrong: ["what went wrong", "went wrong", "what didnt go well", "what did not go well", "things that went wrong", "what went poorly", "what could have gone better", "things that could have gone better", "what went badly", "went badly", "what could be improved", "what didnt go so well", "things that didnt go well", "the bad"],
  got_lucky: ["where we got lucky", "got lucky", "what we got lucky with", "where we were lucky", "lucky"],
  timeline: ["timeline", "incident timeline", "chronology", "sequence of events", "timeline of events", "detailed timeline", "time line", "incident log", "event log", "events"],
  supporting: ["supporting information", "supporting info", "appendix", "additional information", "additional details", "references", "notes"],
};

const LOOKUP = new Map<string, SectionKey>();
for (const [key, names] of Object.entries(SYNONYMS) as [SectionKey, string[]][]) {
  for (const name of names) LOOKUP.set(name, key);
}

export function normaliseHeading(text: string): string {
  return text
    .toLowerCase()
    .replace(/\([^)]*\)/g, " ")
    .replace(/^\s*(?:\d+(?:\.\d+)*\.?|[ivx]+\.)\s+/, "")
    .replace(/['’]/g, "")
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
}

export function sectionFor(text: string): SectionKey | null {
  return LOOKUP.get(normaliseHeading(text)) ?? null;
}

export interface Section {
  key: SectionKey | "unmapped" | "preamble";
  heading: string; // the heading text as written ("" for the preamble)
  depth: number;
  nodes: RootContent[];
  /** Raw Markdown, for sections read without the Markdown parser (timelines). */
  text?: string;
}

/**
 * Splits a document into sections by heading. Headings are matched by meaning at any level.
 * Inside Supporting Information and Timeline, deeper headings belong to that section
 * (so exported supporting text and one-heading-per-time timelines survive a round trip).
 */
export function splitSections(root: Root): { title: string | null; sections: Section[] } {
  let title: string | null = null;
  const sections: Section[] = [];
  let current: Section = { key: "preamble", heading: "", depth: 0, nodes: [] };
  sections.push(current);
  for (const node of root.children) {
    if (node.type !== "heading") {
      current.nodes.push(node);
      continue;
    }
    const heading = node as Heading;
    const text = toString(heading).trim();
    const deeper = heading.depth > current.depth && current.key !== "preamble";
    if (deeper && (current.key === "supporting" || current.key === "timeline")) {
      current.nodes.push(node);
      continue;
    }
    const key = sectionFor(text);
    if (!key && title === null && heading.depth === 1 && sections.length === 1) {
      title = text;
      continue;
    }
    // An unknown sub-heading inside Lessons is not a lesson kind, so it is kept as unmapped.
    if (!key && deeper && current.key !== "lessons") {
      current.nodes.push(node);
      continue;
    }
    current = { key: key ?? "unmapped", heading: text, depth: heading.depth, nodes: [] };
    sections.push(current);
  }
  return { title, sections };
}
