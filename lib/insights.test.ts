import { test } from "node:test";
import assert from "node:assert/strict";
import { causeTagUse, durationsPerMonth, impactMinutesPerComponent, incidentsPerMonth, quantile, serviceInvolvement, type InsightIncident, type InsightService } from "./insights";
import { followUps, stampClosed } from "./follow-ups";
import { findRecurrences, recurrencesFor } from "./recurrence";
import type { ActionItem, Cause } from "./model";

const cause = (tags: string[], services: string[], kind: Cause["kind"] = "root_cause"): Cause => ({ kind, text: "x", services, events: [], tags });
const item = (a: Partial<ActionItem>): ActionItem => ({
  title: "Do it", type: "prevent", priority: "P2", owner: "", due: null, status: "open", tracker: "", closed: null, addresses: null, ...a,
});
const incident = (i: Partial<InsightIncident> & Pick<InsightIncident, "slug">): InsightIncident => ({
  title: i.slug.toUpperCase(), severity: "SEV2", status: "resolved", milestones: {}, impactWindows: [], causes: [], actionItems: [],
  createdAt: "2021-01-01T00:00:00.000Z", ...i,
});
const win = (service: string, start: string, end: string | null, origin = false) => ({ service, condition: "major" as const, start, end, origin });

/**
 * The hand-made set. A: complete. B: starts 23:00 on 31 January and ends in February (a month boundary). C: still
 * open (no resolved milestone, an impact window still open). D: no milestones at all. E: "identified" before "detected".
 */
const A = incident({
  slug: "a", severity: "SEV1",
  milestones: { impact_start: "2021-01-10T10:00:00.000Z", detected: "2021-01-10T10:30:00.000Z", identified: "2021-01-10T11:00:00.000Z",
    mitigated: "2021-01-10T12:00:00.000Z", resolved: "2021-01-10T14:00:00.000Z" },
  impactWindows: [win("svc-x", "2021-01-10T10:00:00.000Z", "2021-01-10T12:00:00.000Z", true),
    win("svc-y", "2021-01-10T10:30:00.000Z", "2021-01-10T11:30:00.000Z"), win("svc-y", "2021-01-10T11:00:00.000Z", "2021-01-10T12:30:00.000Z")],
  causes: [cause(["capacity"], ["svc-x"])],
  actionItems: [item({ title: "Add alarm", type: "detect", owner: "alice", status: "done", closed: "2021-02-01", addresses: 0, due: "2021-01-20" }),
    item({ title: "Write runbook", type: "process", owner: "bob", due: "2021-01-31" })],
});
const B = incident({
  slug: "b", severity: "SEV2",
  milestones: { impact_start: "2021-01-31T23:00:00.000Z", detected: "2021-02-01T00:10:00.000Z", mitigated: "2021-02-01T01:00:00.000Z", resolved: "2021-02-01T04:00:00.000Z" },
  impactWindows: [win("svc-y", "2021-01-31T23:00:00.000Z", "2021-02-01T01:00:00.000Z", true)],
  causes: [cause(["capacity", "change"], ["svc-y"], "contributing")],
  actionItems: [item({ owner: "alice", type: "prevent", status: "done", closed: "2021-02-11" })],
});
const C = incident({
  slug: "c", severity: "SEV1", status: "investigating",
  milestones: { impact_start: "2021-03-05T00:00:00.000Z", detected: "2021-03-05T00:05:00.000Z" },
  impactWindows: [win("svc-y", "2021-03-05T00:00:00.000Z", null)],
  causes: [cause(["capacity"], ["svc-x"])],
  actionItems: [item({ owner: "alice", type: "detect", status: "in_progress", due: "2021-03-01" })],
});
const D = incident({
  slug: "d", severity: "SEV3", createdAt: "2021-03-20T00:00:00.000Z",
  causes: [cause(["capacity"], ["svc-z"])],
  actionItems: [item({ type: "repair", status: "done" })],
});
const E = incident({
  slug: "e", severity: "SEV2",
  milestones: { impact_start: "2021-01-15T00:00:00.000Z", detected: "2021-01-15T00:10:00.000Z", identified: "2021-01-15T00:05:00.000Z", resolved: "2021-01-15T02:00:00.000Z" },
  causes: [cause(["capacity"], ["svc-x"]), cause([], [], "contributing")],
});
const ALL = [A, B, C, D, E];
const SERVICES: InsightService[] = [
  { slug: "svc-x", name: "X internals", isPublic: false, group: "Core" },
  { slug: "svc-y", name: "Y API", isPublic: true, group: "Edge" },
  { slug: "svc-z", name: "Z", isPublic: true, group: "Core" },
];
const NOW = "2021-03-05T01:00:00.000Z";
const TODAY = "2021-03-10";

