// The public front under load: npm start against nginx on the same files, the workbench and a publish
// while 1,000 connections hold the status page, publish-to-served time, start-up, and publish targets.
import { spawn, spawnSync } from "node:child_process";
import { createServer } from "node:http";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { acceptQueue, cores, leaveServerCore, measure, median, onServerCore, stop, timeToFirst200, wrk } from "./lib.mjs";
import { signInCookie } from "./session.mjs";
import { chromium } from "@playwright/test";
import { CHROMIUM_ARGS, findChromium } from "../e2e/browser.ts";
import { openDatabase } from "../db/connection.ts";
import { seedDatabase } from "../server/seed.ts";
import { createToken } from "../db/tokens.ts";
import { getUser } from "../db/users.ts";

const APP_PORT = 4370, NGINX_PORT = 4371, S3_PORT = 4372;
const LOAD_S = Number(process.env.SITREP_BENCH_FRONT_LOAD_S ?? 30);
const WRK_S = Number(process.env.SITREP_BENCH_FRONT_WRK_S ?? 5);
const GZIP = ["Accept-Encoding: gzip"];
const TARGET_RUNS = 9;

function startNginx(dir) {
  const conf = join(dir, "nginx.conf");
  writeFileSync(conf, `user root;
worker_processes 1;
pid ${join(dir, "nginx.pid")};
error_log ${join(dir, "nginx-error.log")};
events { worker_connections 4096; }
http {
  access_log off;
  include /etc/nginx/mime.types;
  types { application/json json; }
  gzip on; gzip_types application/json application/atom+xml application/rss+xml; gzip_min_length 256;
  client_body_temp_path ${dir}/nginx-tmp; proxy_temp_path ${dir}/nginx-tmp; fastcgi_temp_path ${dir}/nginx-tmp; uwsgi_temp_path ${dir}/nginx-tmp; scgi_temp_path ${dir}/nginx-tmp;
  server {
    listen 127.0.0.1:${NGINX_PORT};
    location /status/ { alias ${join(dir, "site")}/; }
    location /api/v2/ { alias ${join(dir, "site")}/api/v2/; }
  }
}
`);
  mkdirSync(join(dir, "nginx-tmp"), { recursive: true });
  const child = spawn(...onServerCore("nginx", ["-c", conf, "-g", "daemon off;"]), { stdio: "ignore" });
  return child;
}

/** A bucket that accepts every PUT and DELETE (signatures are checked in publisher/bucket.test.mjs). */
async function acceptingBucket() {
  const server = createServer((req, res) => { req.resume(); req.on("end", () => { res.writeHead(200); res.end(); }); });
  await new Promise((r) => server.listen(S3_PORT, "127.0.0.1", r));
  return server;
}

async function until(fn, limitMs = 10_000) {
  const t0 = performance.now();
  while (performance.now() - t0 < limitMs) {
    if (await fn()) return performance.now() - t0;
    await new Promise((r) => setTimeout(r, 5));
  }
  throw new Error("gave up waiting");
}

/**
 * Workbench weight in real Chromium: compressed script bytes of the Kinesis postmortem before any
 * diagram is scrolled into view, and the route prefetches the incident list starts by itself.
 */
async function weightRows(base, cookie) {
  const browser = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS });
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    await context.addCookies(cookie.split("; ").map((c) => { const i = c.indexOf("="); return { name: c.slice(0, i), value: c.slice(i + 1), url: base }; }));
    const page = await context.newPage();
    const scripts = new Map();
    const cdp = await context.newCDPSession(page);
    await cdp.send("Network.enable");
    const types = new Map();
    cdp.on("Network.responseReceived", (e) => types.set(e.requestId, e.type));
    cdp.on("Network.loadingFinished", (e) => { if (types.get(e.requestId) === "Script") scripts.set(e.requestId, e.encodedDataLength); });
    await page.goto(`${base}/incidents/kinesis-2020-11-25`, { waitUntil: "networkidle" });
    await page.waitForTimeout(1500);
    const kb = [...scripts.values()].reduce((a, b) => a + b, 0) / 1024;
    const drawn = await page.locator('[data-rendered="true"]').count();
    let prefetches = 0;
    page.on("request", (r) => { if (r.headers()["next-router-prefetch"] || /[?&]_rsc=/.test(r.url())) prefetches++; });
    await page.goto(`${base}/incidents`, { waitUntil: "networkidle" });
    await page.waitForTimeout(2000);
    return [
      { name: `Kinesis postmortem: compressed script before a diagram is in view (${drawn} drawn)`, unit: "KB", runs: 1, value: kb, target: "< 200 KB" },
      { name: "incident list: route prefetches without a click", unit: "count", runs: 1, value: prefetches },
    ];
  } finally {
    await browser.close();
  }
}

