import { test } from "node:test";
import assert from "node:assert/strict";
import { parseTimeLine, parseDateLine, lineInstant } from "./parse-line";
import { parseZone } from "./zone-names";

test("24-hour, 12-hour, dated, ranged and zoned lines", () => {
  assert.deepEqual(parseTimeLine("05:15 First alarms fire"), { date: undefined, time: "05:15", until: undefined, zone: undefined, text: "First alarms fire" });
  assert.equal(parseTimeLine("10:23 PM Kinesis fully recovered")?.time, "22:23");
  assert.equal(parseTimeLine("12:05 am midnight work")?.time, "00:05");
  assert.equal(parseTimeLine("12:15 p.m. — Cognito better")?.text, "Cognito better");
  const ranged = parseTimeLine("- 8:20 - 8:24 Restarted the fleet");
  assert.equal(ranged?.time, "08:20");
  assert.equal(ranged?.until, "08:24");
  assert.equal(ranged?.text, "Restarted the fleet");
  const dated = parseTimeLine("* **2020-11-25 09:39 PST** — Root cause confirmed");
  assert.equal(dated?.date, "2020-11-25");
  assert.equal(dated?.zone?.kind, "offset");
  assert.equal(dated?.text, "Root cause confirmed");
  assert.equal(parseTimeLine("Nov 25, 2020 at 2:44 AM: capacity added")?.date, "2020-11-25");
  assert.equal(parseTimeLine("~12:00 error rate falling")?.time, "12:00");
  assert.equal(parseTimeLine("05:15 - First alarms")?.until, undefined);
});

test("the spellings people write: 17:14pm, HHMM, seconds, bare offsets", () => {
  assert.equal(parseTimeLine("17:14pm pager alert")?.time, "17:14");
  assert.equal(parseTimeLine("5:14 pm errors")?.time, "17:14");
  assert.equal(parseTimeLine("0728 - queue alert")?.time, "07:28");
  assert.equal(parseTimeLine("0728 - queue alert")?.text, "queue alert");
  assert.equal(parseTimeLine("2359Z rollover")?.zone?.kind, "offset");
  assert.equal(parseTimeLine("1500 users were affected"), null);
  assert.equal(parseTimeLine("16:00:12 config pushed")?.time, "16:00:12");
  const offset = parseTimeLine("10:15 +01:00 reindex starts");
  assert.deepEqual([offset?.zone?.kind === "offset" && offset.zone.minutes, offset?.text], [60, "reindex starts"]);
});

test("lines without a leading time are not events", () => {
  assert.equal(parseTimeLine("The team met at 10:00"), null);
  assert.equal(parseTimeLine(""), null);
});

test("date-only lines set the day for the lines after them", () => {
  assert.equal(parseDateLine("### 2020-11-25"), "2020-11-25");
  assert.equal(parseDateLine("**Wednesday, November 25, 2020**"), "2020-11-25");
  assert.equal(parseDateLine("25 Nov", 2020), "2020-11-25");
  assert.equal(parseDateLine("Nov 25 we met"), null);
});

test("instants use the line's own zone first, then the stated zone", () => {
  const pst = parseZone("PST")!;
  assert.equal(lineInstant(parseTimeLine("09:39 Root cause")!, "2020-11-25", pst), "2020-11-25T17:39:00.000Z");
  assert.equal(lineInstant(parseTimeLine("17:39 UTC Root cause")!, "2020-11-25", pst), "2020-11-25T17:39:00.000Z");
  assert.throws(() => lineInstant(parseTimeLine("09:39 x")!, undefined, pst), /no date/);
  assert.throws(() => lineInstant(parseTimeLine("13:15 AM nonsense")!, "2020-11-25", pst), /not a time/);
  assert.throws(() => lineInstant(parseTimeLine("24:10 nonsense")!, "2020-11-25", pst), /not a valid time/);
});
