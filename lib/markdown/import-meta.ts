import type { Postmortem } from "../model";

/**
 * "Severity: SEV2", "**Severity:** Sev-2", "- **Status**: Mitigated", "| Severity | SEV 1 |": the
 * value of a metadata line people put above the first section, or undefined.
 */
export function metadataField(lines: string[], name: RegExp): string | undefined {
  const colon = new RegExp(`^[\\s>*_-]*(?:${name.source})[\\s*_]*:[\\s*_]*(.+?)[\\s*_]*$`, "i");
  const cell = new RegExp(`^\\s*\\|\\s*[*_]*(?:${name.source})[*_]*\\s*\\|\\s*(.+?)\\s*\\|?\\s*$`, "i");
  for (const line of lines) {
    const m = colon.exec(line) ?? cell.exec(line);
    if (m) return m[1].replace(/[*_`]/g, "").replace(/\|\s*$/, "").trim();
  }
  return undefined;
}

/** "Sev-2", "SEV 1", "P1", "sev0", "Critical", "minor" -> SEV1..SEV4; anything else is SEV3, reported. */
export function readSeverity(raw: string | undefined, notes: string[]): Postmortem["severity"] {
  const t = raw?.replace(/[*_`]/g, "").trim() ?? "";
  const digit = /^(?:sev(?:erity)?|p|s|level)?\s*[-_ ]?\s*([0-4])\b/i.exec(t) ?? /\b(?:sev|p)\s*[-_ ]?([0-4])\b/i.exec(t);
  if (digit) {
    if (digit[1] === "0") notes.push(`severity: "${t}" read as SEV1, the highest Sitrep has`);
    return `SEV${Math.max(1, Number(digit[1]))}` as Postmortem["severity"];
  }
  if (/critical|blocker|highest|emergency/i.test(t)) return "SEV1";
  if (/major|high/i.test(t)) return "SEV2";
  if (/medium|moderate|normal/i.test(t)) return "SEV3";
  if (/minor|low/i.test(t)) return "SEV4";
  notes.push(`severity: ${t ? `"${t}" not understood` : "not stated"}; set to SEV3`);
  return "SEV3";
}

const STATUS_WORDS: [Postmortem["status"], RegExp][] = [
  ["monitoring", /\b(mitigated|monitoring|recovering|stabili[sz]ed|workaround)\b/i],
  ["identified", /\b(identified|root cause found)\b/i],
  ["investigating", /\b(investigating|ongoing|active|open|in progress)\b/i],
  ["resolved", /\b(resolved|closed|complete|completed|done|fixed|over|finished|ended)\b/i],
];

/** The incident's status in any common spelling; a postmortem of a finished incident is "resolved" by default. */
export function readIncidentStatus(raw: string | undefined, notes: string[]): Postmortem["status"] {
  const t = raw?.trim() ?? "";
  if (!t) return "resolved";
  // "Complete, action items in progress" describes the postmortem: its first words decide.
  const first = STATUS_WORDS.map(([s, re]) => ({ s, at: t.search(re) })).filter((x) => x.at >= 0).sort((a, b) => a.at - b.at)[0];
  if (first) return first.s;
  notes.push(`status: "${t}" not understood; set to resolved`);
  return "resolved";
}
