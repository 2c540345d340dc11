// The status path against the built app: both doors at once, SIGKILL of the app, recovery of a lost
// database or site link, a damaged journal, and failures reported in words. Counts are modest by
// default; SITREP_FAULT_SCALE=10 runs hundreds.
import { expect, test } from "@playwright/test";
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { appendFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readlinkSync, rmSync, unlinkSync, writeFileSync } from "node:fs";
import { request } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { openDatabase } from "../db/connection";
import { createToken } from "../db/tokens";
import { getUser } from "../db/users";
import { seedDatabase } from "../server/seed";
import { committedEntries, readJournal } from "../publisher/journal.mjs";
import { siteLayout } from "../publisher/site.mjs";
import { allIncidents, verifySite } from "../publisher/verify.mjs";

const SCALE = Number(process.env.SITREP_FAULT_SCALE) || 1;
const PORT = Number(process.env.SITREP_E2E_PORT ?? 3217) + 24;
const base = `http://127.0.0.1:${PORT}`;
test.describe.configure({ mode: "serial", timeout: 300_000 });

type App = { child: ChildProcess; log: () => string; exited: Promise<unknown> };

/** A data directory with a database and an admin's API token, before the app first starts. */
function prepare(dataDir = mkdtempSync(join(tmpdir(), "sitrep-path-"))) {
  process.env.SITREP_ADMIN_PASSWORD = "status-path-password";
  const db = openDatabase(dataDir);
  seedDatabase(db);
  const token = createToken(db, getUser(db, 1)!, "faults", "admin").token;
  db.close();
  return { dataDir, site: join(dataDir, "site"), token };
}

async function startApp(dataDir: string): Promise<App> {
  let log = "";
  const child = spawn(process.execPath, ["scripts/start.mjs"], {
    env: { ...process.env, PORT: String(PORT), SITREP_DATA_DIR: dataDir, SITREP_ADMIN_PASSWORD: "status-path-password", NEXTAUTH_URL: base },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true, // its own process group: a kill reaches the server as well as the wrapper that started it
  });
  child.stdout!.on("data", (d) => (log += d));
  child.stderr!.on("data", (d) => (log += d));
  const exited = new Promise((r) => child.once("exit", r));
  for (let i = 0; i < 300; i++) {
    if (await fetch(`${base}/signin`).then((r) => r.ok, () => false)) return { child, log: () => log, exited };
    await new Promise((r) => setTimeout(r, 100));
  }
  process.kill(-child.pid!, "SIGKILL");
  throw new Error(`the app did not start:\n${log}`);
}

async function stopApp(app: App, signal: NodeJS.Signals = "SIGTERM") {
  if (app.child.exitCode === null && app.child.signalCode === null) {
    try {
      process.kill(-app.child.pid!, signal);
    } catch {
      // already gone
    }
  }
  await app.exited;
  for (let i = 0; i < 100 && (await fetch(`${base}/signin`).then(() => true, () => false)); i++) await new Promise((r) => setTimeout(r, 50));
}

/** POSTs on a connection of its own (no keep-alive), so a request is never lost to a connection the server was closing. */
function api(token: string) {
  return (path: string, body: unknown) => new Promise<{ status: number; json: any; text: string }>((resolve, reject) => {
    const payload = JSON.stringify(body);
    const req = request(base + path, { method: "POST", agent: false, headers: { authorization: `Bearer ${token}`, "content-type": "application/json", origin: base, "content-length": Buffer.byteLength(payload) } }, (res) => {
      let text = "";
      // A server killed mid-answer ends the response with an error, not an end: that is a failed request too.
      res.setEncoding("utf8").on("data", (d) => (text += d)).on("error", reject).on("aborted", () => reject(new Error("aborted")))
        .on("end", () => (res.complete ? resolve({ status: res.statusCode!, json: text ? JSON.parse(text) : null, text }) : reject(new Error("cut short"))));
    });
    req.setTimeout(30_000, () => req.destroy(new Error("no answer within 30 s")));
    req.on("error", reject).end(payload);
  });
}

function cli(site: string, args: string[]) {
  return new Promise<{ code: number | null; out: string }>((resolve) => {
    const child = spawn(process.execPath, ["publisher/cli.mjs", ...args, "--site", site, "--operator", "backup-operator", "--yes"], { env: { ...process.env, SITREP_LOCK_WAIT_MS: "60000" } });
    let out = "";
    child.stdout.on("data", (d) => (out += d));
    child.stderr.on("data", (d) => (out += d));
    child.once("exit", (code) => resolve({ code, out }));
  });
}

