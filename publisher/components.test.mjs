import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createSite, publish } from "./publish.mjs";
import { postUpdate, startIncident, PublishError } from "./apply.mjs";
import { syncComponents } from "./components.mjs";
import { fixtureState } from "./fixture.mjs";
import { readJournal } from "./journal.mjs";
import { readState, siteLayout } from "./site.mjs";

function tempSite() {
  const dir = mkdtempSync(join(tmpdir(), "sitrep-comp-"));
  test.after(() => rmSync(dir, { recursive: true, force: true }));
  return join(dir, "site");
}
const opts = { author: "ops@example.com", origin: "app" };
const read = (site, path) => readFileSync(join(site, path), "utf8");
const base = [
  { id: "api", name: "Public API", group: "Core" }, { id: "web", name: "Website", group: "Core" }, { id: "email", name: "Email delivery", group: "Messaging" },
];

test("adding, renaming, grouping and reordering components is a journaled publish; ids never change", async () => {
  const site = tempSite();
  await createSite(site, fixtureState(), []);
  const wanted = [{ id: "payments-api", name: "Payments API", description: "Card payments", group: "Payments" }, ...base];
  const added = await publish(site, (s, ctx) => syncComponents(s, wanted, ctx), { ...opts, kind: "components" });
  const summary = JSON.parse(read(site, "api/v2/summary.json"));
  const pay = summary.components.find((c) => c.id === "payments-api");
  assert.equal(pay.name, "Payments API");
  assert.equal(pay.position, 1);
  assert.equal(pay.description, "Card payments");
  assert.equal(summary.components.find((c) => c.name === "Payments" && c.group).components[0], "payments-api");
  assert.match(read(site, "index.html"), /Payments API/);
  assert.equal(readJournal(siteLayout(site).journal).at(-1).kind, "components");
  assert.equal(added.entry.release, readState(site) && added.release);

  const renamed = [{ ...wanted[0], name: "Payments" }, ...base];
  await publish(site, (s, ctx) => syncComponents(s, renamed, ctx), { ...opts, kind: "components" });
  const after = JSON.parse(read(site, "api/v2/components.json")).components.find((c) => c.id === "payments-api");
  assert.equal(after.name, "Payments");
});

test("the change is said in words, and nothing changes when nothing differs", () => {
  const ctx = { ...opts, now: "2026-01-06T00:00:00.000Z", newId: () => "x" };
  const state = fixtureState();
  const same = syncComponents(state, base, ctx);
  assert.equal(same.state, state);
  assert.deepEqual(same.notes, []);
  const change = syncComponents(state, [{ id: "web", name: "Web site", group: "Front" }, { id: "api", name: "Public API", group: "Core", only_show_if_degraded: true }], ctx);
  assert.deepEqual(change.notes, [
    'rename "Website" to "Web site"', 'move "Web site" to group "Front"', 'show "Public API" only while it is not operational',
    'retire "Email delivery" (its past incidents stay on the page)', "reorder the components",
  ]);
});

test("a retired component leaves the page and API, yet its past incidents keep its name", async () => {
  const site = tempSite();
  await createSite(site, fixtureState(), []);
  const started = await publish(site, (s, ctx) => startIncident(s, { name: "Mail delayed", body: "Looking.", components: { email: "partial_outage" } }, ctx), opts);
  const id = started.incident.id;
  await assert.rejects(publish(site, (s, ctx) => syncComponents(s, base.slice(0, 2), ctx), opts),
    (err) => err instanceof PublishError && err.field === "components.email" && /Mail delayed/.test(err.message));
  await assert.rejects(publish(site, (s, ctx) => syncComponents(s, [...base.slice(0, 2), { ...base[2], only_show_if_degraded: true }], ctx), opts),
    (err) => err instanceof PublishError && err.field === "components.email.only_show_if_degraded" && /Mail delayed/.test(err.message));
  await publish(site, (s, ctx, find) => postUpdate(s, find(id), { status: "resolved", body: "Fixed." }, ctx), opts);
  await publish(site, (s, ctx) => syncComponents(s, base.slice(0, 2), ctx), opts);
  assert.doesNotMatch(read(site, "index.html"), /Email delivery/);
  assert.equal(JSON.parse(read(site, "api/v2/components.json")).components.some((c) => c.id === "email"), false);
  // The incident page is re-rendered after retirement and still names the component.
  await publish(site, (s, ctx, find) => ({ state: s, incident: find(id) }), opts);
  assert.match(read(site, `incidents/${id}.html`), /Affected: Email delivery/);
  assert.equal(JSON.parse(read(site, "api/v2/incidents.json")).incidents[0].incident_updates[0].affected_components[0].name, "Email delivery");
});

test("bad lists are refused naming the field, and the live site is untouched", async () => {
  const site = tempSite();
  await createSite(site, fixtureState(), []);
  const before = read(site, "index.html");
  const cases = [
    [[...base, { id: "api", name: "Again" }], "components.api"],
    [[...base, { id: "new", name: "website" }], "components.new.name"],
    [[...base, { id: "new", name: "  " }], "components.new.name"],
    [[...base, { id: "new", name: "x".repeat(300) }], "components.new.name"],
    [[...base, { id: "Bad Id", name: "Bad" }], "components[3].id"],
    [[...base, { id: "new", name: "New", group: "g".repeat(101) }], "components.new.group"],
  ];
  for (const [wanted, field] of cases) {
    await assert.rejects(publish(site, (s, ctx) => syncComponents(s, wanted, ctx), opts), (err) => err instanceof PublishError && err.field === field, field);
  }
  assert.equal(read(site, "index.html"), before);
});

test("a component shown only when degraded is hidden while operational", async () => {
  const site = tempSite();
  await createSite(site, fixtureState(), []);
  await publish(site, (s, ctx) => syncComponents(s, [...base.slice(0, 2), { ...base[2], only_show_if_degraded: true }], ctx), opts);
  assert.doesNotMatch(read(site, "index.html"), /Email delivery/);
  assert.equal(JSON.parse(read(site, "api/v2/components.json")).components.find((c) => c.id === "email").only_show_if_degraded, true);
  await publish(site, (s, ctx) => startIncident(s, { name: "Mail slow", body: "Slow.", components: { email: "degraded_performance" } }, ctx), opts);
  assert.match(read(site, "index.html"), /Email delivery/);
});
