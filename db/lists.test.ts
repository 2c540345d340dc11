import { test } from "node:test";
import assert from "node:assert/strict";
import { createIncident, getIncident, listIncidents } from "./incidents";
import { listActionItems } from "./action-items";
import { postmortemSchema } from "../lib/model";
import { freshDb } from "../server/fresh-data-dir.helper";

const waf = postmortemSchema.parse({
  slug: "waf-2019", title: "WAF outage", severity: "SEV1", status: "resolved", timeZone: "UTC",
  milestones: { impact_start: "2019-07-02T13:42:00.000Z" },
  summary: "A regular expression with 100% CPU",
  timeline: [{ at: "2019-07-02T13:45:00.000Z", text: "First alerts", actor: "pagerduty", services: ["waf"] }],
  actionItems: [
    { title: "Stage rule rollouts", type: "prevent", owner: "alice", due: "2019-08-01", status: "open" },
    { title: "Bound regex CPU", type: "prevent", owner: "bob", due: "2030-01-01", status: "in_progress" },
    { title: "Write the runbook", type: "process", owner: "alice", due: null, status: "open" },
    { title: "Old fix", type: "repair", owner: "alice", due: "2019-07-10", status: "done" },
  ],
});

test("the incident list searches titles, text, events and services, and filters by field and date", () => {
  const db = freshDb("lists");
  createIncident(db, waf, "tester");
  const slugs = (f: Parameters<typeof listIncidents>[1]) => listIncidents(db, f).map((i) => i.slug);
  assert.deepEqual(slugs({}), ["kinesis-2020-11-25", "waf-2019"]);
  assert.deepEqual(slugs({ q: "regular expression" }), ["waf-2019"]);
  assert.deepEqual(slugs({ q: "pagerduty" }), ["waf-2019"]);
  assert.deepEqual(slugs({ q: "100%" }), ["waf-2019"]);
  assert.deepEqual(slugs({ q: "50%_" }), []);
  assert.deepEqual(slugs({ q: "cognito" }), ["kinesis-2020-11-25"]);
  assert.deepEqual(slugs({ service: "waf" }), ["waf-2019"]);
  assert.deepEqual(slugs({ severity: "SEV1", from: "2019-07-02", to: "2019-07-02" }), ["waf-2019"]);
  assert.deepEqual(slugs({ from: "2020-01-01" }), ["kinesis-2020-11-25"]);
  assert.deepEqual(slugs({ postmortem: "draft" }), ["waf-2019"]);
  assert.deepEqual(slugs({ status: "investigating" }), []);
  assert.ok(getIncident(db, "waf-2019"));
  db.close();
});

test("action items across postmortems: the ones to do, overdue first, then by due date, undated last", () => {
  const db = freshDb("lists");
  createIncident(db, waf, "tester");
  const mine = listActionItems(db, {}, "2020-01-01").filter((a) => a.incidentSlug === "waf-2019");
  assert.deepEqual(mine.map((a) => [a.title, a.overdue]), [["Stage rule rollouts", true], ["Bound regex CPU", false], ["Write the runbook", false]]);
  const all = listActionItems(db, {}, "2020-01-01");
  assert.equal(all[0].title, "Stage rule rollouts"); // the only overdue one leads, whatever postmortem it is in
  assert.deepEqual(listActionItems(db, { owner: "ALICE", status: "all" }, "2020-01-01").map((a) => a.title),
    ["Stage rule rollouts", "Old fix", "Write the runbook"]);
  assert.deepEqual(listActionItems(db, { status: "done" }, "2020-01-01").filter((a) => a.incidentSlug === "waf-2019").map((a) => a.title), ["Old fix"]);
  db.close();
});
