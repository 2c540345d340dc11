import { test } from "node:test";
import assert from "node:assert/strict";
import { createServer, type Server } from "node:http";
import type { AddressInfo, Socket } from "node:net";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { SMTPServer } from "smtp-server";
import { openDatabase } from "../db/connection";
import { seedDatabase } from "../server/seed";
import { addSubscriber, claimDue, confirmSubscriber, enqueue, MAX_ATTEMPTS, MAX_PENDING, settle } from "../db/subscribers";
import { signBody } from "../lib/webhooks";
import { createSite, publish } from "../publisher/publish.mjs";
import { postUpdate, startIncident } from "../publisher/apply.mjs";
import { fixtureState } from "../publisher/fixture.mjs";
import { DeliveryWorker } from "../server/delivery-worker";
import { sendWebhook } from "../server/webhook-send";
import { emailSender } from "../server/email";
import { enqueueFor } from "../server/subscribers";
import { MAX_UNCONFIRMED_PER_HOUR, subscribe, type SubscribeResult } from "../server/subscribe";

function setup() {
  const dir = mkdtempSync(join(tmpdir(), "sitrep-deliveries-"));
  process.env.SITREP_ADMIN_PASSWORD = "x-test-password";
  process.env.SITREP_ALLOW_PRIVATE_WEBHOOKS = "1"; // the receivers here listen on 127.0.0.1
  const db = openDatabase(join(dir, "data"));
  seedDatabase(db);
  return { dir, db, site: join(dir, "site"), done: () => { db.close(); rmSync(dir, { recursive: true, force: true }); } };
}
const listen = (server: Server) => new Promise<number>((resolve) => server.listen(0, "127.0.0.1", () => resolve((server.address() as AddressInfo).port)));
const listenSmtp = (smtp: SMTPServer) => new Promise<number>((resolve) => smtp.listen(0, "127.0.0.1", () => resolve((smtp.server.address() as AddressInfo).port)));
const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));
const opts = { author: "ops@example.com", origin: "app" as const };

test("100 receivers that never answer: publishing only queues, sends stay bounded, timeouts are retried later", { timeout: 60_000 }, async () => {
  const { db, site, done } = setup();
  const sockets: Socket[] = [];
  const servers = await Promise.all(Array.from({ length: 100 }, async () => {
    const server = createServer(() => { /* never answers */ });
    server.on("connection", (s) => sockets.push(s));
    return { server, port: await listen(server) };
  }));
  try {
    for (const { port } of servers) addSubscriber(db, { kind: "webhook", target: `http://127.0.0.1:${port}/hook`, components: [] });
    const worker = new DeliveryWorker(db, { webhook: sendWebhook }, { concurrency: 4, timeoutMs: 300, intervalMs: 20 }).start();
    await createSite(site, fixtureState(), []);
    const heapBefore = process.memoryUsage().heapUsed;
    let r = await publish(site, (s, ctx) => startIncident(s, { name: "Hung receivers", body: "start", components: { api: "major_outage" } }, ctx), opts);
    enqueueFor(db, r.state, r.incident!, r.update!);
    for (let n = 0; n < 19; n++) {
      const id = r.incident!.id;
      r = await publish(site, (s, ctx, find) => postUpdate(s, find(id)!, { body: `update ${n}` }, ctx), opts);
      enqueueFor(db, r.state, r.incident!, r.update!);
      assert.ok(worker.busy <= 4);
    }
    await wait(1500);
    await worker.stop();
    const counts = Object.fromEntries((db.prepare("SELECT state, count(*) n FROM deliveries GROUP BY state").all() as { state: string; n: number }[]).map((x) => [x.state, x.n]));
    assert.equal(Object.values(counts).reduce((a, b) => a + b, 0), 100 * (20 + 1), "an incident payload per update, plus the one component change, per subscriber");
    assert.ok(worker.peakInFlight <= 4, `at most 4 sends at once, saw ${worker.peakInFlight}`);
    const retried = db.prepare("SELECT attempts, last_error, next_at FROM deliveries WHERE attempts > 0 AND state = 'pending' LIMIT 1").get() as { attempts: number; last_error: string; next_at: string };
    assert.equal(retried.last_error, "no answer within 300 ms");
    assert.ok(Date.parse(retried.next_at) > Date.now(), "retried later, not in a tight loop");
    assert.ok(process.memoryUsage().heapUsed - heapBefore < 64 * 1024 * 1024, "memory stays bounded");
  } finally {
    sockets.forEach((s) => s.destroy());
    await Promise.all(servers.map(({ server }) => new Promise((r) => server.close(r))));
    done();
  }
});

