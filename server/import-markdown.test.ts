import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { importWithinLimit, ImportTooSlow } from "./import-markdown";

test("a 280 KB pathological import is refused within about a second with a message naming the document", () => {
  const source = "# Slow\n\n## Summary\n\n" + "[a](".repeat(70_000);
  const started = performance.now();
  assert.throws(() => importWithinLimit(source), (e: Error) => e instanceof ImportTooSlow && /^document: too complex to import within 1 s/.test((e as ImportTooSlow).problems[0]));
  console.log(`pathological import refused after ${Math.round(performance.now() - started)} ms`);
});

test("the Kinesis postmortem imports within the limit", () => {
  const r = importWithinLimit(readFileSync("content/kinesis-2020-11-25.md", "utf8"));
  assert.equal(r.postmortem.slug, "kinesis-2020-11-25");
});