const liveRelease = (site: string) => readlinkSync(site).split("/").pop()!;
const bodiesOnSite = (site: string) => [...allIncidents(site).values()].flatMap((i) => i.incident_updates.map((u) => u.body));
const statusBodies = (dataDir: string) => {
  const db = new Database(join(dataDir, "sitrep.db"), { readonly: true });
  try {
    return db.prepare("SELECT body FROM status_updates").pluck().all() as string[];
  } finally {
    db.close();
  }
};

/** Every update on the live site is in the journal as published, and nothing else is. */
function expectJournalMatchesSite(site: string) {
  const committed = committedEntries(readJournal(siteLayout(site).journal), liveRelease(site)).filter((e) => e.update).map((e) => e.update!.id).sort();
  const shown = [...allIncidents(site).values()].flatMap((i) => i.incident_updates.map((u) => u.id)).sort();
  expect(committed).toEqual(shown);
}

const countOf = (list: string[], value: string) => list.filter((x) => x === value).length;

test("20 CLI and 20 API publishes at once, round after round: every acknowledged update is on the site, in the journal and in the database exactly once", async () => {
  const { dataDir, site, token } = prepare();
  const app = await startApp(dataDir);
  const post = api(token);
  try {
    const open = await post("/api/status/incidents", { name: "Both doors", body: "opened", components: { cognito: "partial_outage" } });
    expect(open.status, open.text).toBe(201);
    const acknowledged: string[] = [];
    for (let round = 0; round < 10 * SCALE; round++) {
      const runs: Promise<string | null>[] = [];
      for (let n = 0; n < 20; n++) {
        const body = `round ${round} cli ${n}`;
        const args = n % 2 ? ["post", "--incident", open.json.id, "--message", body] : ["post", "--name", `CLI ${round}-${n}`, "--message", body];
        runs.push(cli(site, args).then((r) => (r.code === 0 ? body : (console.log(r.out), null))));
        const apiBody = `round ${round} api ${n}`;
        runs.push((n % 2 ? post(`/api/status/incidents/${open.json.id}/updates`, { body: apiBody }) : post("/api/status/incidents", { name: `API ${round}-${n}`, body: apiBody }))
          .then((r) => (r.status < 300 ? apiBody : (console.log(r.text), null)), (err) => (console.log(String(err.cause ?? err)), null)));
      }
      const done = await Promise.all(runs);
      expect(done.filter((b) => b === null), app.log().slice(-2000)).toHaveLength(0);
      acknowledged.push(...(done as string[]));
    }
    await expect.poll(() => acknowledged.filter((b) => countOf(statusBodies(dataDir), b) !== 1).length, { timeout: 15_000 }).toBe(0);
    const onSite = bodiesOnSite(site);
    const journaled = readJournal(siteLayout(site).journal).filter((e) => e.update).map((e) => e.update!.body);
    expect(acknowledged.filter((b) => countOf(onSite, b) !== 1)).toEqual([]);
    expect(acknowledged.filter((b) => countOf(journaled, b) !== 1)).toEqual([]);
    expect(verifySite(site)).toEqual([]);
    expectJournalMatchesSite(site);
  } finally {
    await stopApp(app);
    rmSync(dataDir, { recursive: true, force: true });
  }
});

