// The status path under load: publish latency while 100 subscribers' receivers hang (against none, in
// the same run), and 20 publishes fired at once (both doors).
import { spawn } from "node:child_process";
import { createServer } from "node:http";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { measure, median, stop, timeToFirst200 } from "./lib.mjs";
import { openDatabase } from "../db/connection.ts";
import { seedDatabase } from "../server/seed.ts";
import { createToken } from "../db/tokens.ts";
import { getUser } from "../db/users.ts";
import { addSubscriber } from "../db/subscribers.ts";

const listen = (server) => new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(server.address().port)));

async function appWith(hangingSubscribers, port) {
  const dir = mkdtempSync(join(tmpdir(), "sitrep-bench-path-"));
  process.env.SITREP_ADMIN_PASSWORD = "bench-password";
  const db = openDatabase(dir);
  seedDatabase(db);
  const token = createToken(db, getUser(db, 1), "bench", "responder").token;
  const sockets = [];
  const servers = [];
  for (let n = 0; n < hangingSubscribers; n++) {
    const server = createServer(() => { /* never answers */ });
    server.on("connection", (s) => sockets.push(s));
    servers.push(server);
    addSubscriber(db, { kind: "webhook", target: `http://127.0.0.1:${await listen(server)}/hook`, components: [] });
  }
  db.close();
  const base = `http://127.0.0.1:${port}`;
  const { child } = await timeToFirst200(process.execPath, ["scripts/start.mjs"], {
    env: { ...process.env, PORT: String(port), SITREP_DATA_DIR: dir, SITREP_ALLOW_PRIVATE_WEBHOOKS: "1", NEXTAUTH_URL: base },
  }, `${base}/signin`);
  const post = (path, body) => fetch(base + path, { method: "POST", headers: { authorization: `Bearer ${token}`, "content-type": "application/json", origin: base }, body: JSON.stringify(body) })
    .then(async (r) => { const j = await r.json(); if (!r.ok) throw new Error(JSON.stringify(j)); return j; });
  return {
    dir, post,
    async close() {
      await stop(child);
      sockets.forEach((s) => s.destroy());
      await Promise.all(servers.map((s) => new Promise((r) => s.close(r))));
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export async function statusPathRows({ runs = 15 } = {}) {
  const rows = [];
  const latency = {};
  for (const hanging of [0, 100]) {
    const app = await appWith(hanging, hanging ? 3297 : 3298);
    try {
      const open = await app.post("/api/status/incidents", { name: "Bench incident", body: "start", components: { lambda: "degraded_performance" } });
      await app.post(`/api/status/incidents/${open.id}/updates`, { body: "warm-up" });
      latency[hanging] = await measure(runs, (i) => app.post(`/api/status/incidents/${open.id}/updates`, { body: `update ${i}` }).then(() => undefined));
      rows.push({ name: `publish an update from the app, ${hanging} hanging subscribers`, unit: "ms", target: hanging ? "" : "< 100 ms", ...latency[hanging] });
      if (!hanging) {
        const totals = [];
        for (let r = 0; r < 5; r++) {
          const start = performance.now();
          const site = join(app.dir, "site");
          await Promise.all(Array.from({ length: 20 }, (_, n) => (n % 2
            ? app.post(`/api/status/incidents/${open.id}/updates`, { body: `parallel ${r}-${n}` })
            : new Promise((resolve, reject) => {
              const cli = spawn(process.execPath, ["publisher/cli.mjs", "post", "--site", site, "--incident", open.id, "--message", `cli ${r}-${n}`, "--operator", "bench", "--yes"], { stdio: "ignore" });
              cli.once("exit", (code) => (code === 0 ? resolve() : reject(new Error(`cli exit ${code}`))));
            }))));
          totals.push(performance.now() - start);
        }
        rows.push({ name: "20 publishes at once (10 CLI, 10 API): total time", unit: "ms", runs: 5, value: median(totals) });
      }
    } finally {
      await app.close();
    }
  }
  rows.push({ name: "publish latency ratio, 100 hanging subscribers / none", unit: "x", runs: 1, value: latency[100].value / latency[0].value, target: "< 1.5" });
  return rows;
}
