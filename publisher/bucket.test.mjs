// The object-store target against a small S3-compatible server that checks every Signature V4.
import { test } from "node:test";
import assert from "node:assert/strict";
import { createHash, createHmac } from "node:crypto";
import { createServer } from "node:http";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createSite, publish } from "./publish.mjs";
import { setBanner, startIncident } from "./apply.mjs";
import { fixtureState } from "./fixture.mjs";
import { uploadToBucket } from "./bucket.mjs";

const CRED = { accessKeyId: "AKIDTEST", secretAccessKey: "s3cr3t/key+value" };
const opts = { author: "ops@example.com", origin: "app" };

/** A bucket server: verifies the signature independently of the code under test, stores objects, logs the order. */
async function fakeS3({ refuse = () => false, delayMs = 0 } = {}) {
  const objects = new Map();
  const log = [];
  const server = createServer((req, res) => {
    const chunks = [];
    req.on("data", (c) => chunks.push(c));
    req.on("end", async () => {
      const body = Buffer.concat(chunks);
      if (delayMs) await new Promise((r) => setTimeout(r, delayMs));
      const m = /^AWS4-HMAC-SHA256 Credential=([^/]+)\/(\d{8})\/([^/]+)\/s3\/aws4_request, SignedHeaders=([^,]+), Signature=([0-9a-f]{64})$/.exec(req.headers.authorization ?? "");
      const deny = (code) => { res.writeHead(403, { "content-type": "application/xml" }); res.end(`<Error><Code>${code}</Code></Error>`); };
      if (!m || m[1] !== CRED.accessKeyId) return deny("InvalidAccessKeyId");
      const [, , day, region, signed, signature] = m;
      const hash = createHash("sha256").update(body).digest("hex");
      if (req.headers["x-amz-content-sha256"] !== hash) return deny("XAmzContentSHA256Mismatch");
      const canonical = [req.method, req.url, "", ...signed.split(";").map((h) => `${h}:${String(req.headers[h]).trim()}`), "", signed, hash].join("\n");
      const toSign = ["AWS4-HMAC-SHA256", req.headers["x-amz-date"], `${day}/${region}/s3/aws4_request`, createHash("sha256").update(canonical).digest("hex")].join("\n");
      let key = `AWS4${CRED.secretAccessKey}`;
      for (const part of [day, region, "s3", "aws4_request"]) key = createHmac("sha256", key).update(part).digest();
      if (createHmac("sha256", key).update(toSign).digest("hex") !== signature) return deny("SignatureDoesNotMatch");
      if (!signed.split(";").includes("host")) return deny("HostNotSigned");
      const path = decodeURIComponent(req.url.replace(/^\/bucket\//, ""));
      if (refuse(path)) return deny("AccessDenied");
      log.push(`${req.method} ${path}`);
      if (req.method === "PUT") objects.set(path, { body, type: req.headers["content-type"] });
      if (req.method === "DELETE") objects.delete(path);
      res.writeHead(req.method === "DELETE" ? 204 : 200);
      res.end();
    });
  });
  await new Promise((r) => server.listen(0, "127.0.0.1", r));
  test.after(() => { server.close(); server.closeAllConnections(); });
  return { objects, log, endpoint: `http://127.0.0.1:${server.address().port}` };
}

async function newSite() {
  const dir = mkdtempSync(join(tmpdir(), "sitrep-bucket-"));
  test.after(() => rmSync(dir, { recursive: true, force: true }));
  const site = join(dir, "site");
  await createSite(site, fixtureState(), []);
  return site;
}

test("uploads the whole site signed, then only what changed, pages last and the front page very last", async () => {
  const s3 = await fakeS3();
  const site = await newSite();
  const cfg = { endpoint: s3.endpoint, bucket: "bucket", region: "eu-west-1" };
  const first = await uploadToBucket(site, cfg, CRED);
  assert.ok(first.uploaded > 5);
  assert.equal(s3.objects.get("index.html").type, "text/html; charset=utf-8");
  assert.equal(s3.log.at(-1), "PUT index.html");
  const again = await uploadToBucket(site, cfg, CRED);
  assert.equal(again.uploaded, 0, "nothing changed, nothing sent");

  s3.log.length = 0;
  const started = await publish(site, (s, ctx) => startIncident(s, { name: "Bucket check", status: "investigating", body: "Looking.", components: { api: "major_outage" } }, ctx), opts);
  const res = await uploadToBucket(site, cfg, CRED);
  assert.ok(res.uploaded < first.uploaded + 2, "only changed files went up");
  const order = s3.log.map((l) => l.slice(4));
  const page = order.indexOf(`incidents/${started.incident.id}.html`);
  assert.ok(page >= 0);
  const lastData = Math.max(...order.map((p, i) => (p.endsWith(".html") ? -1 : i)));
  assert.ok(lastData < page, `data before pages: ${order.join(", ")}`);
  assert.equal(order.at(-1), "index.html");
  assert.match(s3.objects.get("index.html").body.toString(), /Bucket check/);
});

test("a wrong secret, a 403, an unreachable or slow store: a clear message, and no page goes up before its data", async () => {
  const site = await newSite();
  const s3 = await fakeS3();
  await assert.rejects(uploadToBucket(site, { endpoint: s3.endpoint, bucket: "bucket" }, { ...CRED, secretAccessKey: "wrong" }), /403 SignatureDoesNotMatch \(access denied/);
  assert.equal(s3.objects.size, 0);

  const picky = await fakeS3({ refuse: (p) => p === "api/v2/summary.json" });
  await assert.rejects(uploadToBucket(site, { endpoint: picky.endpoint, bucket: "bucket" }, CRED), /PUT api\/v2\/summary\.json: 403 AccessDenied/);
  assert.ok(![...picky.objects.keys()].some((k) => k.endsWith(".html")), "no page was uploaded after its data failed");

  await assert.rejects(uploadToBucket(site, { endpoint: "http://127.0.0.1:1", bucket: "bucket" }, CRED), /cannot reach 127\.0\.0\.1:1 \(ECONNREFUSED\)/);
  const slow = await fakeS3({ delayMs: 2_000 });
  await assert.rejects(uploadToBucket(site, { endpoint: slow.endpoint, bucket: "bucket", timeoutMs: 200 }, CRED), /no answer from 127\.0\.0\.1:\d+ within 0\.2 s/);

  // Once the store works again, the rest goes up and the front page last.
  await publish(site, (s, ctx) => setBanner(s, { level: "info", text: "after the fix" }, ctx), opts);
  picky.log.length = 0;
  const okAgain = await fakeS3();
  await uploadToBucket(site, { endpoint: okAgain.endpoint, bucket: "bucket" }, CRED);
  assert.equal(okAgain.log.at(-1), "PUT index.html");
});
