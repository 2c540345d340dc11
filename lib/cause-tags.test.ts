import { test } from "node:test";
import assert from "node:assert/strict";
import { causeTagsSchema, suggestTags } from "./cause-tags";
import { describeIssues } from "./model";

const TAXONOMY = [
  { slug: "capacity", name: "Capacity", keywords: "capacity, thread, limit, saturat" },
  { slug: "monitoring-gap", name: "Monitoring gap", keywords: "alarm, monitor" },
  { slug: "change", name: "Change / deploy", keywords: "deploy, roll out" },
];

test("tags are suggested from the words of a cause, at the start of a word, best match first, never one already given", () => {
  const kinesis = "The added capacity took every server past the OS maximum thread count limit; nothing alarmed.";
  assert.deepEqual(suggestTags(kinesis, TAXONOMY).map((t) => t.slug), ["capacity", "monitoring-gap"]);
  assert.deepEqual(suggestTags("CPU saturated after we rolled; a roll out of the deploy", TAXONOMY).map((t) => t.slug), ["change", "capacity"]);
  assert.deepEqual(suggestTags("unmonitored", TAXONOMY), []); // "monitor" inside a word is not a match
  assert.deepEqual(suggestTags(kinesis, TAXONOMY, ["capacity"]).map((t) => t.slug), ["monitoring-gap"]);
});

test("the taxonomy refuses a duplicate tag, a bad id and an empty list, naming the field", () => {
  const bad = causeTagsSchema.safeParse({ tags: [{ slug: "capacity", name: "A" }, { slug: "capacity", name: "B" }, { slug: "Bad Id", name: "C" }] });
  assert.equal(bad.success, false);
  const problems = describeIssues(bad.error!);
  assert.ok(problems.includes('tags.1.slug: "capacity" is listed twice'), problems.join("\n"));
  assert.ok(problems.some((p) => p.startsWith("tags.2.slug: use lowercase")), problems.join("\n"));
  assert.equal(causeTagsSchema.safeParse({ tags: [] }).success, false);
});
