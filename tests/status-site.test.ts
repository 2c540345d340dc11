import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { HtmlValidate } from "html-validate";
import Parser from "rss-parser";
import { createSite, publish } from "../publisher/publish.mjs";
import { maintenance, postUpdate, setBanner, startIncident } from "../publisher/apply.mjs";
import { fixtureState } from "../publisher/fixture.mjs";

const dir = mkdtempSync(join(tmpdir(), "sitrep-site-check-"));
const site = join(dir, "site");
test.after(() => rmSync(dir, { recursive: true, force: true }));
const read = (path: string) => readFileSync(join(site, path), "utf8");
const opts = { author: "ops@example.com", origin: "app" as const };
let incidentId = "";

test.before(async () => {
  await createSite(site, fixtureState(), []);
  const r = await publish(site, (s, ctx) => startIncident(s, { name: "Email delays", body: "Looking into **delays**.\n\n- queue\n- retries", components: { email: "partial_outage", web: "degraded_performance" } }, ctx), opts);
  incidentId = r.incident!.id;
  await publish(site, (s, ctx, find) => postUpdate(s, find(incidentId)!, { status: "monitoring", body: "A fix is out; see [notes](https://example.com/n)." }, ctx), opts);
  await publish(site, (s, ctx) => maintenance(s, null, { name: "Database upgrade", body: "Short read-only window.", scheduled_for: "2030-01-01T02:00:00Z", scheduled_until: "2030-01-01T03:00:00Z", components: ["api"] }, ctx), opts);
  await publish(site, (s, ctx) => setBanner(s, { text: "Sign-in may be slow.", level: "warning" }, ctx), opts);
});

test("every kind of page is valid HTML", async () => {
  const validator = new HtmlValidate({ extends: ["html-validate:recommended"] });
  for (const path of ["index.html", `incidents/${incidentId}.html`, "history/page-0.html", "history/index.html"]) {
    const report = await validator.validateString(read(path));
    assert.deepEqual(report.results.flatMap((r) => r.messages.map((m) => `${m.ruleId}: ${m.message}`)), [], path);
  }
});

test("Atom and RSS parse with a real feed parser, one entry per update, newest first", async () => {
  const parser = new Parser();
  for (const path of ["feed.atom", "feed.rss"]) {
    const feed = await parser.parseString(read(path));
    assert.equal(feed.items.length, 3, path);
    assert.equal(feed.items[0].title, "Database upgrade: scheduled");
    assert.match(feed.items[2].content ?? "", /<strong>delays<\/strong>/);
    assert.equal(feed.items[1].link, `https://status.example.com/incidents/${incidentId}.html`);
  }
});

const keys = (o: object) => Object.keys(o).sort();

test("the JSON has Statuspage's field names and enums", () => {
  const summary = JSON.parse(read("api/v2/summary.json"));
  assert.deepEqual(keys(summary), ["components", "incidents", "page", "scheduled_maintenances", "status"]);
  assert.deepEqual(keys(summary.page), ["id", "name", "time_zone", "updated_at", "url"]);
  assert.deepEqual(summary.status, { indicator: "major", description: "Partial System Outage" });
  const component = summary.components.find((c: { id: string }) => c.id === "email");
  for (const k of ["id", "name", "status", "created_at", "updated_at", "position", "description", "showcase", "start_date", "group_id", "page_id", "group", "only_show_if_degraded"]) assert.ok(k in component, k);
  assert.equal(component.status, "partial_outage");
  assert.equal(component.group_id, "group-messaging");
  const group = summary.components.find((c: { id: string }) => c.id === "group-core");
  assert.deepEqual([group.group, group.components, group.status], [true, ["api", "web"], "degraded_performance"]);
  const incident = summary.incidents[0];
  for (const k of ["id", "name", "status", "impact", "created_at", "updated_at", "monitoring_at", "resolved_at", "shortlink", "page_id", "incident_updates", "components"]) assert.ok(k in incident, k);
  assert.deepEqual([incident.status, incident.impact], ["monitoring", "major"]);
  const first = incident.incident_updates.at(-1);
  for (const k of ["id", "incident_id", "status", "body", "created_at", "updated_at", "display_at", "affected_components"]) assert.ok(k in first, k);
  assert.deepEqual(first.affected_components[0], { code: "email", name: "Email delivery", old_status: "operational", new_status: "partial_outage" });
  const upcoming = JSON.parse(read("api/v2/scheduled-maintenances/upcoming.json")).scheduled_maintenances;
  assert.deepEqual([upcoming[0].status, upcoming[0].scheduled_for, upcoming[0].scheduled_until], ["scheduled", "2030-01-01T02:00:00.000Z", "2030-01-01T03:00:00.000Z"]);
  assert.deepEqual(JSON.parse(read("api/v2/scheduled-maintenances/active.json")).scheduled_maintenances, []);
  assert.equal(JSON.parse(read("api/v2/incidents/unresolved.json")).incidents.length, 1);
  assert.equal(JSON.parse(read("api/v2/components.json")).components.length, 5);
  assert.deepEqual(keys(JSON.parse(read("api/v2/status.json"))), ["page", "status"]);
});

test("the renderer is deterministic: the same state renders the same files", async () => {
  const { render } = await import("../publisher/render.mjs");
  const state = JSON.parse(read("state.json"));
  const a = render(state, { now: "2026-01-06T00:00:00.000Z" });
  const b = render(state, { now: "2026-01-06T00:00:00.000Z" });
  assert.deepEqual([...a.entries()], [...b.entries()]);
});
