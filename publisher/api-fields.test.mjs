import { test } from "node:test";
import assert from "node:assert/strict";
import { render } from "./render.mjs";
import { fixtureState } from "./fixture.mjs";
import { linkPostmortem, maintenance, postUpdate, startIncident } from "./apply.mjs";
import { syncComponents } from "./components.mjs";

/**
 * The fields and enums of Statuspage's public api/v2 (as its documentation and the statuspage.io
 * client's types list them), checked one by one on all eight files.
 */
const PAGE = ["id", "name", "url", "time_zone", "updated_at"];
const COMPONENT = ["id", "name", "status", "created_at", "updated_at", "position", "description", "showcase", "start_date", "group_id", "page_id", "group", "only_show_if_degraded"];
const INCIDENT = ["id", "name", "status", "impact", "created_at", "updated_at", "monitoring_at", "resolved_at", "started_at", "page_id", "shortlink", "postmortem_body", "incident_updates", "components"];
const UPDATE = ["id", "incident_id", "status", "body", "created_at", "updated_at", "display_at", "affected_components"];
const ENUMS = {
  component: ["operational", "degraded_performance", "partial_outage", "major_outage", "under_maintenance"],
  incident: ["investigating", "identified", "monitoring", "resolved", "postmortem"],
  maintenance: ["scheduled", "in_progress", "verifying", "completed"],
  impact: ["none", "minor", "major", "critical", "maintenance"],
  indicator: ["none", "minor", "major", "critical", "maintenance"],
};
const MS = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/;

function site() {
  let n = 0;
  const at = (t) => ({ author: "a@example.com", origin: "app", now: t, newId: () => `id${String(n++).padStart(10, "0")}` });
  // Seeded data may carry times without milliseconds; the API must still send them with.
  let state = fixtureState("2026-01-05T10:00:00Z");
  ({ state } = syncComponents(state, [{ id: "api", name: "Public API", group: "Core" }, { id: "web", name: "Website", group: "Core" }, { id: "email", name: "Email", description: "Outbound mail" }], at("2026-01-05T10:00:00Z")));
  let open, done, maint;
  ({ state, incident: open } = startIncident(state, { name: "API down", body: "Looking.", components: { api: "major_outage" } }, at("2026-01-06T10:00:00Z")));
  ({ state, incident: done } = startIncident(state, { name: "Mail slow", body: "Slow.", components: { email: "degraded_performance" } }, at("2026-01-06T11:00:00Z")));
  ({ state, incident: done } = postUpdate(state, done, { status: "resolved", body: "Fine." }, at("2026-01-06T12:00:00Z")));
  ({ state, incident: done } = linkPostmortem(state, done, { page: { slug: "mail-slow", html: "<!DOCTYPE html><html><head><title>x</title><style>p{}</style></head><body><header>nav</header><h1>Postmortem: Mail slow</h1><p>A queue filled &amp; drained.</p><footer>f</footer></body></html>" } }, at("2026-01-07T09:00:00Z")));
  ({ state, incident: maint } = maintenance(state, null, { name: "DB upgrade", body: "Upgrading.", scheduled_for: "2026-02-01T02:00Z", scheduled_until: "2026-02-01T04:00Z", components: ["web"] }, at("2026-01-07T10:00:00Z")));
  void open; void maint;
  return render(state, { now: "2026-01-08T00:00:00.000Z" });
}

/** @param {unknown} v @param {string} where */
function allTimesHaveMs(v, where) {
  if (Array.isArray(v)) return v.forEach((x, i) => allTimesHaveMs(x, `${where}[${i}]`));
  if (!v || typeof v !== "object") return;
  for (const [k, x] of Object.entries(v)) {
    if (/_(at|for|until)$/.test(k) && x !== null) assert.match(String(x), MS, `${where}.${k}`);
    else allTimesHaveMs(x, `${where}.${k}`);
  }
}

test("all eight api/v2 files carry Statuspage's fields and enums, millisecond times and absolute links", () => {
  const files = site();
  const json = (p) => JSON.parse(files.get(`api/v2/${p}`));
  const paths = ["summary.json", "status.json", "components.json", "incidents.json", "incidents/unresolved.json", "scheduled-maintenances.json", "scheduled-maintenances/upcoming.json", "scheduled-maintenances/active.json"];
  for (const p of paths) {
    const body = json(p);
    for (const f of PAGE) assert.ok(f in body.page, `${p} page.${f}`);
    allTimesHaveMs(body, p);
  }
  for (const p of ["summary.json", "status.json"]) assert.ok(ENUMS.indicator.includes(json(p).status.indicator), p);
  const components = json("components.json").components;
  for (const c of components) {
    for (const f of COMPONENT) assert.ok(f in c, `component ${c.id}.${f}`);
    assert.ok(ENUMS.component.includes(c.status));
    assert.ok(Number.isInteger(c.position) && c.position >= 1, `position of ${c.id} starts at 1`);
  }
  assert.deepEqual(components.filter((c) => !c.group).map((c) => c.position), [1, 2, 3]);
  for (const p of ["incidents.json", "incidents/unresolved.json", "summary.json"]) {
    for (const i of json(p).incidents) {
      for (const f of INCIDENT) assert.ok(f in i, `${p} ${i.name}.${f}`);
      assert.ok(ENUMS.incident.includes(i.status), i.status);
      assert.ok(ENUMS.impact.includes(i.impact));
      assert.match(i.shortlink, /^https:\/\/status\.example\.com\/incidents\/[a-z0-9]+\.html$/);
      for (const u of i.incident_updates) for (const f of UPDATE) assert.ok(f in u, `${i.name} update.${f}`);
    }
  }
  const pm = json("incidents.json").incidents.find((i) => i.name === "Mail slow");
  assert.equal(pm.status, "postmortem");
  assert.equal(pm.postmortem_url, "https://status.example.com/postmortems/mail-slow.html");
  assert.equal(pm.postmortem_body, "Postmortem: Mail slow\nA queue filled & drained.");
  assert.equal(json("incidents.json").incidents.find((i) => i.name === "API down").postmortem_body, null);
  for (const p of ["scheduled-maintenances.json", "scheduled-maintenances/upcoming.json", "summary.json"]) {
    const [m] = json(p).scheduled_maintenances;
    assert.equal(m.name, "DB upgrade", p);
    assert.ok(ENUMS.maintenance.includes(m.status));
    assert.equal(m.scheduled_for, "2026-02-01T02:00:00.000Z");
  }
  assert.deepEqual(json("scheduled-maintenances/active.json").scheduled_maintenances, []);
});

test("the feeds name themselves (atom:link self), say their language, and use ids unique to the installation", () => {
  const files = site();
  const atom = files.get("feed.atom"), rss = files.get("feed.rss");
  assert.match(atom, /<feed xmlns="http:\/\/www\.w3\.org\/2005\/Atom" xml:lang="en">/);
  assert.match(atom, /<link rel="self" type="application\/atom\+xml" href="https:\/\/status\.example\.com\/feed\.atom"\/>/);
  assert.match(atom, /<id>tag:sitrep,2020:sitrep-test<\/id>/);
  assert.match(atom, /<id>tag:sitrep,2026-01-\d\d:sitrep-test\/id\d+\/id\d+<\/id>/);
  assert.match(rss, /<atom:link href="https:\/\/status\.example\.com\/feed\.rss" rel="self" type="application\/rss\+xml"\/>/);
  assert.match(rss, /<language>en<\/language>/);
  assert.match(rss, /<guid isPermaLink="false">sitrep-test\//);
});
