import { test } from "node:test";
import assert from "node:assert/strict";
import { describeChanges, referenceProblems } from "./references";
import { postmortemSchema } from "./model";

const pm = postmortemSchema.parse({
  slug: "x", title: "X", severity: "SEV3", status: "resolved", timeZone: "UTC",
  timeline: [{ at: "2020-01-01T10:00:00.000Z", text: "alarm", services: ["api"] }],
  causes: [{ kind: "root_cause", text: "bug", services: ["db"], events: ["2020-01-01T10:00:00.000Z", "2020-01-01T11:00:00.000Z"] }],
});

test("references to unknown services and to times not on the timeline are named by field", () => {
  assert.deepEqual(referenceProblems(pm, new Set(["api"])), [
    'causes.0.services: unknown service "db" (add it to the service catalog first)',
    "causes.0.events: no timeline event at 2020-01-01T11:00:00.000Z; link a time that is on the timeline",
  ]);
});

test("a revision says what changed", () => {
  assert.equal(describeChanges(null, pm), "created");
  assert.equal(describeChanges(pm, { ...pm, title: "Y", timeline: [] }), "title, timeline (+0 −1)");
  assert.equal(describeChanges(pm, pm), "no changes");
});
