import { parseTimeLine } from "../time/parse-line";
import { sectionFor } from "./sections";

const ATX_RE = /^ {0,3}(#{1,6})\s+(.*?)\s*#*\s*$/;
const FENCE_RE = /^ {0,3}(```|~~~)/;

export interface CutSection {
  heading: string;
  depth: number;
  text: string;
  /** True when the heading is not a timeline name but most lines under it start with a time. */
  guessed?: boolean;
}

/** Lines under a heading of unknown meaning that read as a timeline: at least three, most of them, start with a time. */
function readsAsTimeline(lines: string[], from: number, depth: number): boolean {
  let stamped = 0;
  let other = 0;
  for (let i = from; i < lines.length; i++) {
    const heading = ATX_RE.exec(lines[i]);
    if (heading && heading[1].length <= depth) break;
    const line = (heading ? heading[2] : lines[i]).trim();
    if (!line || /^\|?\s*:?-{3,}/.test(line)) continue;
    if (parseTimeLine(line.replace(/^\|\s*/, ""))) stamped++;
    else if (!heading) other++;
  }
  return stamped >= 3 && stamped >= other;
}

/**
 * Takes Timeline sections (by heading meaning, any level, or by content under an unknown heading)
 * out of a document before it goes to the Markdown parser: they are read line by line instead,
 * which is many times faster for long timelines.
 */
export function cutTimelines(body: string): { rest: string; timelines: CutSection[] } {
  const kept: string[] = [];
  const timelines: CutSection[] = [];
  let current: (CutSection & { lines: string[] }) | null = null;
  let fenced = false;
  let seenHeading = false;
  const lines = body.split("\n");
  lines.forEach((line, index) => {
    if (FENCE_RE.test(line)) fenced = !fenced;
    const heading = fenced ? null : ATX_RE.exec(line);
    if (heading && current && heading[1].length <= current.depth) {
      timelines.push({ heading: current.heading, depth: current.depth, text: current.lines.join("\n").trim(), guessed: current.guessed });
      current = null;
    }
    if (heading && !current) {
      const depth = heading[1].length;
      const known = sectionFor(heading[2]);
      const title = !seenHeading && depth === 1;
      seenHeading = true;
      const guessed = !known && !title && readsAsTimeline(lines, index + 1, depth);
      if (known === "timeline" || guessed) {
        current = { heading: heading[2], depth, text: "", lines: [], guessed };
        return;
      }
    }
    (current ? current.lines : kept).push(line);
  });
  if (current) {
    const last = current as CutSection & { lines: string[] };
    timelines.push({ heading: last.heading, depth: last.depth, text: last.lines.join("\n").trim(), guessed: last.guessed });
  }
  return { rest: kept.join("\n"), timelines };
}
