import { test } from "node:test";
import assert from "node:assert/strict";
import { trainingSummary } from "./training";

const d = (operator: string, startedAt: string, ms: number, passed = true) => ({ operator, scenario: "kinesis", startedAt, firstPublishMs: ms, wrongTurns: 0, passed });

test("last drill, trend and overdue per operator; never drilled means overdue", () => {
  const now = new Date("2026-06-01T00:00:00Z");
  const out = trainingSummary([d("ana@x", "2026-01-01T00:00:00Z", 90_000), d("ana@x", "2026-05-01T00:00:00Z", 40_000), d("bo@x", "2026-01-15T00:00:00Z", 70_000, false)],
    ["ana@x", "bo@x", "cy@x"], 90, now);
  assert.deepEqual(out.map((o) => [o.operator, o.overdue, o.dueOn]), [["bo@x", true, "2026-04-15"], ["cy@x", true, null], ["ana@x", false, "2026-07-30"]]);
  assert.deepEqual(out.find((o) => o.operator === "ana@x")!.trend, [90_000, 40_000]);
  assert.equal(out.find((o) => o.operator === "bo@x")!.last!.passed, false);
});
