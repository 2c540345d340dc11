import { test } from "node:test";
import assert from "node:assert/strict";
import { maintenance, postUpdate, setBanner, startIncident } from "./apply.mjs";
import { fixtureState } from "./fixture.mjs";
import { historyIndex, indexPage, uptimeOf } from "./pages.mjs";
import { useZoneTable } from "./html.mjs";
import { zoneTable } from "./zone-table.mjs";

let n = 0;
const at = (now) => ({ author: "a@example.com", origin: "app", now, newId: () => `id${String(n++).padStart(10, "0")}` });

test("uptime leaves maintenance out, counts degraded days as up, a partial outage as 30% and a major outage as a whole day down", () => {
  const today = "2026-03-31";
  assert.equal(uptimeOf({}, today), 100);
  assert.equal(uptimeOf({ "2026-03-30": "degraded_performance" }, today), 100, "slow is not down");
  assert.equal(uptimeOf({ "2026-03-30": "under_maintenance" }, today), 100);
  assert.equal(uptimeOf({ "2026-03-30": "major_outage" }, today), (89 / 90) * 100);
  assert.equal(uptimeOf({ "2026-03-30": "partial_outage" }, today), ((90 - 0.3) / 90) * 100);
  assert.equal(uptimeOf({ "2026-03-30": "major_outage", "2026-03-29": "under_maintenance" }, today), (88 / 89) * 100);
});

test("what customers see: uptime in words with per-segment titles, a critical banner in words, maintenance with its UTC offset, history by month", () => {
  let state = fixtureState("2026-01-05T10:00:00.000Z");
  state.page = { ...state.page, time_zone: "Europe/Berlin", zone_table: zoneTable("Europe/Berlin") };
  useZoneTable("Europe/Berlin", state.page.zone_table);
  let r = startIncident(state, { name: "Mail slow", body: "Slow.", components: { email: "degraded_performance" } }, at("2026-01-10T09:00:00.000Z"));
  r = postUpdate(r.state, r.incident, { status: "resolved", body: "Fine." }, at("2026-01-10T10:30:00.000Z"));
  r = startIncident(r.state, { name: "API down", body: "Down.", components: { api: "major_outage" } }, at("2026-02-02T09:00:00.000Z"));
  r = maintenance(r.state, null, { name: "DB upgrade", body: "Planned.", scheduled_for: "2026-07-01T02:00:00Z", scheduled_until: "2026-07-01T04:00:00Z" }, at("2026-02-02T10:00:00.000Z"));
  state = setBanner(r.state, { text: "Payments are failing.", level: "critical" }, at("2026-02-02T10:05:00.000Z")).state;
  const index = indexPage(state, "2026-02-02T12:00:00.000Z");
  assert.match(index, /<strong class="tag">Critical:<\/strong> Payments are failing\./);
  assert.match(index, /<li>Public API: <span class="s-major_outage">major outage<\/span><\/li>/);
  assert.match(index, /Scheduled <time[^>]*>Jul 1, 2026, 04:00 [^<]*<\/time> \(UTC\+02:00\) to <time[^>]*>Jul 1, 2026, 06:00 [^<]*<\/time> \(UTC\+02:00\)/);
  assert.match(index, /<title>2026-01-10: degraded performance<\/title>/);
  assert.match(index, /aria-label="Email delivery: last 90 days, 100% uptime"/, "a degraded day is not an outage");
  assert.match(index, /aria-label="Public API: last 90 days, 98\.89% uptime"/);
  assert.match(index, /<details class="group" open><summary><span>Core <span class="muted">\(2\)<\/span><\/span><span class="s-major_outage">major outage<\/span><\/summary>/);
  assert.match(index, /<details class="group"><summary><span>Messaging/);
  const history = historyIndex(state, 0);
  assert.deepEqual([...history.matchAll(/<h2>([^<]+)<\/h2>/g)].map((m) => m[1]), ["July 2026", "February 2026", "January 2026", "All incidents, page by page"]);
  assert.match(history, /Mail slow<\/a> <span class="muted"><time[^>]*>[^<]+<\/time> · 1 h 30 min<\/span>/);
  assert.match(history, /API down<\/a> <span class="muted"><time[^>]*>[^<]+<\/time> · ongoing<\/span>/);
});
