import { test } from "node:test";
import assert from "node:assert/strict";
import { chooseTheirs, mergePostmortems } from "./merge";
import { postmortemSchema, type Postmortem } from "./model";

const base: Postmortem = postmortemSchema.parse({
  slug: "x", title: "Base", severity: "SEV2", status: "resolved", timeZone: "UTC", summary: "s",
  milestones: { detected: "2020-01-01T10:00:00.000Z" },
  timeline: [{ at: "2020-01-01T10:00:00.000Z", text: "alarm" }],
});
const event = (at: string, text: string) => ({ at, text, kind: "event" as const, actor: "", services: [], source: "" });

test("edits to different fields and different timeline events are both kept", () => {
  const mine = { ...base, title: "Mine", timeline: [...base.timeline, event("2020-01-01T11:00:00.000Z", "my event")] };
  const theirs = { ...base, summary: "theirs", timeline: [event("2020-01-01T09:00:00.000Z", "their event"), ...base.timeline] };
  const { merged, conflicts, fromTheirs } = mergePostmortems(base, mine, theirs);
  assert.deepEqual(conflicts, []);
  assert.equal(merged.title, "Mine");
  assert.equal(merged.summary, "theirs");
  assert.deepEqual(merged.timeline.map((e) => e.text), ["their event", "alarm", "my event"]);
  assert.ok(fromTheirs.includes("summary") && fromTheirs.includes("timeline"));
});

test("a deletion on one side and an untouched item on the other stays deleted", () => {
  const mine = { ...base, timeline: [] };
  const theirs = { ...base, title: "Theirs" };
  const { merged } = mergePostmortems(base, mine, theirs);
  assert.deepEqual(merged.timeline, []);
  assert.equal(merged.title, "Theirs");
});

test("the same field changed differently is a conflict; choosing theirs applies it", () => {
  const mine = { ...base, title: "Mine", milestones: { detected: "2020-01-01T10:05:00.000Z" } };
  const theirs = { ...base, title: "Theirs", milestones: {} };
  const result = mergePostmortems(base, mine, theirs);
  assert.deepEqual(result.conflicts.map((c) => c.field), ["title", "milestones.detected"]);
  assert.equal(result.merged.title, "Mine");
  let chosen = chooseTheirs(result.merged, result.conflicts[0]);
  chosen = chooseTheirs(chosen, result.conflicts[1]);
  assert.equal(chosen.title, "Theirs");
  assert.deepEqual(chosen.milestones, {});
});

test("a save keeps the status events recorded since the editor opened the postmortem, and the status they set", async () => {
  const { keepStatusEvents } = await import("./merge");
  const ev = (at: string, text: string, source = "") => ({ at, kind: "event" as const, actor: "", text, services: [], source });
  const start = { ...base, status: "investigating" as const, timeline: [ev("2020-01-01T10:00:00.000Z", "a"), ev("2020-01-01T11:00:00.000Z", "first update", "status:u1")] };
  const current = { ...start, status: "identified" as const, timeline: [...start.timeline, ev("2020-01-01T11:30:00.000Z", "second update", "status:u2")] };
  const edited = { ...start, title: "Edited", timeline: [ev("2020-01-01T10:00:00.000Z", "a, reworded"), ev("2020-01-01T11:00:00.000Z", "tampered", "status:u1"), ev("2020-01-01T12:00:00.000Z", "forged", "status:u9")] };
  const merged = keepStatusEvents(current, edited, start);
  assert.deepEqual(merged.timeline.map((e) => e.text), ["a, reworded", "first update", "second update"]);
  assert.equal(merged.status, "identified", "the status a status update set survives a save that did not touch it");
  assert.equal(keepStatusEvents(current, { ...edited, status: "resolved" }, start).status, "resolved", "an editor's own change of status wins");
});
