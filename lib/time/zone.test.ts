import { test } from "node:test";
import assert from "node:assert/strict";
import { zonedToUtc, utcToZoned, TimeError, formatInZone } from "./zone";
import { parseZone, toInstant, findZoneStatement, displayZoneFor } from "./zone-names";

test("Pacific wall time converts to UTC in winter and summer", () => {
  assert.equal(zonedToUtc("2020-11-25", "09:39", "America/Los_Angeles"), "2020-11-25T17:39:00.000Z");
  assert.equal(zonedToUtc("2020-07-01", "09:39", "America/Los_Angeles"), "2020-07-01T16:39:00.000Z");
});

test("times skipped by spring-forward are refused; repeated fall-back times take the first", () => {
  assert.throws(() => zonedToUtc("2021-03-14", "02:30", "America/Los_Angeles"), TimeError);
  assert.equal(zonedToUtc("2021-11-07", "01:30", "America/Los_Angeles"), "2021-11-07T08:30:00.000Z");
  assert.equal(zonedToUtc("2021-03-14", "03:30", "America/Los_Angeles"), "2021-03-14T10:30:00.000Z");
});

test("impossible dates and times are refused with a message", () => {
  assert.throws(() => zonedToUtc("2020-02-30", "10:00", "UTC"), /not a real calendar date/);
  assert.throws(() => zonedToUtc("2020-02-01", "25:00", "UTC"), /not a valid time/);
  assert.throws(() => zonedToUtc("Nov 25", "10:00", "UTC"), /not a date/);
});

test("UTC instants read back in the zone with its abbreviation", () => {
  assert.deepEqual(utcToZoned("2020-11-25T17:39:00.000Z", "America/Los_Angeles"), {
    date: "2020-11-25", time: "09:39", seconds: 0, abbr: "PST",
  });
  assert.equal(formatInZone("2020-11-26T06:23:00.000Z", "America/Los_Angeles"), "2020-11-25 22:23 PST");
  assert.equal(formatInZone("2020-11-26T06:23:00.000Z", "UTC", false), "06:23");
});

test("zone tokens: abbreviations are fixed offsets, regions and IANA names follow DST", () => {
  assert.deepEqual(parseZone("PST"), { kind: "offset", minutes: -480, label: "PST" });
  assert.deepEqual(parseZone("UTC+05:30"), { kind: "offset", minutes: 330, label: "UTC+05:30" });
  assert.deepEqual(parseZone("GMT-3"), { kind: "offset", minutes: -180, label: "GMT-3" });
  assert.deepEqual(parseZone("Pacific"), { kind: "iana", name: "America/Los_Angeles" });
  assert.equal(parseZone("Team"), null);
  assert.equal(parseZone("Not/AZone"), null);
  assert.equal(toInstant("2020-11-25", "05:15", parseZone("PST")!), "2020-11-25T13:15:00.000Z");
  assert.equal(displayZoneFor(parseZone("PDT")!), "America/Los_Angeles");
});

test("a zone stated once is found in prose and parentheses", () => {
  assert.equal(findZoneStatement("All times are in PST unless noted.")?.kind, "offset");
  assert.deepEqual(findZoneStatement("all times utc"), { kind: "offset", minutes: 0, label: "UTC" });
  assert.deepEqual(findZoneStatement("Timeline (UTC)"), { kind: "offset", minutes: 0, label: "UTC" });
  assert.deepEqual(findZoneStatement("Times shown in Europe/Berlin."), { kind: "iana", name: "Europe/Berlin" });
  assert.equal(findZoneStatement("We had a long night."), null);
});
