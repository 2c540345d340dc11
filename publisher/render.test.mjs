import { test } from "node:test";
import assert from "node:assert/strict";
import { render } from "./render.mjs";
import { fixtureState } from "./fixture.mjs";
import { startIncident } from "./apply.mjs";

const now = "2026-01-05T10:00:00.000Z";
let n = 0;
const ctx = { author: "a@example.com", origin: "app", now, newId: () => `id${String(n++).padStart(10, "0")}` };

test("a fixed state renders the expected site", () => {
  const quiet = render(fixtureState(now), { now });
  assert.deepEqual([...quiet.keys()].sort(), [
    "api/v2/components.json", "api/v2/incidents.json", "api/v2/incidents/unresolved.json", "api/v2/scheduled-maintenances.json",
    "api/v2/scheduled-maintenances/active.json", "api/v2/scheduled-maintenances/upcoming.json", "api/v2/status.json", "api/v2/summary.json",
    "favicon.ico", "feed.atom", "feed.rss", "history/index.html", "history/page-0.html", "index.html", "state.json",
  ]);
  const index = quiet.get("index.html");
  assert.match(index, /<p class="overall none" role="status">All Systems Operational<\/p>/);
  assert.deepEqual([...index.matchAll(/<summary><span>([^<]+) </g)].map((m) => m[1]), ["Core", "Messaging"]);
  assert.equal((index.match(/<div class="comp"><span>[^<]+<\/span><span class="s-operational">operational</g) ?? []).length, 3);
  assert.equal((index.match(/<details class="group">/g) ?? []).length, 2, "all-operational groups start closed");
  assert.equal((index.match(/<h1/g) ?? []).length, 1);
  assert.match(index, /<header class="top">.*<a class="btn" href="[^"]*">Subscribe to updates<\/a><\/header>|<header class="top">/s);
  assert.match(index, /100% uptime/);
  assert.doesNotMatch(index, /<script/i);
  assert.doesNotMatch(index, /(src|href)="(https?:)?\/\//, "no external requests from the page");
  assert.match(index, /href="history\/index\.html"/);

  const { state, incident } = startIncident(fixtureState(now), { name: "API down", body: "Investigating.", components: { api: "major_outage" } }, ctx);
  const busy = render(state, { now, buckets: new Map([[0, [incident]]]) });
  assert.match(busy.get("index.html"), /<p class="overall critical" role="status">Major Service Outage<\/p>/);
  assert.match(busy.get("index.html"), /<h2>Active incidents<\/h2><article class="card"><h3><a href="incidents\/id0000000000\.html">API down<\/a><\/h3><p class="muted">Impact: critical<\/p><p class="muted">Affected components:<\/p><ul class="affected"><li>Public API: <span class="s-major_outage">major outage<\/span><\/li><\/ul>/);
  const page = busy.get("incidents/id0000000000.html");
  assert.match(page, /href="\.\.\/index\.html"/, "links are relative so the site works under any path");
  assert.match(page, /Impact: critical · <span class="st">investigating<\/span> · Affected: Public API/);
  assert.match(busy.get("history/page-0.html"), /API down/);
});
