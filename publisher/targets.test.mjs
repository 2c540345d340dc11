// Publish targets from site.d/config.json: bad settings and failing targets are reported, never block the publish.
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawn, spawnSync } from "node:child_process";
import { createServer } from "node:http";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createSite } from "./publish.mjs";
import { fixtureState } from "./fixture.mjs";
import { siteLayout } from "./site.mjs";
import { readSiteConfig, recentTargetResults, runTargets } from "./targets.mjs";
import { immutable } from "./immutable.helper.mjs";
import { publish } from "./publish.mjs";
import { setBanner } from "./apply.mjs";
import { verifySite } from "./verify.mjs";

async function newSite() {
  const dir = mkdtempSync(join(tmpdir(), "sitrep-targets-"));
  test.after(() => rmSync(dir, { recursive: true, force: true }));
  const site = join(dir, "site");
  await createSite(site, fixtureState(), []);
  return { dir, site };
}

test("an unknown or malformed setting is named in words and the rest still applies", async () => {
  const { site } = await newSite();
  writeFileSync(siteLayout(site).config, JSON.stringify({ mirors: ["/x"], mirrors: ["/y"], bucket: { endpoint: "s3.example.com", bucket: "b" } }));
  const { config, problems } = readSiteConfig(site);
  assert.deepEqual(config.mirrors, ["/y"]);
  assert.equal(config.bucket, undefined);
  assert.match(problems[0], /unknown setting "mirors" \(ignored; known settings: operator, key, mirrors, after, bucket\)/);
  assert.match(problems[1], /"bucket" needs "endpoint" \(an http\(s\) URL\)/);
  writeFileSync(siteLayout(site).config, "{ not json");
  assert.match(readSiteConfig(site).problems[0], /is not valid JSON/);
});

test("the CLI publishes, reports each failing target in words, records it, and exits 4", async () => {
  const { dir, site } = await newSite();
  const forbidden = createServer((req, res) => { req.resume(); req.on("end", () => { res.writeHead(403); res.end("<Error><Code>AccessDenied</Code></Error>"); }); });
  await new Promise((r) => forbidden.listen(0, "127.0.0.1", r));
  test.after(() => forbidden.close());
  const aFile = join(dir, "plain-file");
  writeFileSync(aFile, "x");
  writeFileSync(siteLayout(site).config, JSON.stringify({
    mirrors: [join(dir, "mirror-ok"), join(aFile, "mirror")], colour: "red",
    bucket: { endpoint: `http://127.0.0.1:${forbidden.address().port}`, bucket: "status" },
  }));
  // Not spawnSync: the refusing bucket server lives in this process and must go on answering.
  const child = spawn(process.execPath, [join(import.meta.dirname, "cli.mjs"), "--site", site, "banner", "--text", "Targets check", "--yes", "--operator", "t"], {
    env: { ...process.env, SITREP_BUCKET_ACCESS_KEY_ID: "AK", SITREP_BUCKET_SECRET_ACCESS_KEY: "SK", SITREP_CLI_HOME: join(dir, "home") },
  });
  const r = { stdout: "", stderr: "", status: -1 };
  child.stdout.on("data", (c) => { r.stdout += c; });
  child.stderr.on("data", (c) => { r.stderr += c; });
  r.status = await new Promise((resolve) => child.on("close", resolve));
  assert.equal(r.status, 4, r.stdout + r.stderr);
  assert.match(r.stderr, /unknown setting "colour"/);
  assert.match(r.stdout, /Published to mirror .*mirror-ok: up to date/);
  assert.match(r.stdout, /mirror .*plain-file\/mirror FAILED: cannot write to .* \(ENOTDIR\)/);
  assert.match(r.stdout, /bucket http:\/\/127\.0\.0\.1:\d+\/status FAILED: PUT .*: 403 AccessDenied \(access denied/);
  assert.match(readFileSync(join(site, "index.html"), "utf8"), /Targets check/, "the publish itself went out");
  assert.match(readFileSync(join(dir, "mirror-ok", "index.html"), "utf8"), /Targets check/);
  const recorded = recentTargetResults(site);
  assert.equal(recorded.filter((x) => !x.ok).length, 2);
  assert.ok(recorded.every((x) => x.origin === "backup"));
  // The operator looking back at the publishes sees where each went and what failed.
  const shown = spawnSync(process.execPath, [join(import.meta.dirname, "cli.mjs"), "--site", site, "history"], { encoding: "utf8", env: { ...process.env, SITREP_CLI_HOME: join(dir, "home") } });
  assert.match(shown.stdout, /banner \(info\): Targets check\n\s+sent to mirror .*mirror-ok: ok; mirror .*plain-file\/mirror: FAILED \(cannot write to .*\); bucket .*: FAILED \(PUT .*403 AccessDenied/);
});

test("an after-command that is not approved does not run; an approved one that fails is reported with its output", async () => {
  const { dir, site } = await newSite();
  const marker = join(dir, "ran");
  const refused = await runTargets(site, { after: `touch ${marker}` }, { origin: "app", mayRun: () => "not approved by an admin" });
  assert.deepEqual(refused.map((x) => [x.ok, x.detail]), [[false, "not approved by an admin"]]);
  assert.throws(() => readFileSync(marker));
  const failed = await runTargets(site, { after: "echo upload refused >&2; exit 3" }, { origin: "app", mayRun: () => true });
  assert.equal(failed[0].ok, false);
  assert.match(failed[0].detail, /exit status 3: upload refused/);
});

test("a mirror folder nobody may write to (chattr +i): the failure is named, and the mirror keeps its last whole copy", async (t) => {
  const { dir, site } = await newSite();
  const mirror = join(dir, "mirror");
  const config = { mirrors: [mirror] };
  const run = () => runTargets(site, config, { origin: "backup", mayRun: () => true });
  assert.equal((await run())[0].ok, true);
  const before = readFileSync(join(mirror, "index.html"), "utf8");
  await publish(site, (s, ctx) => setBanner(s, { level: "warning", text: "After the freeze" }, ctx), { author: "t@example.com", origin: "backup" });
  await immutable(t, siteLayout(mirror).releases, async () => {
    const [r] = await run();
    assert.equal(r.ok, false);
    assert.match(r.detail, /cannot write to .*mirror \((EACCES|EPERM)\): give the publisher write access to that folder/);
  });
  if (t.skipped) return;
  assert.equal(readFileSync(join(mirror, "index.html"), "utf8"), before, "the mirror still shows its last whole copy");
  assert.deepEqual(verifySite(mirror), []);
  assert.equal((await run())[0].ok, true, "writable again: the next publish brings it up to date");
  assert.match(readFileSync(join(mirror, "index.html"), "utf8"), /After the freeze/);
});

test("the results log stays bounded: past its size it keeps its newest lines, the latest result last", async () => {
  const { dir, site } = await newSite();
  const log = join(siteLayout(site).root, "targets", "log.jsonl");
  mkdirSync(join(siteLayout(site).root, "targets"), { recursive: true });
  const old = { target: "mirror /old", ok: true, ms: 1, detail: "up to date", at: "2020-01-01T00:00:00.000Z", origin: "app", release: "r-old" };
  writeFileSync(log, `${JSON.stringify(old)}\n`.repeat(9_000));
  assert.ok(statSync(log).size > 1_000_000);
  await runTargets(site, { mirrors: [join(dir, "m")] }, { origin: "backup", mayRun: () => true });
  assert.ok(statSync(log).size < 400_000, `log is ${statSync(log).size} bytes`);
  assert.equal(recentTargetResults(site, 1)[0].target, `mirror ${join(dir, "m")}`);
});
