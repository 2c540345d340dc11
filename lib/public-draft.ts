import { ANNOTATION } from "./disclosure";
import type { ActionItem, Postmortem } from "./model";
import { formatInZone } from "./time/zone";

const CONDITION_WORDS = { degraded: "Degraded performance", partial: "Partial outage", major: "Major outage" } as const;

export interface DraftInput {
  pm: Pick<Postmortem, "title" | "summary" | "impact" | "resolution" | "impactWindows" | "actionItems">;
  /** The status page's components (the catalog's public services). */
  publicServices: { slug: string; name: string }[];
  /** The status page's time zone: customers read times there. */
  pageZone: string;
  /** Action items (by position) the author marked as public. */
  publicItems: number[];
}

/** Internal annotations never belong in a customer's text; the disclosure check still looks for everything else. */
const stripAnnotations = (text: string) => text.replace(ANNOTATION, "").replace(/[ \t]+$/gm, "").trim();

/** The customer's words for an action item: its title, without owner, status or tracker. */
const itemLine = (a: ActionItem) => `- ${a.title.replace(/\.$/, "")}.`;

/**
 * The first draft of a postmortem's customer version: what happened, who was affected and when (the
 * impact windows of public components, in the page's zone), what was done, what is changing. A person
 * edits it before it goes anywhere.
 */
export function draftPublicPostmortem({ pm, publicServices, pageZone, publicItems }: DraftInput): string {
  const names = new Map(publicServices.map((s) => [s.slug, s.name]));
  const windows = pm.impactWindows.filter((w) => names.has(w.service)).sort((a, b) => a.start.localeCompare(b.start));
  const at = (iso: string) => formatInZone(iso, pageZone);
  const affected = windows.length
    ? ["| Service | Impact | From | Until |", "| --- | --- | --- | --- |",
      ...windows.map((w) => `| ${names.get(w.service)} | ${CONDITION_WORDS[w.condition]} | ${at(w.start)} | ${w.end ? at(w.end) : "ongoing"} |`)].join("\n")
    : "No public service was affected.";
  const items = publicItems.map((i) => pm.actionItems[i]).filter(Boolean).map(itemLine);
  return [
    "## What happened",
    stripAnnotations(pm.summary) || "_Describe what customers saw._",
    "## Who was affected and when",
    `Times are in ${pageZone}.`,
    affected,
    ...(pm.impact.trim() ? [stripAnnotations(pm.impact)] : []),
    "## What we did",
    stripAnnotations(pm.resolution) || "_Describe how service was restored._",
    "## What we are changing",
    items.length ? items.join("\n") : "_List the changes customers should know about._",
  ].join("\n\n") + "\n";
}
