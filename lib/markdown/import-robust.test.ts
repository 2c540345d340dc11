import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { importPostmortem, ImportError } from "./import";

const dir = join(import.meta.dirname, "fixtures", "corpus");
const docs = readdirSync(dir).filter((f) => f.endsWith(".md")).map((f) => readFileSync(join(dir, f), "utf8"));
const COUNT = Number(process.env.SITREP_IMPORT_FUZZ ?? 300);

let seed = 7;
const rand = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31) * n | 0;

/** Damage of the kinds real archives have: cut files, lines out of order, stray characters. */
function damage(text: string): string {
  const lines = text.split("\n");
  switch (rand(5)) {
    case 0: return text.slice(0, rand(text.length));
    case 1: { const i = rand(lines.length), j = rand(lines.length); [lines[i], lines[j]] = [lines[j], lines[i]]; return lines.join("\n"); }
    case 2: return lines.filter(() => rand(4) > 0).join("\n");
    case 3: { const i = rand(text.length); return text.slice(0, i) + ["|", "**", "#", "- [ ]", "25:99", "---\n", "\u0301", "`"][rand(8)] + text.slice(i); }
    default: return lines.map((l) => (rand(6) === 0 ? l.toUpperCase() : l)).join("\n");
  }
}

test(`damaged documents (${COUNT}; SITREP_IMPORT_FUZZ for more) import or are refused with an ImportError, never a crash`, () => {
  let imported = 0;
  for (let i = 0; i < COUNT; i++) {
    const text = damage(docs[i % docs.length]);
    try {
      importPostmortem(text);
      imported++;
    } catch (err) {
      if (!(err instanceof ImportError)) assert.fail(`crashed on:\n${text}\n\n${(err as Error).stack}`);
      assert.match(err.problems[0], /^(document|file|body):/, `refused for a field, not the whole document:\n${text}\n${err.problems}`);
    }
  }
  assert.ok(imported > COUNT * 0.9, `${imported} of ${COUNT} imported`);
});
