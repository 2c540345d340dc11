import { test } from "node:test";
import assert from "node:assert/strict";
import { deriveMetrics, formatDuration } from "./metrics";

const kinesis = {
  trigger: "2020-11-25T10:44:00.000Z",
  impact_start: "2020-11-25T13:15:00.000Z",
  detected: "2020-11-25T13:15:00.000Z",
  identified: "2020-11-25T17:39:00.000Z",
  mitigated: "2020-11-25T18:07:00.000Z",
  resolved: "2020-11-26T06:31:00.000Z",
};

test("Kinesis metrics, each labelled with the two milestones it spans", () => {
  const m = Object.fromEntries(deriveMetrics(kinesis).map((x) => [x.key, x]));
  assert.deepEqual([m.detect.ok && m.detect.text, m.detect.span], ["0m", "Impact start → Detected"]);
  assert.deepEqual([m.identify.ok && m.identify.text, m.identify.span], ["4h 24m", "Detected → Root cause identified"]);
  assert.equal(m.mitigate.ok && m.mitigate.text, "4h 52m");
  assert.equal(m.resolve.ok && m.resolve.minutes, 17 * 60 + 16);
});

test("a missing milestone says what is missing instead of giving a number", () => {
  const m = deriveMetrics({ impact_start: kinesis.impact_start });
  assert.deepEqual(m.map((x) => (x.ok ? x.text : x.problem)), [
    "needs the Detected milestone",
    "needs the Detected and Root cause identified milestones",
    "needs the Mitigated milestone",
    "needs the Resolved milestone",
  ]);
});

test("milestones out of order are reported, not shown as a negative time", () => {
  const [detect] = deriveMetrics({ impact_start: kinesis.detected, detected: kinesis.trigger });
  assert.equal(detect.ok, false);
  assert.equal(!detect.ok && detect.problem, "Detected is before Impact start");
});

test("durations read naturally", () => {
  assert.equal(formatDuration(0), "0m");
  assert.equal(formatDuration(61), "1h 1m");
  assert.equal(formatDuration(60 * 24 + 5), "1d 5m");
});
