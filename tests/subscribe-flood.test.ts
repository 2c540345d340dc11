import { test } from "node:test";
import assert from "node:assert/strict";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openDatabase } from "../db/connection";
import { countSubscribers } from "../db/subscribers";
import { createSite, publish } from "../publisher/publish.mjs";
import { startIncident } from "../publisher/apply.mjs";
import { fixtureState } from "../publisher/fixture.mjs";
import { DeliveryWorker } from "../server/delivery-worker";
import { sendWebhook } from "../server/webhook-send";
import { enqueueFor } from "../server/subscribers";
import { MAX_WEBHOOKS_PER_CLIENT_HOUR, MAX_WEBHOOKS_PER_HOUR, subscribe } from "../server/subscribe";

const SIGNUPS = Number(process.env.SITREP_FLOOD_SIGNUPS || 1000);
const where = { appUrl: "https://status.example.com/", pageName: "Example Cloud" };
const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

test(`${SIGNUPS} webhook sign-ups from one client are refused after the limit, and a real subscriber still gets its notification`, { timeout: 60_000 }, async () => {
  const dir = mkdtempSync(join(tmpdir(), "sitrep-flood-"));
  process.env.SITREP_ADMIN_PASSWORD = "x-test-password";
  process.env.SITREP_ALLOW_PRIVATE_WEBHOOKS = "1"; // the real receiver listens on 127.0.0.1
  const db = openDatabase(join(dir, "data"));
  const received: string[] = [];
  const receiver = createServer((req, res) => { let b = ""; req.on("data", (c) => (b += c)).on("end", () => { received.push(b); res.end(); }); });
  await new Promise<void>((r) => receiver.listen(0, "127.0.0.1", r));
  try {
    const real = subscribe(db, { kind: "webhook", target: `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/real`, components: [] }, where);
    assert.equal(real.kind, "webhook");

    // One identified client (behind a trusted proxy), then the same flood with no address known.
    const fromClient = Array.from({ length: SIGNUPS }, (_, i) =>
      subscribe(db, { kind: "webhook", target: `http://127.0.0.1:1/flood-${i}`, components: [] }, where, "198.51.100.7").kind);
    assert.equal(fromClient.filter((k) => k === "webhook").length, MAX_WEBHOOKS_PER_CLIENT_HOUR);
    assert.equal(fromClient.filter((k) => k === "busy").length, SIGNUPS - MAX_WEBHOOKS_PER_CLIENT_HOUR);
    const anonymous = Array.from({ length: SIGNUPS }, (_, i) =>
      subscribe(db, { kind: "webhook", target: `http://127.0.0.1:1/anon-${i}`, components: [] }, where).kind);
    assert.equal(countSubscribers(db), MAX_WEBHOOKS_PER_HOUR, "site-wide, at most this many new webhooks an hour");
    assert.equal(anonymous.filter((k) => k === "busy").length, SIGNUPS - (MAX_WEBHOOKS_PER_HOUR - 1 - MAX_WEBHOOKS_PER_CLIENT_HOUR));

    const site = join(dir, "site");
    await createSite(site, fixtureState(), []);
    const r = await publish(site, (s, ctx) => startIncident(s, { name: "Flooded", body: "Looking.", components: { api: "major_outage" } }, ctx), { author: "ops@example.com", origin: "app" as const });
    enqueueFor(db, r.state, r.incident!, r.update!);
    const worker = new DeliveryWorker(db, { webhook: sendWebhook }, { concurrency: 4, timeoutMs: 1000, intervalMs: 20 }).start();
    for (let i = 0; i < 300 && !received.some((b) => b.includes('"Flooded"')); i++) await wait(50);
    await worker.stop();
    assert.ok(received.some((b) => b.includes('"Flooded"')), "the real subscriber got the incident");
    assert.equal(db.prepare("SELECT count(*) FROM deliveries WHERE state = 'dropped'").pluck().get(), 0, "nothing was dropped");
  } finally {
    await new Promise((r) => receiver.close(r));
    db.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
