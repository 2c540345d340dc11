import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { measure, stop, timeToFirst200 } from "./lib.mjs";
import { openDatabase } from "../db/connection.ts";
import { seedDatabase } from "../server/seed.ts";
import { createToken } from "../db/tokens.ts";
import { getUser } from "../db/users.ts";
import { getCatalog } from "../db/services.ts";
import { postUpdate, startIncident } from "../publisher/apply.mjs";
import { createSite, newId } from "../publisher/publish.mjs";
import { emptyState } from "../publisher/state.mjs";
import { render } from "../publisher/render.mjs";

/** A site state with `components` components and `past` resolved incidents (two updates each). */
function siteWith(components, past, catalogComponents = []) {
  const t0 = Date.parse("2024-01-01T00:00:00Z");
  let state = emptyState({ id: "bench", name: "Example Cloud", url: "https://status.example.com", time_zone: "America/Los_Angeles" }, new Date(t0).toISOString());
  const base = catalogComponents.length ? catalogComponents : [];
  state.components = [...base, ...Array.from({ length: Math.max(0, components - base.length) }, (_, i) => ({ id: `c${i}`, slug: `c${i}`, name: `Component ${i}`, description: "", group_name: `Group ${i % 5}`, position: base.length + i + 1, status: "operational", created_at: state.page.updated_at, updated_at: state.page.updated_at }))];
  const all = [];
  for (let n = 0; n < past; n++) {
    const at = (m) => ({ author: "bench", origin: "app", now: new Date(t0 + n * 3_600_000 + m * 60_000).toISOString(), newId });
    const target = state.components[n % state.components.length].id;
    let r = startIncident(state, { name: `Past incident ${n}`, body: "Errors are elevated; we are investigating.", components: { [target]: "partial_outage" } }, at(0));
    r = postUpdate(r.state, r.incident, { status: "resolved", body: "Resolved." }, at(30));
    state = { ...r.state, incidents: r.state.incidents.slice(0, 60) };
    all.push(r.incident);
  }
  return { state, all };
}

export async function statusRows({ runs = 15 } = {}) {
  const rows = [];
  // Page weight: 20 components in 5 groups and 60 past incidents (bench/status-page.mjs has the full busy page).
  const { state } = siteWith(20, 60);
  const index = render(state, { now: new Date().toISOString() }).get("index.html");
  rows.push({ name: "index.html raw (20 components, 60 past incidents)", unit: "KB", runs: 1, value: Buffer.byteLength(index) / 1024 });
  rows.push({ name: "index.html gzip", unit: "KB", runs: 1, value: gzipSync(index).length / 1024, target: "< 14 KB" });

  const latencies = {};
  for (const past of [100, 10_000]) {
    const dir = mkdtempSync(join(tmpdir(), `sitrep-bench-status-${past}-`));
    process.env.SITREP_ADMIN_PASSWORD = "bench-password";
    const db = openDatabase(dir);
    seedDatabase(db);
    const token = createToken(db, getUser(db, 1), "bench", "responder").token;
    const publicComponents = getCatalog(db).services.filter((s) => s.public).map((s, position) => ({ id: s.slug, slug: s.slug, name: s.name, description: "", group_name: s.group, position, status: "operational", created_at: "2024-01-01T00:00:00.000Z", updated_at: "2024-01-01T00:00:00.000Z" }));
    db.close();
    const site = siteWith(publicComponents.length, past, publicComponents);
    await createSite(join(dir, "site"), site.state, site.all);
    const port = past === 100 ? 3293 : 3295, base = `http://127.0.0.1:${port}`;
    const { child } = await timeToFirst200(process.execPath, ["scripts/start.mjs"], { env: { ...process.env, PORT: String(port), SITREP_DATA_DIR: dir } }, `${base}/signin`);
    try {
      const post = (path, body) => fetch(base + path, { method: "POST", headers: { authorization: `Bearer ${token}`, "content-type": "application/json" }, body: JSON.stringify(body) })
        .then(async (r) => { const j = await r.json(); if (!r.ok) throw new Error(JSON.stringify(j)); return j; });
      const open = await post("/api/status/incidents", { name: "Bench incident", body: "start", components: { lambda: "degraded_performance" } });
      await post(`/api/status/incidents/${open.id}/updates`, { body: "warm-up" });
      latencies[past] = await measure(runs, (i) => post(`/api/status/incidents/${open.id}/updates`, { body: `update ${i}` }).then(() => undefined));
      rows.push({ name: `publish an update from the app, ${past.toLocaleString("en-US")} past incidents`, unit: "ms", target: "< 100 ms", ...latencies[past] });
    } finally {
      await stop(child);
    }
    rmSync(dir, { recursive: true, force: true });
  }
  rows.push({ name: "publish latency ratio, 10,000 / 100 past incidents", unit: "x", runs: 1, value: latencies[10_000].value / latencies[100].value, target: "< 1.5" });
  // Serving the page against nginx is measured in bench/front.mjs.
  return rows;
}