export async function frontRows({ runs = 5 } = {}) {
  const rows = [];
  const dir = mkdtempSync(join(tmpdir(), "sitrep-bench-front-"));
  process.env.SITREP_ADMIN_PASSWORD = "bench-password";
  const db = openDatabase(dir);
  seedDatabase(db);
  const token = createToken(db, getUser(db, 1), "bench", "responder").token;
  db.close();
  const base = `http://127.0.0.1:${APP_PORT}`;
  const env = { ...process.env, PORT: String(APP_PORT), SITREP_DATA_DIR: dir, SITREP_BUCKET_ACCESS_KEY_ID: "AK", SITREP_BUCKET_SECRET_ACCESS_KEY: "SK" };
  // The first start creates the site; the starts measured are of a built app and an existing data folder.
  let { child } = await timeToFirst200(process.execPath, ["scripts/start.mjs"], { env }, `${base}/signin`);
  await stop(child);
  const starts = [];
  for (let i = 0; i < 3; i++) {
    const started = await timeToFirst200(process.execPath, ["scripts/start.mjs"], { env }, `${base}/status/`);
    starts.push(started.ms);
    await stop(started.child);
  }
  rows.push({ name: "front: npm start (built) to first 200 on /status/", unit: "ms", runs: 3, value: median(starts), target: "< 1 s" });
  // Under load, the server (app or nginx) and the load generator each get their own cores.
  leaveServerCore();
  ({ child } = await timeToFirst200(...onServerCore(process.execPath, ["scripts/start.mjs"]), { env }, `${base}/signin`));
  const where = cores ? `, server on core ${cores.server}, wrk on ${cores.load}` : "";
  const nginx = startNginx(dir);
  const bucket = await acceptingBucket();
  try {
    rows.push(...await weightRows(base, await signInCookie(base, "admin@localhost", "bench-password")));
    await until(async () => (await fetch(`http://127.0.0.1:${NGINX_PORT}/status/index.html`).catch(() => null))?.status === 200);
    if ((await fetch(`http://127.0.0.1:${NGINX_PORT}/api/v2/summary.json`)).status !== 200) throw new Error("nginx does not answer 200: the comparison would be void");
    const post = (path, body) => fetch(base + path, { method: "POST", headers: { authorization: `Bearer ${token}`, "content-type": "application/json" }, body: JSON.stringify(body) })
      .then(async (r) => { const j = await r.json(); if (!r.ok) throw new Error(JSON.stringify(j)); return j; });

    for (const path of ["/status/", "/api/v2/summary.json"]) {
      const urls = [base + path, `http://127.0.0.1:${NGINX_PORT}${path}`];
      // A short unmeasured run first, for each server alike: the first seconds after a start (JIT, the
      // app's own start-up work) are not the busiest hour's steady state. Then three measured runs each,
      // taken in turns, and the medians.
      for (const url of urls) await wrk(url, { connections: 100, seconds: 3, headers: GZIP });
      const runsOf = [[], []];
      for (let i = 0; i < 3; i++) for (const [n, url] of urls.entries()) runsOf[n].push(await wrk(url, { connections: 100, seconds: WRK_S, headers: GZIP }));
      const [app, ref] = runsOf.map((rs) => ({ rps: median(rs.map((r) => r.rps)), p99: median(rs.map((r) => r.p99)) }));
      rows.push({ name: `front ${path} at 100 connections (nginx gzip on: ${Math.round(ref.rps)} req/s, p99 ${ref.p99.toFixed(1)} ms${where})`, unit: "req/s", runs: 3, value: app.rps });
      rows.push({ name: `front ${path}: requests/s against nginx, same run`, unit: "x", runs: 3, value: app.rps / ref.rps, target: ">= 1x" });
      rows.push({ name: `front ${path}: p99 at 100 connections`, unit: "ms", runs: 3, value: app.p99, target: "< 20 ms" });
    }

    // 1,000 connections on the status page; meanwhile, a signed-in workbench page and status publishes.
    const cookie = await signInCookie(base, "admin@localhost", "bench-password");
    const open = await post("/api/status/incidents", { name: "Front bench", body: "start", components: { lambda: "degraded_performance" } });
    const queued = acceptQueue(APP_PORT);
    const load = wrk(`${base}/status/`, { connections: 1000, seconds: LOAD_S, headers: GZIP });
    await new Promise((r) => setTimeout(r, 2000));
    const page = [], publishes = [];
    const t0 = performance.now();
    for (let i = 0; performance.now() - t0 < (LOAD_S - 6) * 1000 && i < 20; i++) {
      let s = performance.now();
      const r = await fetch(`${base}/incidents`, { headers: { cookie } });
      await r.text();
      if (r.status === 200) page.push(performance.now() - s);
      s = performance.now();
      await post(`/api/status/incidents/${open.id}/updates`, { body: `under load ${i}` });
      publishes.push(performance.now() - s);
      await new Promise((r) => setTimeout(r, 250));
    }
    const under = await load;
    const mostQueued = queued.stop();
    const refQueued = acceptQueue(NGINX_PORT);
    const refUnder = await wrk(`http://127.0.0.1:${NGINX_PORT}/status/`, { connections: 1000, seconds: LOAD_S, headers: GZIP });
    const refMostQueued = refQueued.stop();
    rows.push({ name: `nginx /status/ at 1,000 connections for ${LOAD_S} s, same run: errors (${refUnder.breakdown}), ${Math.round(refUnder.rps)} req/s`, unit: "count", runs: 1, value: refUnder.errors });
    rows.push({ name: `front /status/ at 1,000 connections for ${LOAD_S} s: errors (${under.breakdown}; non-2xx)`, unit: "count", runs: 1, value: under.errors, target: "0" });
    rows.push({ name: `front /status/ at 1,000 connections: throughput`, unit: "req/s", runs: 1, value: under.rps });
    if (mostQueued.most !== null) {
      rows.push({ name: `front: most connections waiting to be accepted during that load (nginx: ${refMostQueued.most})`, unit: "count", runs: 1, value: mostQueued.most });
      rows.push({ name: `front: longest time with connections waiting to be accepted (nginx: ${Math.round(refMostQueued.longestMs ?? 0)} ms)`, unit: "ms", runs: 1, value: mostQueued.longestMs });
    }
    rows.push({ name: "signed-in GET /incidents while 1,000 connections load /status/", unit: "ms", runs: page.length, value: median(page), target: "< 1 s" });
    rows.push({ name: "  … slowest of those", unit: "ms", runs: page.length, value: Math.max(...page) });
    rows.push({ name: "status publish from the app while 1,000 connections load /status/", unit: "ms", runs: publishes.length, value: median(publishes), target: "< 1 s" });
    rows.push({ name: "  … slowest of those", unit: "ms", runs: publishes.length, value: Math.max(...publishes) });

    // A publish from the other door (the backup CLI): time from its exit to the front serving it.
    const site = join(dir, "site");
    rows.push({ name: "front: CLI publish done to the new page served", unit: "ms", target: "< 1 s", ...await measure(runs, async (i) => {
      const text = `Visible check ${i} ${Date.now()}`;
      spawnSync(process.execPath, ["publisher/cli.mjs", "banner", "--site", site, "--text", text, "--yes", "--operator", "bench"], { env: { ...process.env, SITREP_CLI_HOME: join(dir, "cli-home") } });
      return until(async () => (await (await fetch(`${base}/status/`)).text()).includes(text));
    }) });

    // App publishes with no targets and with two mirrors and the bucket, taken in turns so that any
    // drift of the machine meanwhile falls on both alike.
    const config = join(dir, "site.d", "config.json");
    const withTargets = JSON.stringify({ mirrors: [join(dir, "mirror-1"), join(dir, "mirror-2")], bucket: { endpoint: `http://127.0.0.1:${S3_PORT}`, bucket: "status" } });
    const log = join(dir, "site.d", "targets", "log.jsonl");
    const linesNow = () => { try { return readFileSync(log, "utf8").trim().split("\n").filter(Boolean).length; } catch { return 0; } };
    const timed = async (body) => { const s = performance.now(); await post(`/api/status/incidents/${open.id}/updates`, { body }); return performance.now() - s; };
    const bareTimes = [], answered = [], allDone = [];
    for (let i = 0; i < TARGET_RUNS; i++) {
      writeFileSync(config, "{}");
      bareTimes.push(await timed(`no targets ${i}`));
      await new Promise((r) => setTimeout(r, 300));
      writeFileSync(config, withTargets);
      const before = linesNow();
      const s = performance.now();
      answered.push(await timed(`with targets ${i}`));
      await until(async () => linesNow() >= before + 3, 30_000);
      allDone.push(performance.now() - s);
      await new Promise((r) => setTimeout(r, 500)); // the send's process has exited before the next publish
    }
    const bare = { value: median(bareTimes), runs: TARGET_RUNS };
    rows.push({ name: "app publish, no targets: time to answer", unit: "ms", ...bare });
    rows.push({ name: "app publish, 2 mirrors + bucket: time to answer", unit: "ms", runs: TARGET_RUNS, value: median(answered), target: "within 10 % of no targets" });
    rows.push({ name: "app publish, 2 mirrors + bucket: ratio to no targets", unit: "x", runs: TARGET_RUNS, value: median(answered) / bare.value, target: "<= 1.1" });
    rows.push({ name: "app publish, 2 mirrors + bucket: time until every target is updated", unit: "ms", runs: TARGET_RUNS, value: median(allDone) });
    const failed = readFileSync(log, "utf8").trim().split("\n").map((l) => JSON.parse(l)).filter((r) => !r.ok);
    if (failed.length) console.error(`publish targets failed: ${JSON.stringify(failed[0])}`);
    rows.push({ name: "  … target sends that failed", unit: "count", runs: 1, value: failed.length, target: "0" });
  } finally {
    await stop(child);
    await stop(nginx);
    bucket.close();
    bucket.closeAllConnections();
    rmSync(dir, { recursive: true, force: true });
  }
  return rows;
}
