import { test } from "node:test";
import assert from "node:assert/strict";
import { scenarioSummary, trainingSummary } from "./training";

const d = (operator: string, startedAt: string, ms: number, passed = true) => ({ operator, scenario: "kinesis", startedAt, firstPublishMs: ms, wrongTurns: 0, passed });

test("last drill, trend and overdue per operator; never drilled means overdue", () => {
  const now = new Date("2026-06-01T00:00:00Z");
  const out = trainingSummary([d("ana@x", "2026-01-01T00:00:00Z", 90_000), d("ana@x", "2026-05-01T00:00:00Z", 40_000), d("bo@x", "2026-01-15T00:00:00Z", 70_000, false)],
    ["ana@x", "bo@x", "cy@x"], 90, now);
  assert.deepEqual(out.map((o) => [o.operator, o.overdue, o.dueOn]), [["bo@x", true, "2026-04-15"], ["cy@x", true, null], ["ana@x", false, "2026-07-30"]]);
  assert.deepEqual(out.find((o) => o.operator === "ana@x")!.trend, [90_000, 40_000]);
  assert.equal(out.find((o) => o.operator === "bo@x")!.last!.passed, false);
});

test("each scenario's results: runs, passes, the best passing time and the latest run", () => {
  const rec = (scenario: string, operator: string, startedAt: string, firstPublishMs: number | null, passed: boolean, wrongTurns = 0) => ({ operator, scenario, startedAt, firstPublishMs, wrongTurns, passed });
  const out = scenarioSummary([
    rec("kinesis", "ana@x", "2026-01-01T00:00:00Z", 90_000, true),
    rec("wrong-update", "bo@x", "2026-01-02T00:00:00Z", 20_000, false, 3),
    rec("kinesis", "bo@x", "2026-02-01T00:00:00Z", 60_000, true, 1),
    rec("kinesis", "cy@x", "2026-03-01T00:00:00Z", 10_000, false, 4),
  ]);
  assert.deepEqual(out.map((s) => [s.scenario, s.runs, s.passed, s.bestFirstPublishMs, s.last.operator, s.last.wrongTurns]), [
    ["kinesis", 3, 2, 60_000, "cy@x", 4],
    ["wrong-update", 1, 0, null, "bo@x", 3],
  ]);
});