test("100 receivers that hang and one that answers: the healthy one gets every notification within seconds", { timeout: 60_000 }, async () => {
  const { db, site, done } = setup();
  const sockets: Socket[] = [];
  const hung = await Promise.all(Array.from({ length: 100 }, async () => {
    const server = createServer(() => { /* never answers */ });
    server.on("connection", (sock) => sockets.push(sock));
    return { server, port: await listen(server) };
  }));
  const arrived: { body: string; at: number }[] = [];
  const healthy = createServer((req, res) => {
    let body = "";
    req.on("data", (c) => (body += c)).on("end", () => { arrived.push({ body, at: Date.now() }); res.end("ok"); });
  });
  const healthyPort = await listen(healthy);
  try {
    for (const { port } of hung) addSubscriber(db, { kind: "webhook", target: `http://127.0.0.1:${port}/hook`, components: [] });
    addSubscriber(db, { kind: "webhook", target: `http://127.0.0.1:${healthyPort}/hook`, components: [] });
    const worker = new DeliveryWorker(db, { webhook: sendWebhook }).start(); // the app's own settings
    await createSite(site, fixtureState(), []);
    let r = await publish(site, (s, ctx) => startIncident(s, { name: "Hung receivers", body: "start", components: { api: "major_outage" } }, ctx), opts);
    const published = [Date.now()];
    enqueueFor(db, r.state, r.incident!, r.update!);
    for (let n = 0; n < 20; n++) {
      const id = r.incident!.id;
      r = await publish(site, (s, ctx, find) => postUpdate(s, find(id)!, { body: `update ${n}` }, ctx), opts);
      published.push(Date.now());
      enqueueFor(db, r.state, r.incident!, r.update!);
    }
    const expected = 21 + 1; // an incident payload per update, plus the one component change
    for (let i = 0; i < 200 && arrived.length < expected; i++) await wait(50);
    await worker.stop();
    assert.equal(arrived.length, expected, `the healthy receiver got ${arrived.length} of ${expected} within 10 s`);
    const lastBody = JSON.parse(arrived.filter((a) => a.body.includes('"incident"')).at(-1)!.body);
    assert.equal(lastBody.incident.incident_updates[0].body, "update 19", "in order: the newest update arrives last");
    console.log(`healthy receiver: all ${expected} notifications within ${arrived.at(-1)!.at - published[0]} ms of the first publish`);
  } finally {
    sockets.forEach((sock) => sock.destroy());
    await Promise.all([...hung.map(({ server }) => new Promise((res) => server.close(res))), new Promise((res) => healthy.close(res))]);
    done();
  }
});