test("incidents per month by severity: counted once in the month they began, quiet months shown as zero", () => {
  assert.deepEqual(incidentsPerMonth(ALL).map((m) => [m.month, m.total, m.bySeverity]), [
    ["2021-01", 3, { SEV1: 1, SEV2: 2, SEV3: 0, SEV4: 0 }],
    ["2021-02", 0, { SEV1: 0, SEV2: 0, SEV3: 0, SEV4: 0 }],
    ["2021-03", 2, { SEV1: 1, SEV2: 0, SEV3: 1, SEV4: 0 }],
  ]);
  assert.deepEqual(incidentsPerMonth([]), []);
});

test("quantile interpolates between the nearest ranks", () => {
  assert.equal(quantile([10, 30, 70], 0.5), 30);
  assert.equal(quantile([10, 30, 70], 0.9), 62);
  assert.equal(quantile([11, 22], 0.5), 16.5);
  assert.equal(quantile([], 0.5), null);
});

test("durations per month: median and p90 of incidents with both milestones, naming the span and how many were left out", () => {
  const rows = durationsPerMonth(ALL);
  const pick = (month: string, metric: string) => {
    const r = rows.find((x) => x.month === month && x.metric === metric)!;
    return [r.counted, r.leftOut, r.medianMinutes, r.p90Minutes];
  };
  assert.deepEqual(pick("2021-01", "detect"), [3, 0, 30, 62]);
  assert.deepEqual(pick("2021-01", "identify"), [1, 2, 30, 30]); // B has no "identified"; E's is before "detected"
  assert.deepEqual(pick("2021-01", "mitigate"), [2, 1, 120, 120]);
  assert.deepEqual(pick("2021-01", "resolve"), [3, 0, 240, 288]);
  assert.deepEqual(pick("2021-02", "resolve"), [0, 0, null, null]);
  assert.deepEqual(pick("2021-03", "detect"), [1, 1, 5, 5]); // D has no milestones
  assert.deepEqual(pick("2021-03", "resolve"), [0, 2, null, null]); // C is still open
  const detect = rows.find((r) => r.metric === "detect")!;
  assert.equal(detect.span, "Impact start → Detected");
  assert.equal(detect.label, "Time to detect");
});

test("services: origin versus cascade, counted per incident", () => {
  assert.deepEqual(serviceInvolvement(ALL, SERVICES), [
    { service: "svc-y", name: "Y API", origin: 1, cascade: 2 },
    { service: "svc-x", name: "X internals", origin: 1, cascade: 0 },
  ]);
});

test("impact minutes per public component: overlaps counted once, open windows up to now, private services left out", () => {
  assert.deepEqual(impactMinutesPerComponent(ALL, SERVICES, NOW), [
    { service: "svc-y", name: "Y API", group: "Edge", minutes: 120 + 120 + 60, incidents: 3, ongoing: 1 },
    { service: "svc-z", name: "Z", group: "Core", minutes: 0, incidents: 0, ongoing: 0 },
  ]);
});

test("cause tags: uses, incidents and services per tag; a tag in two incidents recurs; untagged causes counted", () => {
  const { tags, untagged } = causeTagUse(ALL, [
    { slug: "capacity", name: "Capacity", keywords: "" }, { slug: "change", name: "Change / deploy", keywords: "" }, { slug: "process", name: "Process", keywords: "" },
  ]);
  assert.equal(untagged, 1);
  assert.deepEqual(tags.map((t) => [t.tag, t.causes, t.incidents, t.services, t.recurring]), [
    ["capacity", 5, ["a", "b", "c", "d", "e"], ["svc-x", "svc-y", "svc-z"], true],
    ["change", 1, ["b"], ["svc-y"], false],
    ["process", 0, [], [], false],
  ]);
});

