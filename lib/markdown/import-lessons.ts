import type { Lesson } from "../model";
import type { Item } from "./blocks";

const LEAD_INS: [Lesson["kind"], string][] = [
  ["went_well", "what went well|things that went well|went well|what went right|went right|what worked(?: well)?|the good|positives?"],
  ["went_wrong", "what went wrong|things that went wrong|went wrong|what went badly|went badly|what went poorly|went poorly|what didn['’]?t go (?:so )?well|didn['’]?t go well|what could have gone better|could have gone better|what could be improved|to improve|the bad|negatives?"],
  ["got_lucky", "where we got lucky|we got lucky|got lucky|where we were lucky|lucky|luck"],
];

const WORDS = LEAD_INS.map(([, w]) => w).join("|");
/** "**Went well:**", "__Lucky__:", "Went wrong:" — marked by bold or a colon, so prose such as "it went well" is left alone. */
const LEAD_IN_RE = new RegExp(`(?:\\*\\*|__)\\s*(${WORDS})\\s*[:.]?\\s*(?:\\*\\*|__)\\s*[:.–—-]?\\s*|(?<![\\w*])(${WORDS})\\s*:\\s*`, "gi");
const BARE_RE = new RegExp(`^(?:\\*\\*|__)?\\s*(${WORDS})\\s*[:.]?\\s*(?:\\*\\*|__)?\\s*$`, "i");

function kindOf(words: string): Lesson["kind"] {
  const lower = words.toLowerCase();
  return LEAD_INS.find(([, w]) => new RegExp(`^(?:${w})$`, "i").test(lower))![0];
}

/** "Went well\n- a\n- b" and "a" alike: nested bullets are lessons of their own. */
function split(text: string, kind: Lesson["kind"]): Lesson[] {
  const lines = text.trim().split("\n");
  const bullets = lines.every((l) => !l.trim() || /^\s*(?:[-*+]|\d+[.)])\s+/.test(l));
  if (bullets) {
    return lines.filter((l) => l.trim()).map((l) => ({ kind, text: l.replace(/^\s*(?:[-*+]|\d+[.)])\s+/, "").trim() }));
  }
  return text.trim() ? [{ kind, text: text.trim() }] : [];
}

/**
 * Lessons from a section's items. Lead-ins anywhere in an item ("**Went well:** … **Lucky:** …")
 * decide the kind of the text after them; otherwise the section's kind applies.
 */
export function importLessons(items: Item[], sectionKind: Lesson["kind"]): { lessons: Lesson[]; unlabelled: number } {
  const lessons: Lesson[] = [];
  let unlabelled = 0;
  for (const item of items) {
    const [first, ...rest] = item.text.split("\n");
    const bare = BARE_RE.exec(first.trim());
    if (bare && rest.length) {
      lessons.push(...split(rest.join("\n"), kindOf(bare[1])));
      continue;
    }
    const marks = [...item.text.matchAll(LEAD_IN_RE)];
    let kind = sectionKind;
    let from = 0;
    for (const m of marks) {
      const before = split(item.text.slice(from, m.index), kind);
      if (kind === sectionKind && from === 0) unlabelled += before.length;
      lessons.push(...before);
      kind = kindOf(m[1] ?? m[2]);
      from = m.index + m[0].length;
    }
    const last = split(item.text.slice(from), kind);
    if (!marks.length) unlabelled += last.length;
    lessons.push(...last);
  }
  return { lessons, unlabelled };
}