test("a webhook arrives in Statuspage's shape with a valid HMAC signature", { timeout: 30_000 }, async () => {
  const { db, site, done } = setup();
  const received: { body: string; signature: string }[] = [];
  const server = createServer((req, res) => {
    let body = "";
    req.on("data", (c) => (body += c)).on("end", () => { received.push({ body, signature: String(req.headers["x-sitrep-signature"]) }); res.end("ok"); });
  });
  const port = await listen(server);
  try {
    const sub = addSubscriber(db, { kind: "webhook", target: `http://127.0.0.1:${port}/`, components: ["email"] });
    addSubscriber(db, { kind: "webhook", target: `http://127.0.0.1:${port}/other`, components: ["web"] });
    await createSite(site, fixtureState(), []);
    const r = await publish(site, (s, ctx) => startIncident(s, { name: "Mail slow", body: "Investigating.", components: { email: "degraded_performance" } }, ctx), opts);
    assert.equal(enqueueFor(db, r.state, r.incident!, r.update!), 2, "only the subscriber of that component");
    const worker = new DeliveryWorker(db, { webhook: sendWebhook }, { concurrency: 2, timeoutMs: 2000, intervalMs: 20 }).start();
    for (let i = 0; i < 100 && received.length < 2; i++) await wait(20);
    await worker.stop();
    assert.equal(received.length, 2);
    for (const { body, signature } of received) assert.equal(signature, signBody(sub.secret, body));
    const incident = JSON.parse(received.find((x) => x.body.includes('"incident"'))!.body);
    assert.deepEqual(Object.keys(incident).sort(), ["incident", "meta", "page"]);
    assert.deepEqual([incident.page.status_indicator, incident.incident.name, incident.incident.incident_updates[0].status], ["minor", "Mail slow", "investigating"]);
    const component = JSON.parse(received.find((x) => x.body.includes("component_update"))!.body);
    assert.deepEqual([component.component_update.old_status, component.component_update.new_status, component.component.id], ["operational", "degraded_performance", "email"]);
    assert.deepEqual(db.prepare("SELECT DISTINCT state FROM deliveries").pluck().all(), ["delivered"]);
  } finally {
    await new Promise((r) => server.close(r));
    done();
  }
});

test("failures back off exponentially and give up after the last attempt; the queue is bounded", () => {
  const { db, done } = setup();
  try {
    const sub = addSubscriber(db, { kind: "webhook", target: "http://127.0.0.1:9/", components: [] });
    enqueue(db, [{ subscriberId: sub.id, payload: "{}" }], "2026-01-01T00:00:00.000Z");
    const waits: number[] = [];
    let now = Date.parse("2026-01-01T00:00:00.000Z");
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      const [d] = claimDue(db, 1, new Date(now).toISOString());
      assert.equal(d.attempts, attempt);
      settle(db, d, "HTTP 500", now);
      const next = Date.parse(db.prepare("SELECT next_at FROM deliveries").pluck().get() as string);
      waits.push((next - now) / 1000);
      now = next;
    }
    assert.deepEqual(waits.slice(0, 4), [5, 10, 20, 40]);
    assert.equal(db.prepare("SELECT state FROM deliveries").pluck().get(), "failed");
    enqueue(db, Array.from({ length: MAX_PENDING + 5 }, () => ({ subscriberId: sub.id, payload: "{}" })));
    assert.equal(db.prepare("SELECT count(*) FROM deliveries WHERE state = 'pending'").pluck().get(), MAX_PENDING);
    assert.equal(db.prepare("SELECT count(*) FROM deliveries WHERE state = 'dropped'").pluck().get(), 5);
  } finally {
    done();
  }
});

test("email goes out through a real SMTP server", { timeout: 30_000 }, async () => {
  const { db, site, done } = setup();
  const mails: string[] = [];
  const smtp = new SMTPServer({ authOptional: true, disabledCommands: ["STARTTLS"], onData(stream, _s, cb) {
    let data = "";
    stream.on("data", (c) => (data += c)).on("end", () => { mails.push(data); cb(); });
  } });
  const port = await listenSmtp(smtp);
  try {
    addSubscriber(db, { kind: "email", target: "customer@example.com", components: [], confirmed: true });
    await createSite(site, fixtureState(), []);
    const r = await publish(site, (s, ctx) => startIncident(s, { name: "Website errors", body: "We are on it.", components: { web: "partial_outage" } }, ctx), opts);
    enqueueFor(db, r.state, r.incident!, r.update!);
    const worker = new DeliveryWorker(db, { email: emailSender(`smtp://127.0.0.1:${port}`, "status@example.com") }, { concurrency: 2, timeoutMs: 5000, intervalMs: 20 }).start();
    for (let i = 0; i < 150 && mails.length < 2; i++) await wait(20);
    await worker.stop();
    assert.equal(mails.length, 2);
    const incidentMail = mails.find((m) => m.includes("Website errors"))!;
    assert.match(incidentMail, /To: customer@example\.com/);
    assert.match(incidentMail, /Subject: \[Partial System Outage\] Website errors: investigating/);
    assert.match(incidentMail, /We are on it\./);
  } finally {
    await new Promise((r) => smtp.close(() => r(undefined)));
    done();
  }
});

