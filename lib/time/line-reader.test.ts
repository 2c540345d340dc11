import { test } from "node:test";
import assert from "node:assert/strict";
import { parsePastedLines } from "./line-reader";

const LA = { kind: "iana", name: "America/Los_Angeles" } as const;

test("pasted lines become one event each, in the incident's zone, with a preview of problems", () => {
  const preview = parsePastedLines("05:15 First alarms…\n10:23 PM Kinesis fully recovered\n\nnot a time line\n25:00 bad", "2020-11-25", LA);
  assert.deepEqual(preview.events.map((e) => [e.at, e.text]), [
    ["2020-11-25T13:15:00.000Z", "First alarms…"],
    ["2020-11-26T06:23:00.000Z", "Kinesis fully recovered"],
  ]);
  assert.deepEqual(preview.skipped, ["not a time line"]);
  assert.equal(preview.problems.length, 1);
  assert.match(preview.problems[0], /"25:00 bad": "25:00" is not a valid time of day/);
});

test("DST: the same wall-clock time maps to different UTC offsets either side of the change", () => {
  const preview = parsePastedLines("2021-03-13 09:00 before\n2021-03-15 09:00 after\n2021-03-14 02:30 skipped", undefined, LA);
  assert.deepEqual(preview.events.map((e) => e.at), ["2021-03-13T17:00:00.000Z", "2021-03-15T16:00:00.000Z"]);
  assert.match(preview.problems[0], /does not exist in America\/Los_Angeles/);
});

test("kind and services can be written inline", () => {
  const [e] = parsePastedLines("09:39 [diagnosis] Root cause confirmed [services: kinesis-front-end]", "2020-11-25", LA).events;
  assert.equal(e.kind, "diagnosis");
  assert.equal(e.text, "Root cause confirmed");
  assert.deepEqual(e.services, ["kinesis-front-end"]);
});
