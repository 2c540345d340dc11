import { test } from "node:test";
import assert from "node:assert/strict";
import { incidentDay, readClock, suggestMilestones, suggestWindow } from "./suggestions";
import type { TimelineEvent } from "./model";

const ev = (at: string, kind: TimelineEvent["kind"], text = kind): TimelineEvent => ({ at, kind, text, actor: "", services: [], source: "" });
const timeline = [
  ev("2019-07-02T13:42:00.000Z", "trigger"), ev("2019-07-02T13:45:00.000Z", "detection"), ev("2019-07-02T13:46:00.000Z", "detection"),
  ev("2019-07-02T14:00:00.000Z", "diagnosis"), ev("2019-07-02T14:07:00.000Z", "recovery"), ev("2019-07-02T14:52:00.000Z", "recovery"),
];

test("milestones not yet set are suggested from the timeline; set ones are left alone", () => {
  const s = suggestMilestones({ trigger: "2019-07-02T13:40:00.000Z" }, timeline);
  assert.equal(s.trigger, undefined);
  assert.equal(s.detected?.at, "2019-07-02T13:45:00.000Z");
  assert.equal(s.identified?.at, "2019-07-02T14:00:00.000Z");
  assert.equal(s.mitigated?.at, "2019-07-02T14:07:00.000Z");
  assert.equal(s.resolved?.at, "2019-07-02T14:52:00.000Z");
  assert.equal(s.impact_start, undefined);
});

test("a new impact window starts and ends at the impact milestones", () => {
  assert.deepEqual(suggestWindow({ impact_start: "a", impact_end: "b", mitigated: "c" }), { start: "a", end: "b" });
  assert.deepEqual(suggestWindow({ detected: "a", mitigated: "c" }), { start: "a", end: "c" });
  assert.deepEqual(suggestWindow({}), { start: "", end: null });
});

test("times are read on a 24-hour clock, with am/pm understood", () => {
  assert.deepEqual(["13:42", "1342", "9:05", "1:42 pm", "12:10 AM", "12 pm", "7", "25:00", "13:42 pm", "ab"].map(readClock),
    ["13:42", "13:42", "09:05", "13:42", "00:10", "12:00", null, null, null, null]);
});

test("the incident's day comes from its first milestone or event, in its zone", () => {
  const toDate = (iso: string, zone: string) => new Intl.DateTimeFormat("en-CA", { timeZone: zone }).format(new Date(iso));
  assert.equal(incidentDay({ detected: "2019-07-03T01:00:00.000Z" }, timeline, "America/Los_Angeles", toDate), "2019-07-02");
  assert.equal(incidentDay({}, [], "UTC", toDate), null);
});
