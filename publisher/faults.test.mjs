// Fault tests of the status path: parallel publishers, SIGKILL at random moments, unwritable folders and a
// full disk. Counts are modest by default; SITREP_FAULT_SCALE=10 (or more) runs hundreds.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync, spawn } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readlinkSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createSite, publish } from "./publish.mjs";
import { startIncident } from "./apply.mjs";
import { fixtureState } from "./fixture.mjs";
import { committedEntries, readJournal } from "./journal.mjs";
import { siteLayout } from "./site.mjs";
import { allIncidents, verifySite } from "./verify.mjs";
import { immutable } from "./immutable.helper.mjs";

const SCALE = Number(process.env.SITREP_FAULT_SCALE) || 1;
const CLI = join(import.meta.dirname, "cli.mjs");

function tempSite(prefix = "sitrep-fault-") {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  test.after(() => rmSync(dir, { recursive: true, force: true }));
  return join(dir, "site");
}

/** Runs the CLI; resolves with its exit code and output. `killAfter` (ms, or "lock") sends SIGKILL. */
function cli(args, { killAfter, site } = {}) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, ...args, "--yes"], { stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, SITREP_LOCK_WAIT_MS: "60000", USER: "fault-test" } });
    let out = "";
    child.stdout.on("data", (d) => (out += d));
    child.stderr.on("data", (d) => (out += d));
    child.once("exit", (code, signal) => resolve({ code, signal, out }));
    if (killAfter === "lock") {
      const lock = siteLayout(site).lock;
      const spin = () => (existsSync(lock) || child.exitCode !== null ? setTimeout(() => child.kill("SIGKILL"), Math.random() * 4) : setImmediate(spin));
      spin();
    } else if (killAfter !== undefined) setTimeout(() => child.kill("SIGKILL"), killAfter);
  });
}

/** Every update body on the live site, with how often it appears. */
function bodiesOnSite(site) {
  const counts = new Map();
  for (const i of allIncidents(site).values()) for (const u of i.incident_updates) counts.set(u.body, (counts.get(u.body) ?? 0) + 1);
  return counts;
}

/** The journal agrees with the live site: the updates it counts as published are exactly the ones a reader sees. */
function assertJournalMatchesSite(site) {
  const live = basenameOfLink(site);
  const committed = committedEntries(readJournal(siteLayout(site).journal), live);
  const journaled = new Set(committed.filter((e) => e.update).map((e) => e.update.id));
  const shown = new Set([...allIncidents(site).values()].flatMap((i) => i.incident_updates.map((u) => u.id)));
  for (const id of shown) assert.ok(journaled.has(id), `update ${id} is live but not in the journal as published`);
  for (const id of journaled) assert.ok(shown.has(id), `update ${id} is in the journal as published but not live`);
}

const basenameOfLink = (site) => readlinkSync(site).split("/").pop();

async function siteWithOpenIncident() {
  const site = tempSite();
  await createSite(site, fixtureState(), []);
  const { incident } = await publish(site, (s, ctx) => startIncident(s, { name: "Open one", body: "first", components: { api: "degraded_performance" } }, ctx), { author: "t", origin: "backup" });
  return { site, id: incident.id };
}

test("parallel CLI publishers lose nothing they acknowledged", { timeout: 300_000 }, async () => {
  const { site, id } = await siteWithOpenIncident();
  const rounds = 2 * SCALE;
  const acknowledged = [];
  for (let round = 0; round < rounds; round++) {
    const runs = Array.from({ length: 20 }, (_, n) => {
      const body = `round ${round} publisher ${n}`;
      const args = n % 2
        ? ["post", "--site", site, "--incident", id, "--status", "identified", "--message", body]
        : ["post", "--site", site, "--name", `Parallel ${round}-${n}`, "--message", body, "--component", "web=partial_outage"];
      return cli(args).then((r) => ({ ...r, body }));
    });
    for (const r of await Promise.all(runs)) {
      assert.equal(r.code, 0, r.out);
      acknowledged.push(r.body);
    }
  }
  const bodies = bodiesOnSite(site);
  const missing = acknowledged.filter((b) => bodies.get(b) !== 1);
  assert.deepEqual(missing, [], `${missing.length} of ${acknowledged.length} acknowledged publishes are not on the site exactly once`);
  const journalBodies = readJournal(siteLayout(site).journal).filter((e) => e.update).map((e) => e.update.body);
  for (const b of acknowledged) assert.equal(journalBodies.filter((x) => x === b).length, 1, `journal holds "${b}" once`);
  assert.deepEqual(verifySite(site), []);
  assertJournalMatchesSite(site);
});

