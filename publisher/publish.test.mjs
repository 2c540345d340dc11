import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, mkdtempSync, readFileSync, readlinkSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createSite, publish } from "./publish.mjs";
import { postUpdate, startIncident, setBanner, PublishError } from "./apply.mjs";
import { fixtureState } from "./fixture.mjs";
import { readJournal } from "./journal.mjs";
import { readState, siteLayout } from "./site.mjs";
import { relink, releases } from "./write.mjs";

function tempSite() {
  const dir = mkdtempSync(join(tmpdir(), "sitrep-site-"));
  test.after(() => rmSync(dir, { recursive: true, force: true }));
  return join(dir, "site");
}

const opts = { author: "ops@example.com", origin: "app" };
const read = (site, path) => readFileSync(join(site, path), "utf8");

test("start, update and resolve an incident: pages, JSON, feeds, history and journal follow", async () => {
  const site = tempSite();
  await createSite(site, fixtureState(), []);
  const started = await publish(site, (s, ctx) => startIncident(s, { name: "Elevated API errors", status: "investigating", body: "We are **looking** into it.", components: { api: "major_outage" } }, ctx), opts);
  const id = started.incident.id;
  assert.match(id, /^[a-z0-9]{12}$/);
  assert.match(read(site, "index.html"), /Elevated API errors/);
  assert.match(read(site, "index.html"), /Major Service Outage/);
  assert.match(read(site, `incidents/${id}.html`), /We are <strong>looking<\/strong> into it\./);
  assert.equal(JSON.parse(read(site, "api/v2/status.json")).status.indicator, "critical");
  assert.equal(JSON.parse(read(site, "api/v2/incidents/unresolved.json")).incidents[0].id, id);

  await publish(site, (s, ctx, find) => postUpdate(s, find(id), { status: "identified", body: "A bad deploy.", components: { api: "partial_outage" } }, ctx), opts);
  const resolved = await publish(site, (s, ctx, find) => postUpdate(s, find(id), { status: "resolved", body: "Fixed." }, ctx), opts);
  const api = JSON.parse(read(site, "api/v2/incidents.json")).incidents[0];
  assert.deepEqual(api.incident_updates.map((u) => u.status), ["resolved", "identified", "investigating"]);
  assert.deepEqual(api.incident_updates[0].affected_components, [{ code: "api", name: "Public API", old_status: "partial_outage", new_status: "operational" }]);
  assert.ok(api.resolved_at);
  assert.equal(JSON.parse(read(site, "api/v2/status.json")).status.indicator, "none");
  assert.equal(JSON.parse(read(site, "api/v2/incidents/unresolved.json")).incidents.length, 0);
  assert.match(read(site, "history/page-0.html"), /Elevated API errors/);
  assert.equal((read(site, "feed.atom").match(/<entry>/g) ?? []).length, 3);
  assert.equal(readState(site).components.find((c) => c.id === "api").status, "operational");
  const journal = readJournal(siteLayout(site).journal);
  assert.deepEqual(journal.map((e) => [e.update?.status, e.origin, e.author]), [
    ["investigating", "app", "ops@example.com"], ["identified", "app", "ops@example.com"], ["resolved", "app", "ops@example.com"],
  ]);
  assert.equal(readlinkSync(site), join("site.d", "releases", resolved.release));
  await publish(site, (s, ctx) => setBanner(s, { text: "All good now." }, ctx), opts);
  assert.match(read(site, "history/page-0.html"), /Elevated API errors/, "a publish that touches no incident leaves history as it was");
  assert.match(read(site, `incidents/${id}.html`), /Fixed\./);
});

test("only the last five releases are kept; pruning never reaches the shared store, and a kept release can be linked again", async () => {
  const site = tempSite();
  await createSite(site, fixtureState(), []);
  const started = await publish(site, (s, ctx) => startIncident(s, { name: "Slow logins", body: "Looking.", components: { api: "degraded_performance" } }, ctx), opts);
  const made = [started.release];
  for (let n = 0; n < 6; n++) made.push((await publish(site, (s, ctx) => setBanner(s, { text: `Note ${n}` }, ctx), opts)).release);
  assert.deepEqual(releases(site), made.slice(-5));
  assert.match(read(site, `incidents/${started.incident.id}.html`), /Slow logins/);
  assert.match(read(site, "history/page-0.html"), /Slow logins/);
  relink(site, made.at(-2));
  assert.match(read(site, "index.html"), /Note 4/);
  assert.throws(() => relink(site, made[0]), /no longer kept/);
});