function emailResult(r: SubscribeResult) {
  assert.equal(r.kind, "email");
  return r as Extract<SubscribeResult, { kind: "email" }>;
}

test("an email address is only asked to confirm; nothing else reaches it until it does, and repeats do not flood it", async () => {
  const { db, site, done } = setup();
  try {
    await createSite(site, fixtureState(), []);
    const where = { appUrl: "https://status.example.com/", pageName: "Example Cloud" };
    const payloads = () => (db.prepare("SELECT payload FROM deliveries ORDER BY id").pluck().all() as string[]).map((p) => JSON.parse(p));
    const first = emailResult(subscribe(db, { kind: "email", target: "reader@example.com", components: ["web"] }, where));
    assert.equal(first.mailed, true);
    const token = first.subscriber.manage_token;
    assert.deepEqual(payloads(), [{ type: "confirm-subscription", page_name: "Example Cloud", manage: `https://status.example.com/subscribe/${token}` }]);

    const again = emailResult(subscribe(db, { kind: "email", target: "reader@example.com", components: [] }, where));
    assert.equal(again.mailed, false, "a second sign-up within the cool-down sends nothing");
    assert.deepEqual(again.subscriber.components, ["web"], "and changes nothing");

    let r = await publish(site, (s, ctx) => startIncident(s, { name: "Website errors", body: "Looking.", components: { web: "partial_outage" } }, ctx), opts);
    assert.equal(enqueueFor(db, r.state, r.incident!, r.update!), 0, "unconfirmed: no status mail");
    assert.equal(confirmSubscriber(db, token), true);
    r = await publish(site, (s, ctx, find) => postUpdate(s, find(r.incident!.id)!, { status: "identified", body: "Found it." }, ctx), opts);
    assert.equal(enqueueFor(db, r.state, r.incident!, r.update!), 1);
    assert.equal(confirmSubscriber(db, "no-such-token"), false);

    const hook = subscribe(db, { kind: "webhook", target: "https://hooks.example.com/a", components: [] }, where);
    assert.equal(hook.kind === "webhook" && hook.created, true);
    const hookAgain = subscribe(db, { kind: "webhook", target: "https://hooks.example.com/a", components: ["web"] }, where);
    assert.ok(hookAgain.kind === "webhook" && !hookAgain.created);
    assert.deepEqual(hookAgain.subscriber.components, [], "the existing webhook is left as it was");
  } finally {
    done();
  }
});

test("a flood of unconfirmed sign-ups is refused before it can crowd the queue; week-old ones are forgotten", () => {
  const { db, done } = setup();
  try {
    const where = { appUrl: "https://status.example.com", pageName: "Example Cloud" };
    for (let n = 0; n < MAX_UNCONFIRMED_PER_HOUR; n++) addSubscriber(db, { kind: "email", target: `made-up-${n}@example.com`, components: [] });
    addSubscriber(db, { kind: "email", target: "real@example.com", components: [], confirmed: true });
    const queued = db.prepare("SELECT count(*) FROM deliveries").pluck();
    assert.equal(subscribe(db, { kind: "email", target: "one-more@example.com", components: [] }, where).kind, "busy");
    assert.equal(queued.get(), 0);
    assert.equal(subscribe(db, { kind: "webhook", target: "https://hooks.example.com/b", components: [] }, where).kind, "webhook", "webhooks are not held up");

    db.prepare("UPDATE subscribers SET created_at = '2020-01-01T00:00:00.000Z' WHERE confirmed_at IS NULL").run();
    assert.equal(emailResult(subscribe(db, { kind: "email", target: "one-more@example.com", components: [] }, where)).mailed, true);
    assert.equal(db.prepare("SELECT count(*) FROM subscribers WHERE target LIKE 'made-up-%'").pluck().get(), 0);
    assert.equal(db.prepare("SELECT count(*) FROM subscribers WHERE target = 'real@example.com'").pluck().get(), 1);
  } finally {
    done();
  }
});
