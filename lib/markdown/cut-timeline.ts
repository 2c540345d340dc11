import { sectionFor } from "./sections";

const ATX_RE = /^ {0,3}(#{1,6})\s+(.*?)\s*#*\s*$/;
const FENCE_RE = /^ {0,3}(```|~~~)/;

export interface CutSection {
  heading: string;
  depth: number;
  text: string;
}

/**
 * Takes Timeline sections (by heading meaning, any level) out of a document before it goes to the
 * Markdown parser: they are read line by line instead, which is many times faster for long timelines.
 */
export function cutTimelines(body: string): { rest: string; timelines: CutSection[] } {
  const kept: string[] = [];
  const timelines: CutSection[] = [];
  let current: (CutSection & { lines: string[] }) | null = null;
  let fenced = false;
  for (const line of body.split("\n")) {
    if (FENCE_RE.test(line)) fenced = !fenced;
    const heading = fenced ? null : ATX_RE.exec(line);
    if (heading && current && heading[1].length <= current.depth) {
      timelines.push({ heading: current.heading, depth: current.depth, text: current.lines.join("\n").trim() });
      current = null;
    }
    if (heading && !current && sectionFor(heading[2]) === "timeline") {
      current = { heading: heading[2], depth: heading[1].length, text: "", lines: [] };
      continue;
    }
    (current ? current.lines : kept).push(line);
  }
  if (current) timelines.push({ heading: current.heading, depth: current.depth, text: current.lines.join("\n").trim() });
  return { rest: kept.join("\n"), timelines };
}