test("SIGKILL of the app while it publishes: the site is always one whole release, and every acknowledged update survives in the site and the database", async () => {
  const { dataDir, site, token } = prepare();
  const acknowledged: string[] = [];
  try {
    for (let kill = 0; kill < 4 * SCALE; kill++) {
      const app = await startApp(dataDir);
      const post = api(token);
      let stop = false;
      const loop = (async () => {
        for (let n = 0; !stop; n++) {
          const body = `kill ${kill} publish ${n}`;
          const r = await post("/api/status/incidents", { name: `Killed ${kill}-${n}`, body }).catch(() => null);
          if (!r) break;
          if (r.status === 201) acknowledged.push(body);
        }
      })();
      await new Promise((r) => setTimeout(r, 300 + Math.random() * 1200));
      await stopApp(app, "SIGKILL");
      stop = true;
      await loop;
      expect(verifySite(site), `after kill ${kill}`).toEqual([]);
      expectJournalMatchesSite(site);
    }
    const app = await startApp(dataDir);
    await stopApp(app);
    const onSite = bodiesOnSite(site), inDb = statusBodies(dataDir);
    expect(acknowledged.length).toBeGreaterThan(0);
    expect(acknowledged.filter((b) => countOf(onSite, b) !== 1)).toEqual([]);
    expect(acknowledged.filter((b) => countOf(inDb, b) !== 1)).toEqual([]);
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
});

test("a deleted database comes back from the journal, a lost site link from the kept releases, and a damaged journal breaks nothing", async ({ browser }) => {
  const { dataDir, site, token } = prepare();
  let app = await startApp(dataDir);
  try {
    const started = await api(token)("/api/status/incidents", { name: "From the app", body: "App update." });
    expect(started.status).toBe(201);
    await stopApp(app);
    expect((await cli(site, ["post", "--name", "From the CLI", "--message", "CLI update."])).code).toBe(0);
    const expected = [...new Set([...statusBodies(dataDir), "CLI update."])].sort();
    expect(expected).toEqual(expect.arrayContaining(["App update.", "CLI update."]));

    // The database is deleted: a new one is made and its status records rebuilt from the journal.
    for (const f of ["sitrep.db", "sitrep.db-wal", "sitrep.db-shm"]) rmSync(join(dataDir, f), { force: true });
    app = await startApp(dataDir);
    await stopApp(app);
    expect(app.log()).toMatch(/rebuilding its status records from the site's journal/);
    expect(statusBodies(dataDir).sort()).toEqual(expected);

    // The site link is lost: it is pointed back at the newest release, never rebuilt from seed data.
    const incidentsBefore = [...allIncidents(site).keys()].sort();
    unlinkSync(site);
    app = await startApp(dataDir);
    expect(app.log()).toMatch(/status site link .* was missing; restored the link to release/);
    expect([...allIncidents(site).keys()].sort()).toEqual(incidentsBefore);
    await stopApp(app);

    // A damaged journal: null, garbage, a duplicated entry and a line cut short; then a CLI update.
    const journal = siteLayout(site).journal;
    appendFileSync(journal, `null\ngarbage\n${readFileSync(journal, "utf8").split("\n")[0]}\n{"id":"cut","at":"20`);
    expect((await cli(site, ["post", "--name", "After the damage", "--message", "Taken in all the same."])).code).toBe(0);
    app = await startApp(dataDir);
    for (const path of ["/status/", "/api/v2/summary.json", "/feed.atom", "/signin"]) expect((await fetch(base + path)).status, path).toBe(200);
    await expect.poll(() => statusBodies(dataDir).includes("Taken in all the same.")).toBe(true);
    const page = await browser.newPage({ baseURL: base });
    await page.goto("/signin?callbackUrl=%2Fsettings");
    await page.getByLabel("Email").fill("admin@localhost");
    await page.getByLabel("Password").fill("status-path-password");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL(/\/settings$/);
    const skipped = page.getByRole("region", { name: "Skipped journal lines" });
    await expect(skipped).toContainText("not a journal entry (not a JSON object)");
    await expect(skipped).toContainText("not valid JSON (cut short or damaged)");
    for (const path of ["/incidents", "/publish", "/services", "/training"]) expect((await page.goto(path))!.status(), path).toBe(200);
    await page.close();
  } finally {
    await stopApp(app);
    rmSync(dataDir, { recursive: true, force: true });
  }
});

test("the app's publishing routes say in words when the site cannot be written, and change nothing", async () => {
  const { dataDir, site, token } = prepare();
  const app = await startApp(dataDir);
  const post = api(token);
  try {
    const releasesDir = siteLayout(site).releases;
    const before = readFileSync(join(site, "index.html"), "utf8");
    let chattr = true;
    try {
      execFileSync("chattr", ["+i", releasesDir]);
    } catch {
      chattr = false;
    }
    test.skip(!chattr, "chattr +i is not available here");
    try {
      const r = await post("/api/status/incidents", { name: "Blocked", body: "Cannot be written." });
      expect(r.status, r.text).toBe(503);
      expect(r.json.error).toMatch(/cannot write to the status site's folder \((EPERM|EACCES)\).*the live site was not changed/);
    } finally {
      execFileSync("chattr", ["-i", releasesDir]);
    }
    expect(readFileSync(join(site, "index.html"), "utf8")).toBe(before);
    expect(verifySite(site)).toEqual([]);
    expect((await post("/api/status/incidents", { name: "Unblocked", body: "Fine again." })).status).toBe(201);
  } finally {
    await stopApp(app);
    rmSync(dataDir, { recursive: true, force: true });
  }
});

test("a full disk: the API answers 507 naming the problem, the site is untouched, and publishing resumes once there is room", async () => {
  const mount = mkdtempSync(join(tmpdir(), "sitrep-fulldisk-"));
  let mounted = true;
  try {
    execFileSync("mount", ["-t", "tmpfs", "-o", "size=48m", "tmpfs", mount]);
  } catch {
    mounted = false;
  }
  test.skip(!mounted, "cannot mount a small tmpfs here");
  const { dataDir, site, token } = prepare(join(mount, "data"));
  const app = await startApp(dataDir);
  const post = api(token);
  try {
    const filler = join(mount, "filler");
    mkdirSync(filler);
    for (let n = 0; ; n++) {
      try {
        writeFileSync(join(filler, `f${n}`), Buffer.alloc(256 * 1024));
      } catch {
        break;
      }
    }
    const before = readFileSync(join(site, "index.html"), "utf8");
    const r = await post("/api/status/incidents", { name: "No room", body: "x".repeat(9000) });
    expect(r.status, `${r.status} ${r.text}`).toBe(507);
    expect(r.json.error).toMatch(/disk is full.*the live site was not changed/);
    expect(readFileSync(join(site, "index.html"), "utf8")).toBe(before);
    rmSync(filler, { recursive: true, force: true });
    expect((await post("/api/status/incidents", { name: "Room again", body: "Fine." })).status).toBe(201);
    expect(verifySite(site)).toEqual([]);
  } finally {
    await stopApp(app);
    if (existsSync(mount)) {
      try {
        execFileSync("umount", [mount]);
      } catch {
        // never mounted
      }
      rmSync(mount, { recursive: true, force: true });
    }
  }
});

test("a postmortem moved back to draft leaves the public site: its page is gone and no incident links it", async () => {
  const { dataDir, site, token } = prepare();
  const app = await startApp(dataDir);
  const post = api(token);
  const get = (path: string) => fetch(base + path, { headers: { authorization: `Bearer ${token}` } });
  try {
    const slug = "kinesis-2020-11-25";
    const started = await post("/api/status/incidents", { name: "Linked", body: "Investigating.", postmortem: slug });
    expect(started.status, started.text).toBe(201);
    expect((await post(`/api/status/incidents/${started.json.id}/updates`, { status: "resolved", body: "Fixed." })).status).toBe(201);
    let pm = await (await get(`/api/incidents/${slug}`)).json();
    for (const to of pm.postmortemStatus === "published" ? [] : ["in_review", "published"]) {
      const moved = await post(`/api/incidents/${slug}/review`, { to, version: pm.version });
      expect(moved.status, moved.text).toBe(200);
      pm = moved.json;
    }
    // Only the customer version goes on the site; review is not what this test is about, so this app's rules need no approval.
    const put = (path: string, body: unknown) => fetch(base + path, { method: "PUT", headers: { authorization: `Bearer ${token}`, "content-type": "application/json", origin: base }, body: JSON.stringify(body) });
    expect((await put("/api/settings/review", { requiredApprovals: 0, deadlineDays: { SEV1: 3, SEV2: 5, SEV3: 10, SEV4: 15 } })).status).toBe(200);
    const draft = await post(`/api/incidents/${slug}/public/draft`, { actionItems: [] });
    const saved = await put(`/api/incidents/${slug}/public`, { ...draft.json, version: 0 });
    expect(saved.status).toBe(200);
    for (const f of (await saved.json()).findings as { key: string }[]) await post(`/api/incidents/${slug}/public/accept`, { key: f.key });
    const linked = await post(`/api/status/incidents/${started.json.id}/postmortem`, { postmortem: slug });
    expect(linked.status, linked.text).toBe(200);
    expect((await fetch(`${base}/status/postmortems/${slug}.html`)).status).toBe(200);
    const back = await post(`/api/incidents/${slug}/review`, { to: "draft", version: pm.version });
    expect(back.status, back.text).toBe(200);
    expect((await fetch(`${base}/status/postmortems/${slug}.html`)).status).toBe(404);
    const json = await (await fetch(`${base}/api/v2/incidents.json`)).json();
    const incident = json.incidents.find((i: { id: string }) => i.id === started.json.id);
    expect([incident.postmortem_url, incident.status]).toEqual([null, "resolved"]);
    expect(existsSync(join(site, "postmortems", `${slug}.html`))).toBe(false);
    expect(verifySite(site)).toEqual([]);
  } finally {
    await stopApp(app);
    rmSync(dataDir, { recursive: true, force: true });
  }
});
