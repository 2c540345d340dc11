import { test } from "node:test";
import assert from "node:assert/strict";
import { formatFromTable, zoneTable } from "./zone-table.mjs";

test("times formatted from the zone table read exactly as Intl writes them, across DST changes", () => {
  for (const zone of ["America/Los_Angeles", "Europe/Berlin", "UTC", "Asia/Kolkata", "Australia/Sydney"]) {
    const table = zoneTable(zone, 2019, 2027);
    const intl = new Intl.DateTimeFormat("en-US", { timeZone: zone, month: "short", day: "numeric", year: "numeric", hour: "2-digit", minute: "2-digit", hourCycle: "h23", timeZoneName: "short" });
    const instants = [Date.parse("2020-11-25T13:05:00Z"), Date.parse("2021-03-14T09:59:00Z"), Date.parse("2021-03-14T10:00:00Z"), Date.parse("2021-11-07T08:59:00Z"), Date.parse("2021-11-07T09:00:00Z")];
    for (let ms = Date.UTC(2019, 0, 1); ms < Date.UTC(2028, 0, 1); ms += 7 * 3_600_000 + 13 * 60_000) instants.push(ms);
    for (const span of table.slice(1, -1)) instants.push(span[0] - 60_000, span[0]);
    for (const ms of instants) assert.equal(formatFromTable(table, ms), intl.format(new Date(ms)), `${zone} ${new Date(ms).toISOString()}`);
    assert.equal(formatFromTable(table, Date.UTC(2035, 0, 1)), null, "outside the table: the caller falls back to Intl");
  }
});
