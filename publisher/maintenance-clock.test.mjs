import { test } from "node:test";
import assert from "node:assert/strict";
import { maintenance } from "./apply.mjs";
import { advanceMaintenance, dueMaintenance } from "./maintenance-clock.mjs";
import { fixtureState } from "./fixture.mjs";

const ctx = (now) => ({ author: "system", origin: "app", now, newId: () => `id${Math.random().toString(36).slice(2, 12)}` });

test("maintenance starts and completes on its own at its scheduled times", () => {
  let { state, incident } = maintenance(fixtureState(), null, { name: "DB upgrade", body: "Planned.", scheduled_for: "2026-02-01T02:00:00Z", scheduled_until: "2026-02-01T04:00:00Z", components: ["api"] }, ctx("2026-01-10T00:00:00.000Z"));
  assert.deepEqual(dueMaintenance(state, "2026-02-01T01:59:59.000Z"), []);
  const [start] = dueMaintenance(state, "2026-02-01T02:00:00.000Z");
  assert.equal(start.status, "in_progress");
  const find = (id) => state.incidents.find((i) => i.id === id);
  ({ state, incident } = advanceMaintenance(incident.id, start.status, start.body)(state, ctx("2026-02-01T02:00:05.000Z"), find));
  assert.equal(incident.status, "in_progress");
  assert.equal(state.components.find((c) => c.id === "api").status, "under_maintenance");
  // Asked again for the same step (a second timer tick), nothing is published twice.
  assert.throws(() => advanceMaintenance(incident.id, "in_progress", "again")(state, ctx("2026-02-01T02:00:06.000Z"), (id) => state.incidents.find((i) => i.id === id)), /already moved on/);
  const [end] = dueMaintenance(state, "2026-02-01T04:00:00.000Z");
  assert.equal(end.status, "completed");
  ({ state, incident } = advanceMaintenance(incident.id, end.status, end.body)(state, ctx("2026-02-01T04:00:01.000Z"), (id) => state.incidents.find((i) => i.id === id)));
  assert.equal(incident.status, "completed");
  assert.equal(state.components.find((c) => c.id === "api").status, "operational");
  assert.deepEqual(dueMaintenance(state, "2026-03-01T00:00:00.000Z"), []);
});

test("a maintenance whose whole window passed while the app was down is completed, not started", () => {
  const { state } = maintenance(fixtureState(), null, { name: "Short", body: "x", scheduled_for: "2026-02-01T02:00:00Z", scheduled_until: "2026-02-01T03:00:00Z" }, ctx("2026-01-10T00:00:00.000Z"));
  assert.deepEqual(dueMaintenance(state, "2026-02-02T00:00:00.000Z").map((d) => d.status), ["completed"]);
});
