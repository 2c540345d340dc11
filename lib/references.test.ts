import { test } from "node:test";
import assert from "node:assert/strict";
import { describeChanges, linkProblems, publishProblems, samePostmortem, unlistedServices } from "./references";
import { postmortemSchema } from "./model";

const pm = postmortemSchema.parse({
  slug: "x", title: "X", severity: "SEV3", status: "resolved", timeZone: "UTC",
  timeline: [{ at: "2020-01-01T10:00:00.000Z", text: "alarm", services: ["api"] }],
  causes: [
    { kind: "trigger", text: "deploy", services: [] },
    { kind: "root_cause", text: "bug", services: ["db", "waf"], events: ["2020-01-01T10:00:00.000Z", "2020-01-01T11:00:00.000Z"] },
  ],
  impactWindows: [{ service: "waf", condition: "major", start: "2020-01-01T10:00:00.000Z" }],
});

test("services the catalog does not list are flagged once each, with the rows that name them in words", () => {
  assert.deepEqual(unlistedServices(pm, new Set(["api", "db"])), [
    { slug: "waf", usedBy: ["Impact window 1", "Root cause 1"], message: '"waf" is not in the service catalog yet (named by Impact window 1, Root cause 1)' },
  ]);
  assert.deepEqual(unlistedServices(pm, new Set(["api", "db", "waf"])), []);
  assert.deepEqual(publishProblems(pm, new Set(["api"])).map((p) => p.slice(0, 28)), ['services: "waf" is not in th', 'services: "db" is not in the']);
});

test("a cause linked to a time that is not on the timeline is a problem named by field", () => {
  assert.deepEqual(linkProblems(pm), ["causes.1.events: no timeline event at 2020-01-01T11:00:00.000Z; link a time that is on the timeline"]);
});

test("a revision says in words what changed", () => {
  assert.equal(describeChanges(null, pm), "created the postmortem");
  assert.equal(describeChanges(pm, { ...pm, title: "Y", summary: "s", timeline: [] }), "changed the title and the summary; removed 1 timeline event");
  assert.equal(describeChanges(pm, { ...pm, causes: [pm.causes[0], { ...pm.causes[1], text: "a worse bug" }] }), "edited 1 cause");
  assert.equal(describeChanges(pm, { ...pm, causes: [pm.causes[1], pm.causes[0]] }), "reordered the causes");
  assert.equal(describeChanges(pm, { ...pm, postmortemStatus: "in_review" }), "moved the review status from draft to in review");
  assert.equal(describeChanges(pm, pm), "no changes");
});

test("the same postmortem with its keys in another order is the same; any edit is not", () => {
  const reordered = JSON.parse(JSON.stringify(Object.fromEntries(Object.entries(pm).reverse())));
  assert.equal(samePostmortem(pm, reordered), true);
  assert.equal(samePostmortem(pm, { ...pm, milestones: { detected: "2020-01-01T10:00:00.000Z" } }), false);
  assert.equal(samePostmortem(pm, { ...pm, lessons: [{ kind: "went_well", text: "paging worked" }] }), false);
});