test("follow-ups by owner and type, median days to close, and the open backlog per month", () => {
  const f = followUps(ALL, TODAY);
  assert.deepEqual(f.byOwner, [
    { key: "alice", open: 1, overdue: 1, done: 2, dropped: 0 },
    { key: "bob", open: 1, overdue: 1, done: 0, dropped: 0 },
    { key: "(nobody yet)", open: 0, overdue: 0, done: 1, dropped: 0 },
  ]);
  assert.deepEqual(f.byType.map((r) => [r.key, r.open, r.overdue, r.done]), [
    ["detect", 1, 1, 1], ["process", 1, 1, 0], ["prevent", 0, 0, 1], ["repair", 0, 0, 1],
  ]);
  assert.deepEqual(f.daysToClose, { median: 16.5, counted: 2, leftOut: 1 }); // 22 and 11 days; D's item has no day
  assert.deepEqual(f.backlog, [{ month: "2021-01", open: 3 }, { month: "2021-02", open: 1 }, { month: "2021-03", open: 2 }]);
  assert.equal(f.trend?.direction, "shrinking");
  const growing = followUps([...ALL, incident({ slug: "f", milestones: { impact_start: "2021-03-08T00:00:00.000Z" }, actionItems: [item({}), item({})] })], TODAY);
  assert.deepEqual([growing.trend?.direction, growing.trend?.from.open, growing.trend?.to.open], ["growing", 3, 4]);
});

test("closing an item stamps the day; opening it again takes the day away; a day given by a person is kept", () => {
  const out = stampClosed([item({ status: "done" }), item({ status: "open", closed: "2021-01-01" }), item({ status: "done", closed: "2020-12-01" }), item({ status: "wont_do" })], TODAY);
  assert.deepEqual(out.map((a) => a.closed), [TODAY, null, "2020-12-01", TODAY]);
});

test("recurrence: a later incident with the same tag on the same service after the fix was done", () => {
  const found = findRecurrences(ALL);
  assert.deepEqual(found.map((r) => [r.fixed.incident, r.fixed.title, r.fixed.closed, r.later.incident, r.tags, r.services]), [
    ["a", "Add alarm", "2021-02-01", "c", ["capacity"], ["svc-x"]],
  ]); // not E (before the fix), not D (other service), not B (other service)
  assert.deepEqual(recurrencesFor("c", ALL).earlier.length, 1);
  assert.deepEqual(recurrencesFor("a", ALL).ours.length, 1);
  assert.deepEqual(recurrencesFor("e", ALL), { ours: [], earlier: [] });
});

test("recurrence: a fix is listed once, with the first incident that showed it and how many did; each later postmortem still says so", () => {
  const second = incident({ slug: "c2", milestones: { impact_start: "2021-04-01T00:00:00.000Z" }, causes: [cause(["capacity"], ["svc-x"])] });
  const found = findRecurrences([...ALL, second]);
  assert.deepEqual(found.map((r) => [r.fixed.incident, r.later.incident, r.laterCount]), [["a", "c", 2]]);
  const onSecond = recurrencesFor("c2", [...ALL, second]).earlier;
  assert.deepEqual(onSecond.map((r) => [r.fixed.title, r.later.incident]), [["Add alarm", "c2"]]);
});

test("recurrence: an open, dropped or unlinked item is never judged; the same day as the fix counts as after", () => {
  const fix = (a: Partial<ActionItem>) => incident({ slug: "fix", milestones: { impact_start: "2021-01-01T00:00:00.000Z" }, causes: [cause(["capacity"], ["svc-x"])], actionItems: [item(a)] });
  const again = incident({ slug: "again", milestones: { impact_start: "2021-02-01T08:00:00.000Z" }, causes: [cause(["capacity", "change"], ["svc-x", "svc-y"])] });
  assert.equal(findRecurrences([fix({ status: "open", addresses: 0 }), again]).length, 0);
  assert.equal(findRecurrences([fix({ status: "wont_do", closed: "2021-01-05", addresses: 0 }), again]).length, 0);
  assert.equal(findRecurrences([fix({ status: "done", closed: "2021-01-05" }), again]).length, 0);
  assert.equal(findRecurrences([fix({ status: "done", closed: "2021-02-02", addresses: 0 }), again]).length, 0);
  assert.equal(findRecurrences([fix({ status: "done", closed: "2021-02-01", addresses: 0 }), again]).length, 1);
});
