import { test } from "node:test";
import assert from "node:assert/strict";
import { createIncident, getIncident, updateIncident } from "./incidents";
import { listCauseTags, replaceCauseTags } from "./cause-tags";
import { insightIncidentsSince, insightServices, loadInsightIncidents } from "./insights";
import { freshDb } from "../server/fresh-data-dir.helper";

test("a fresh database has the starting taxonomy, and admins' edits replace it whole", () => {
  const db = freshDb("tags");
  assert.deepEqual(listCauseTags(db).map((t) => t.slug), ["change", "capacity", "dependency", "configuration", "monitoring-gap", "process"]);
  replaceCauseTags(db, [{ slug: "capacity", name: "Capacity", keywords: "thread" }, { slug: "human", name: "Human factors", keywords: "fatigue" }]);
  assert.deepEqual(listCauseTags(db).map((t) => t.name), ["Capacity", "Human factors"]);
});

test("cause tags, the cause an action item addresses and its closing day survive a save and are read by the insights", () => {
  const db = freshDb("tags");
  const pm = getIncident(db, "kinesis-2020-11-25")!;
  assert.ok(pm.causes.every((c) => c.tags.length === 0));
  const root = pm.causes.findIndex((c) => c.kind === "root_cause");
  const edited = {
    ...pm,
    causes: pm.causes.map((c, i) => (i === root ? { ...c, tags: ["capacity", "monitoring-gap"] } : c)),
    actionItems: pm.actionItems.map((a, i) => (i === 2 ? { ...a, status: "done" as const, closed: "2020-12-15", addresses: root } : a)),
  };
  const saved = updateIncident(db, pm.slug, edited, pm.version, "alice");
  assert.deepEqual(saved.causes[root].tags, ["capacity", "monitoring-gap"]);
  assert.deepEqual([saved.actionItems[2].closed, saved.actionItems[2].addresses], ["2020-12-15", root]);
  const [kinesis] = loadInsightIncidents(db);
  assert.deepEqual(kinesis.causes[root].tags, ["capacity", "monitoring-gap"]);
  assert.deepEqual(kinesis.causes[root].services, ["kinesis-front-end"]);
  assert.equal(kinesis.actionItems[2].addresses, root);
  assert.ok(insightServices(db).some((s) => s.slug === "cognito" && s.isPublic));
});

test("an action item naming a cause the postmortem does not have is refused, naming the field", () => {
  const db = freshDb("tags");
  const pm = getIncident(db, "kinesis-2020-11-25")!;
  assert.throws(() => updateIncident(db, pm.slug, { ...pm, actionItems: [{ ...pm.actionItems[0], addresses: 99 }] }, pm.version, "alice"),
    (err: Error) => /actionItems\.0\.addresses: names cause 100, but the postmortem lists \d+ causes/.test(err.message));
  assert.equal(getIncident(db, pm.slug)!.version, pm.version);
});

test("the insights read again only incidents added or saved since, drop removed ones, and match a full read", () => {
  const db = freshDb("tags");
  const first = insightIncidentsSince(db);
  const pm = getIncident(db, "kinesis-2020-11-25")!;
  const root = pm.causes.findIndex((c) => c.kind === "root_cause");
  updateIncident(db, pm.slug, { ...pm, causes: pm.causes.map((c, i) => (i === root ? { ...c, tags: ["capacity"] } : c)) }, pm.version, "alice");
  createIncident(db, { ...pm, slug: "later-one", title: "Later one", causes: pm.causes.map((c) => ({ ...c, tags: ["dependency"] })) }, "bob");
  createIncident(db, { ...pm, slug: "gone-soon", title: "Gone soon" }, "bob");
  const second = insightIncidentsSince(db, first);
  assert.deepEqual(second.incidents, loadInsightIncidents(db), "after a save and two new incidents");
  assert.notEqual(second.byId.get(1), undefined);
  assert.equal(second.incidents.find((i) => i.slug === "later-one")?.causes[0].tags[0], "dependency");
  assert.deepEqual(second.incidents.find((i) => i.slug === pm.slug)?.causes[root].tags, ["capacity"]);
  db.prepare("DELETE FROM incidents WHERE slug = 'gone-soon'").run();
  const third = insightIncidentsSince(db, second);
  assert.deepEqual(third.incidents, loadInsightIncidents(db), "after a removal");
  assert.ok(!third.incidents.some((i) => i.slug === "gone-soon"));
  // Unchanged incidents are carried over, not read again.
  assert.equal(third.incidents.find((i) => i.slug === "later-one"), second.incidents.find((i) => i.slug === "later-one"));
});