test("SIGKILL of the CLI at random moments: the site is always one whole release and every acknowledged update survives", { timeout: 300_000 }, async () => {
  const { site, id } = await siteWithOpenIncident();
  const acknowledged = [];
  const kills = 30 * SCALE;
  for (let n = 0; n < kills; n++) {
    const body = `kill run ${n}`;
    const args = n % 3 === 0
      ? ["post", "--site", site, "--name", `Killed ${n}`, "--message", body, "--component", "email=major_outage"]
      : ["post", "--site", site, "--incident", id, "--message", body];
    const r = await cli(args, n % 2 ? { killAfter: 20 + Math.random() * 120 } : { killAfter: "lock", site });
    if (r.code === 0) acknowledged.push(body);
    assert.deepEqual(verifySite(site), [], `after run ${n} (${r.signal ?? r.code})`);
    assertJournalMatchesSite(site);
  }
  const bodies = bodiesOnSite(site);
  for (const b of acknowledged) assert.equal(bodies.get(b), 1, `acknowledged "${b}" is on the site once`);
  // And the site still takes publishes after all that.
  const after = await cli(["post", "--site", site, "--incident", id, "--message", "after the kills"]);
  assert.equal(after.code, 0, after.out);
  assert.equal(bodiesOnSite(site).get("after the kills"), 1);
});

/** The live site exactly as it was: same release, same pages, same journal. */
function snapshot(site) {
  return { link: readlinkSync(site), index: readFileSync(join(site, "index.html"), "utf8"), journal: readJournal(siteLayout(site).journal).length, bodies: [...bodiesOnSite(site).keys()].sort() };
}

test("an unwritable site folder: nothing changes and the message says so", { timeout: 60_000 }, async (t) => {
  const { site, id } = await siteWithOpenIncident();
  const before = snapshot(site);
  await immutable(t, join(site, ".."), async () => {
    const r = await cli(["post", "--site", site, "--incident", id, "--message", "blocked by the folder"]);
    assert.equal(r.code, 1, r.out);
    assert.match(r.out, /cannot write/i);
    assert.match(r.out, /the live site was not changed/);
    assert.deepEqual(snapshot(site), before);
    assert.deepEqual(verifySite(site), []);
    assertJournalMatchesSite(site);
  });
  const r = await cli(["post", "--site", site, "--incident", id, "--message", "after unblocking"]);
  assert.equal(r.code, 0, r.out);
  assert.deepEqual(verifySite(site), []);
});

test("an unwritable journal: the update is not published, and the message says so", { timeout: 60_000 }, async (t) => {
  const { site, id } = await siteWithOpenIncident();
  const before = snapshot(site);
  await immutable(t, siteLayout(site).journal, async () => {
    const r = await cli(["post", "--site", site, "--incident", id, "--message", "not journaled"]);
    assert.equal(r.code, 1, r.out);
    assert.match(r.out, /journal/i);
    assert.match(r.out, /the live site was not changed/);
    assert.deepEqual(snapshot(site), before);
  });
});

test("a full disk: the live site is untouched, the message says so, and publishing works again once there is room", { timeout: 60_000 }, async (t) => {
  const mount = mkdtempSync(join(tmpdir(), "sitrep-full-"));
  test.after(() => rmSync(mount, { recursive: true, force: true }));
  try {
    execFileSync("mount", ["-t", "tmpfs", "-o", "size=600k", "tmpfs", mount], { stdio: "ignore" });
  } catch {
    t.skip("cannot mount a small tmpfs here (needs root)");
    return;
  }
  try {
    const site = join(mount, "site");
    await createSite(site, fixtureState(), []);
    const { incident } = await publish(site, (s, ctx) => startIncident(s, { name: "Disk", body: "first" }, ctx), { author: "t", origin: "backup" });
    const filler = join(mount, "filler");
    mkdirSync(filler);
    // Fill what is left, then publish a large update that cannot fit.
    for (let n = 0; ; n++) {
      try {
        writeFileSync(join(filler, `f${n}`), Buffer.alloc(16 * 1024));
      } catch {
        break;
      }
    }
    rmSync(join(filler, "f0"));
    const before = snapshot(site);
    const r = await cli(["post", "--site", site, "--incident", incident.id, "--message", "x".repeat(9000)]);
    assert.equal(r.code, 1, r.out);
    assert.match(r.out, /disk is full/);
    assert.match(r.out, /the live site was not changed/);
    assert.deepEqual(snapshot(site), before);
    assert.deepEqual(verifySite(site), []);
    rmSync(filler, { recursive: true });
    const ok = await cli(["post", "--site", site, "--incident", incident.id, "--message", "room again"]);
    assert.equal(ok.code, 0, ok.out);
    assert.deepEqual(verifySite(site), []);
    assertJournalMatchesSite(site);
  } finally {
    execFileSync("umount", [mount]);
  }
});
