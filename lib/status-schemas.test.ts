import { test } from "node:test";
import assert from "node:assert/strict";
import { subscribeSchema } from "./status-schemas";

test("subscriptions: one inbox is one subscriber however it is typed; bad targets name the field", () => {
  assert.equal(subscribeSchema.parse({ kind: "email", target: "  Reader@Example.COM " }).target, "reader@example.com");
  assert.equal(subscribeSchema.parse({ kind: "webhook", target: "https://Hooks.example.com/A" }).target, "https://Hooks.example.com/A", "URLs keep their case");
  const bad = subscribeSchema.safeParse({ kind: "email", target: "not an address" });
  assert.equal(bad.success, false);
  assert.deepEqual(bad.error?.issues.map((i) => i.path.join(".")), ["target"]);
});

test("the API's schemas check only shape; the publisher's rules decide, the same for the API and the CLI", async () => {
  const { maintenance, startIncident, PublishError } = await import("@/publisher/apply.mjs");
  const { fixtureState } = await import("@/publisher/fixture.mjs");
  const { zoneTable } = await import("@/publisher/zone-table.mjs");
  const { maintenanceSchema, startIncidentSchema } = await import("./status-schemas");
  const state = fixtureState();
  state.page = { ...state.page, time_zone: "America/Los_Angeles", zone_table: zoneTable("America/Los_Angeles") };
  const ctx = { author: "a", origin: "app" as const, now: "2026-01-05T10:00:00.000Z", newId: () => "x" };
  const refusal = (fn: () => unknown) => { try { fn(); return null; } catch (e) { return e instanceof PublishError ? e.message : String(e); } };
  // Shapes pass zod; the publisher refuses with the field named, whichever door the input came by.
  const long = { name: "m".repeat(201), body: "b", scheduled_for: "2026-12-01T02:00:00Z", scheduled_until: "2026-12-01T03:00:00Z" };
  assert.equal(maintenanceSchema.safeParse(long).success, true);
  assert.equal(refusal(() => maintenance(state, null, maintenanceSchema.parse(long), ctx)), "name: longer than 200 characters");
  const start = { name: "x", body: "b", status: "panicking" };
  assert.equal(startIncidentSchema.safeParse(start).success, true);
  assert.match(refusal(() => startIncident(state, startIncidentSchema.parse(start), ctx)) ?? "", /^status: "panicking" is not one of/);
  // A time without an offset is read in the page's zone, and the change says so.
  const local = maintenanceSchema.parse({ name: "DB upgrade", body: "b", scheduled_for: "2026-12-01 02:00", scheduled_until: "2026-12-01T03:00-08:00" });
  const change = maintenance(state, null, local, ctx);
  assert.equal(change.incident?.scheduled_for, "2026-12-01T10:00:00.000Z");
  assert.match(change.notes?.[0] ?? "", /read in America\/Los_Angeles \(UTC\u221208:00\)/);
  assert.match(refusal(() => maintenance(state, null, { ...local, scheduled_for: "next tuesday" }, ctx)) ?? "", /^scheduled_for: must be a date and time/);
  // Shape errors name the field.
  const bad = startIncidentSchema.safeParse({ name: 3, body: "b" });
  assert.deepEqual(bad.error?.issues.map((i) => i.path.join(".")), ["name"]);
});
