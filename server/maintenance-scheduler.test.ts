import { test } from "node:test";
import assert from "node:assert/strict";
import { listIncidents } from "../db/incidents";
import { addSubscriber } from "../db/subscribers";
import { maintenance } from "../publisher/apply.mjs";
import { publish } from "../publisher/publish.mjs";
import { readState } from "../publisher/site.mjs";
import { importJournal } from "./journal-import";
import { freshDataDir } from "./fresh-data-dir.helper";
import { signAppEntry } from "./journal-trust";
import { runMaintenanceClock } from "./maintenance-scheduler";

const fresh = () => freshDataDir("maint");

test("maintenance makes no postmortem draft, and moves on by itself at its times with subscribers told", async () => {
  const { db, site } = await fresh();
  const drafts = listIncidents(db).length;
  addSubscriber(db, { kind: "webhook", target: "http://127.0.0.1:9/hook", components: [] });
  const start = new Date(Date.now() + 60_000), end = new Date(Date.now() + 120_000);
  const published = await publish(site, (s, ctx) => maintenance(s, null, { name: "Database upgrade", body: "Planned work.", scheduled_for: start.toISOString(), scheduled_until: end.toISOString(), components: ["amazon-kinesis-data-streams", "kinesis-data-streams"].filter((k) => s.components.some((c) => c.id === k)) }, ctx),
    { author: "admin@localhost", origin: "app", sign: signAppEntry });
  importJournal(db);
  assert.equal(listIncidents(db).length, drafts, "no SEV3 draft for maintenance");
  const id = published.incident!.id;
  const queued = () => (db.prepare("SELECT payload FROM deliveries").pluck().all() as string[]).filter((p) => p.includes("Database upgrade")).length;
  const before = queued();

  assert.equal(await runMaintenanceClock(new Date(start.getTime() - 1000).toISOString()), 0);
  assert.equal(await runMaintenanceClock(start.toISOString()), 1);
  assert.equal(readState(site).incidents.find((i) => i.id === id)!.status, "in_progress");
  assert.equal(await runMaintenanceClock(start.toISOString()), 0, "never twice");
  assert.equal(await runMaintenanceClock(end.toISOString()), 1);
  const done = readState(site).incidents.find((i) => i.id === id)!;
  assert.equal(done.status, "completed");
  assert.equal(done.incident_updates[0].body, "The scheduled maintenance has been completed.");
  assert.equal(queued() - before, 2, "subscribers told when it starts and when it ends");
  assert.equal(listIncidents(db).length, drafts);
});