test("bad input is refused by field and leaves the live site exactly as it was", async () => {
  const site = tempSite();
  await createSite(site, fixtureState(), []);
  const { incident } = await publish(site, (s, ctx) => startIncident(s, { name: "X", body: "first", components: { api: "degraded_performance" } }, ctx), opts);
  const before = readlinkSync(site);
  const index = read(site, "index.html");
  const attempts = [
    [(s, ctx) => startIncident(s, { name: "Y", body: "b", components: { nope: "major_outage" } }, ctx), /^components\.nope: no component "nope"/],
    [(s, ctx) => startIncident(s, { name: "Y", body: "b", components: { api: "on_fire" } }, ctx), /^components\.api: "on_fire" is not one of/],
    [(s, ctx) => startIncident(s, { name: "Y", body: "b", status: "panicking" }, ctx), /^status:/],
    [(s, ctx) => startIncident(s, { name: "Y", body: "b", impact: "apocalyptic" }, ctx), /^impact:/],
    [(s, ctx) => startIncident(s, { name: "Y", body: "   " }, ctx), /^body: the message must not be empty/],
    [(s, ctx) => startIncident(s, { name: "Y", body: "x".repeat(10_001) }, ctx), /^body: longer than/],
    [(s, ctx) => startIncident(s, { name: "", body: "b" }, ctx), /^name:/],
    [(s, ctx) => setBanner(s, { text: "b", level: "purple" }, ctx), /^level:/],
  ];
  for (const [op, message] of attempts) await assert.rejects(publish(site, op, opts), (err) => err instanceof PublishError && message.test(err.message));
  assert.equal(readlinkSync(site), before);
  assert.equal(read(site, "index.html"), index);
  assert.equal(readJournal(siteLayout(site).journal).length, 1);
  await publish(site, (s, ctx, find) => postUpdate(s, find(incident.id), { status: "resolved", body: "done" }, ctx), opts);
  await assert.rejects(publish(site, (s, ctx, find) => postUpdate(s, find(incident.id), { body: "more" }, ctx), opts), /already resolved/);
});

test("HTML and script in any field come out as text", async () => {
  const site = tempSite();
  await createSite(site, fixtureState(), []);
  const evil = '<script>alert(1)</script><img src=x onerror=alert(2)>';
  const { incident } = await publish(site, (s, ctx) => startIncident(s, { name: evil, body: `${evil} [x](javascript:alert(3))` }, ctx), opts);
  await publish(site, (s, ctx) => setBanner(s, { text: evil }, ctx), opts);
  for (const path of ["index.html", `incidents/${incident.id}.html`, "feed.atom", "feed.rss"]) {
    const text = read(site, path);
    assert.doesNotMatch(text, /<script>|<img/i, path);
    assert.doesNotMatch(text, /href="javascript:/i, path);
  }
  assert.match(read(site, "index.html"), /&lt;script&gt;alert\(1\)&lt;\/script&gt;/);
  assert.equal(JSON.parse(read(site, "api/v2/incidents.json")).incidents[0].name, evil);
});

test("a corrupt or missing state.json is reported, never published over", async () => {
  const site = tempSite();
  await assert.rejects(publish(site, (s, ctx) => startIncident(s, { name: "x", body: "y" }, ctx), opts), /no state\.json/);
  await createSite(site, fixtureState(), []);
  const { writeFileSync } = await import("node:fs");
  writeFileSync(join(site, "state.json"), "{ not json");
  await assert.rejects(publish(site, (s, ctx) => startIncident(s, { name: "x", body: "y" }, ctx), opts), /state\.json is corrupt/);
  assert.ok(existsSync(join(site, "index.html")));
});
