import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { importPostmortem } from "./import";
import { scoreImport, type Expected } from "./corpus-score";

const dir = join(import.meta.dirname, "fixtures", "corpus");
const docs = readdirSync(dir).filter((f) => f.endsWith(".md")).sort();

test("the corpus has at least 30 documents, each with its expected structure", () => {
  assert.ok(docs.length >= 30, `${docs.length} documents`);
  for (const doc of docs) assert.doesNotThrow(() => readFileSync(join(dir, doc.replace(/\.md$/, ".expected.json"))), doc);
});

test("the corpus keeps at least 95 % of what a careful reader would enter, and refuses nothing", () => {
  let kept = 0;
  let expected = 0;
  const report: string[] = [];
  for (const doc of docs) {
    const want = JSON.parse(readFileSync(join(dir, doc.replace(/\.md$/, ".expected.json")), "utf8")) as Expected;
    const total = want.events.length + want.items.length + want.lessons.length;
    try {
      const score = scoreImport(importPostmortem(readFileSync(join(dir, doc), "utf8"), { fileName: doc }).postmortem, want);
      kept += score.kept;
      expected += score.expected;
      if (score.misses.length) report.push(`${doc}: ${score.kept}/${score.expected}\n    ${score.misses.join("\n    ")}`);
    } catch (err) {
      expected += total;
      report.push(`${doc}: refused (${err instanceof Error ? err.message : err})`);
    }
  }
  const share = kept / expected;
  console.log(`corpus: kept ${kept} of ${expected} expected (${(share * 100).toFixed(1)} %) over ${docs.length} documents`);
  if (report.length) console.log(report.join("\n"));
  assert.ok(share >= 0.95, `kept ${kept}/${expected} = ${(share * 100).toFixed(1)} %, below 95 %`);
});
