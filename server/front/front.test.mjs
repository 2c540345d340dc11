// The public front: answers from the release in memory, swaps whole releases, and can reach nothing else.
import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync, symlinkSync, renameSync, writeFileSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { brotliDecompressSync, gunzipSync } from "node:zlib";
import { publish } from "../../publisher/publish.mjs";
import { setBanner } from "../../publisher/apply.mjs";
import { siteLayout } from "../../publisher/site.mjs";
import { frontOn, newSite } from "./front.helper.mjs";

const opts = { author: "ops@example.com", origin: "app" };

const text = (r) => {
  const enc = r.headers["content-encoding"];
  return (enc === "br" ? brotliDecompressSync(r.body) : enc === "gzip" ? gunzipSync(r.body) : r.body).toString("utf8");
};

test("the status page is answered from memory: brotli, gzip or plain, strong ETags, 304, HEAD, caching and CSP", async () => {
  const site = await newSite();
  const { get } = await frontOn(site);
  const onDisk = readFileSync(join(site, "index.html"), "utf8");
  const br = await get("/status/", { "accept-encoding": "gzip, deflate, br" });
  assert.equal(br.status, 200);
  assert.equal(br.headers["content-encoding"], "br");
  assert.equal(text(br), onDisk);
  assert.equal(br.headers["cache-control"], "public, max-age=10, stale-while-revalidate=30");
  assert.equal(br.headers.vary, "Accept-Encoding");
  assert.equal(br.headers["x-frame-options"], "DENY");
  assert.equal(br.headers["x-content-type-options"], "nosniff");
  assert.match(br.headers["content-security-policy"], /default-src 'none'/);
  assert.doesNotMatch(br.headers["content-security-policy"], /script-src|unsafe-inline/);
  assert.match(br.headers["content-security-policy"], /style-src 'sha256-/);
  assert.equal(br.headers["access-control-allow-origin"], undefined, "CORS belongs to the API only");
  const gz = await get("/status/", { "accept-encoding": "gzip" });
  assert.equal(gz.headers["content-encoding"], "gzip");
  assert.equal(text(gz), onDisk);
  const plain = await get("/status/");
  assert.equal(plain.headers["content-encoding"], undefined);
  assert.equal(plain.body.toString("utf8"), onDisk);
  assert.notEqual(plain.headers.etag, gz.headers.etag, "each encoding is its own representation");
  assert.match(gz.headers.etag, /^"[^"]+"$/, "strong, not W/");
  const again = await get("/status/", { "accept-encoding": "gzip", "if-none-match": gz.headers.etag });
  assert.equal(again.status, 304);
  assert.equal(again.body.length, 0);
  assert.equal(again.headers.etag, gz.headers.etag);
  const head = await get("/status/", { "accept-encoding": "br" }, "HEAD");
  assert.equal(head.status, 200);
  assert.equal(head.body.length, 0);
  assert.equal(head.headers["content-length"], String(br.body.length));
  const post = await get("/status/", {}, "POST");
  assert.equal(post.status, 405);
});

test("the API has CORS and the same bytes through /api/v2 and /status/api/v2; feeds and redirects", async () => {
  const site = await newSite();
  const { get } = await frontOn(site);
  const summary = await get("/api/v2/summary.json", { "accept-encoding": "gzip" });
  assert.equal(summary.status, 200);
  assert.equal(summary.headers["access-control-allow-origin"], "*");
  assert.equal(summary.headers["content-type"], "application/json; charset=utf-8");
  assert.equal(summary.headers["content-security-policy"], undefined);
  assert.deepEqual(JSON.parse(text(summary)), JSON.parse(readFileSync(join(site, "api/v2/summary.json"), "utf8")));
  const nested = await get("/status/api/v2/summary.json", { "accept-encoding": "gzip" });
  assert.equal(nested.headers.etag, summary.headers.etag);
  const preflight = await get("/api/v2/summary.json", { origin: "https://x.example" }, "OPTIONS");
  assert.equal(preflight.status, 204);
  assert.equal(preflight.headers["access-control-allow-origin"], "*");
  assert.equal((await get("/feed.atom")).headers["content-type"], "application/atom+xml; charset=utf-8");
  assert.equal((await get("/feed.rss")).status, 200);
  const bare = await get("/status?x=1");
  assert.equal(bare.status, 308);
  assert.equal(bare.headers.location, "/status/?x=1");
  assert.equal((await get("/status/nope.html")).status, 404);
  assert.equal((await get("/incidents")).status, 599, "every other path goes to the app");
  assert.equal((await get("/api/v2x")).status, 599);
});

test("nothing under site.d (keys, journal, config, old releases) is reachable through any public prefix or encoding", async () => {
  const site = await newSite();
  const l = siteLayout(site);
  writeFileSync(join(l.root, "journal-key.pem"), "PRIVATE KEY MATERIAL");
  writeFileSync(l.config, JSON.stringify({ after: "echo secret-config" }));
  const first = (await import("node:fs")).readlinkSync(site).split("/").pop();
  await publish(site, (s, ctx) => setBanner(s, { level: "info", text: "second release" }, ctx), opts);
  const { get } = await frontOn(site);
  const targets = ["site.d/journal-key.pem", "site.d/journal.jsonl", "site.d/config.json", "site.d/lock", `site.d/releases/${first}/index.html`, "site.d/store/a.json", "site.d/store/b.json"];
  const forms = (t) => [
    `../${t}`, `..%2F${t.replace(/\//g, "%2F")}`, `%2e%2e/${t}`, `%2E%2E%2F${t}`, `..%5c${t}`, `%252e%252e/${t}`, `.%2e/${t}`,
    `state/../../${t}`, `incidents/..%2F..%2F${t}`, `./${t}`, `%00/../${t}`, `..\\${t}`, `//${t}`,
  ];
  const prefixes = ["/status/", "/api/v2/", "/status/api/v2/", "/api/v2/../"];
  let asked = 0;
  for (const prefix of prefixes) {
    for (const t of targets) {
      for (const form of forms(t)) {
        for (const enc of [undefined, "gzip", "br"]) {
          const r = await get(prefix + form, enc ? { "accept-encoding": enc } : {});
          asked++;
          const body = r.status === 200 ? text(r) : "";
          assert.ok(r.status !== 200 || !/PRIVATE KEY|secret-config|"release"|"entry"/.test(body), `${prefix}${form} (${enc ?? "identity"}) answered ${r.status} with ${body.slice(0, 80)}`);
          assert.ok([404, 599, 308].includes(r.status), `${prefix}${form} answered ${r.status}`);
        }
      }
    }
  }
  assert.ok(asked > 1000);
  // The old release's page is not reachable by its own name either: only the current release exists.
  assert.doesNotMatch(text(await get("/status/")), /never/);
  assert.match(text(await get("/status/")), /second release/);
});

test("a publish is served within a second, as a whole release; a broken site keeps the last good one", async () => {
  const site = await newSite();
  const { followed, get } = await frontOn(site);
  const before = followed.current;
  const started = Date.now();
  await publish(site, (s, ctx) => setBanner(s, { level: "warning", text: "Fresh banner" }, ctx), opts);
  while (!text(await get("/status/")).includes("Fresh banner")) {
    assert.ok(Date.now() - started < 1000, "the new page was not served within a second");
    await new Promise((r) => setTimeout(r, 10));
  }
  assert.notEqual(followed.current, before, "a new release replaced the old one as a whole");
  assert.ok(JSON.parse(text(await get("/api/v2/status.json"))).page, "the API of the same release is served");
  // Unchanged pages keep their prepared bodies (and tags) from the previous release.
  const changed = [...followed.current.files].filter(([name, e]) => before.files.get(name) !== e).map(([name]) => name);
  assert.ok(changed.length < followed.current.files.size, "unchanged files were reused");

  // Broken on disk: the link points at a folder without a page. The last good release stays.
  const good = text(await get("/status/"));
  const l = siteLayout(site);
  mkdirSync(join(l.releases, "r-broken"), { recursive: true });
  symlinkSync(l.linkTo("r-broken"), `${site}.tmp-link`);
  renameSync(`${site}.tmp-link`, site);
  await new Promise((r) => setTimeout(r, 200));
  const during = await get("/status/");
  assert.equal(during.status, 200);
  assert.equal(text(during), good);
});

test("a release read while the link moves is thrown away, never served as a mixture", async () => {
  const site = await newSite();
  const { loadRelease, Moved } = await import("./release.mjs");
  const realRead = loadRelease(site, null);
  await publish(site, (s, ctx) => setBanner(s, { level: "info", text: "moved" }, ctx), opts);
  await assert.rejects(realRead, Moved);
});

test("a release read from its predecessor and the changes it names holds exactly what a full read holds", async () => {
  const site = await newSite();
  const { loadRelease } = await import("./release.mjs");
  const { sharedChanges } = await import("../../publisher/write.mjs");
  const { startIncident, postUpdate } = await import("../../publisher/apply.mjs");
  const named = (s, name) => s.incidents.find((i) => i.name === name);
  const steps = [
    (s, ctx) => startIncident(s, { name: "Slow API", body: "Looking", components: { api: "degraded_performance" } }, ctx),
    (s, ctx) => startIncident(s, { name: "Mail delays", body: "Queued", components: { email: "partial_outage" } }, ctx),
    (s, ctx) => postUpdate(s, named(s, "Slow API"), { status: "identified", body: "Found it" }, ctx),
    (s, ctx) => setBanner(s, { level: "info", text: "banner" }, ctx),
    (s, ctx) => postUpdate(s, named(s, "Slow API"), { status: "resolved", body: "Fixed" }, ctx),
    (s, ctx) => postUpdate(s, named(s, "Mail delays"), { status: "resolved", body: "Sent" }, ctx),
  ];
  let held = await loadRelease(site, null);
  for (const step of steps) {
    await publish(site, step, opts);
    const release = (await import("node:fs")).readlinkSync(site).split("/").pop();
    assert.ok(sharedChanges(site, release), "the publisher's mark vouches for what changed");
    held = await loadRelease(site, held);
    const full = await loadRelease(site, null);
    assert.deepEqual([...held.files.keys()].sort(), [...full.files.keys()].sort());
    for (const [name, entry] of full.files) assert.equal(held.files.get(name).identity.etag, entry.identity.etag, name);
  }
});
