import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { measure, stop, timeToFirst200 } from "./lib.mjs";
import { signInCookie } from "./session.mjs";
import { openDatabase } from "../db/connection.ts";
import { seedDatabase } from "../server/seed.ts";
import { insightServices, loadInsightIncidents } from "../db/insights.ts";
import { listCauseTags } from "../db/cause-tags.ts";
import { buildInsights } from "../lib/insight-report.ts";

const SERVICES = ["kinesis-front-end", "kinesis-data-streams", "cognito", "cloudwatch", "lambda", "eventbridge", "dynamodb", "ecs"];
const TAGS = ["change", "capacity", "dependency", "configuration", "monitoring-gap", "process"];
const SEVERITIES = ["SEV1", "SEV2", "SEV3", "SEV4"];

/** Writes `incidents` incidents with `events` events in all, straight into SQLite (seconds, not the minutes the importer would take). */
export function fill(db, incidents, events) {
  const perIncident = Math.round(events / incidents);
  const start0 = Date.parse("2019-01-01T00:00:00Z");
  const span = Date.parse("2026-01-01T00:00:00Z") - start0;
  const iso = (ms) => new Date(ms).toISOString();
  const incident = db.prepare(`INSERT INTO incidents (slug, title, severity, status, postmortem_status, time_zone, summary,
    impact_start_at, detected_at, identified_at, mitigated_at, resolved_at) VALUES (?, ?, ?, ?, 'draft', 'UTC', 'Generated.', ?, ?, ?, ?, ?)`);
  const event = db.prepare("INSERT INTO timeline_events (incident_id, at, kind, actor, text, position) VALUES (?, ?, 'event', 'bench', ?, ?)");
  const window = db.prepare("INSERT INTO impact_windows (incident_id, service_slug, condition, start_at, end_at, origin, position) VALUES (?, ?, 'major', ?, ?, ?, ?)");
  const cause = db.prepare("INSERT INTO causes (incident_id, kind, text, position) VALUES (?, 'root_cause', 'Generated cause.', 0)");
  const causeService = db.prepare("INSERT INTO cause_services (cause_id, service_slug) VALUES (?, ?)");
  const causeTag = db.prepare("INSERT INTO cause_tag_links (cause_id, tag) VALUES (?, ?)");
  const item = db.prepare(`INSERT INTO action_items (incident_id, title, type, priority, owner, due, status, tracker, closed, addresses, position)
    VALUES (?, ?, ?, 'P2', ?, ?, ?, '', ?, ?, ?)`);
  db.transaction(() => {
    for (let i = 0; i < incidents; i++) {
      const start = start0 + Math.floor((span * i) / incidents);
      const m = (min) => iso(start + min * 60_000);
      const open = i % 50 === 0;
      const id = Number(incident.run(`bench-${i}`, `Generated incident ${i}`, SEVERITIES[i % 4], open ? "investigating" : "resolved",
        m(0), m(5 + (i % 30)), i % 7 ? m(40 + (i % 90)) : null, m(60 + (i % 120)), open ? null : m(120 + (i % 600))).lastInsertRowid);
      for (let e = 0; e < perIncident; e++) event.run(id, m(e), `Event ${e} of incident ${i}`, e);
      const origin = SERVICES[i % SERVICES.length];
      window.run(id, origin, m(0), open ? null : m(90), 1, 0);
      window.run(id, SERVICES[(i + 3) % SERVICES.length], m(10), open ? null : m(80), 0, 1);
      const causeId = cause.run(id).lastInsertRowid;
      causeService.run(causeId, origin);
      causeTag.run(causeId, TAGS[i % TAGS.length]);
      for (let k = 0; k < 3; k++) {
        const done = (i + k) % 3 === 0;
        item.run(id, `Follow-up ${k} of incident ${i}`, ["prevent", "detect", "mitigate"][k], `team-${(i + k) % 12}`,
          iso(start + 30 * 86_400_000).slice(0, 10), done ? "done" : "open", done ? iso(start + (10 + (i % 40)) * 86_400_000).slice(0, 10) : null, k === 0 ? 0 : null, k);
      }
    }
  })();
}

/** The insights page's server render over a large history, and the figures alone. Needs `next build` first. */
export async function insightsRows({ runs = 7, incidents = Number(process.env.SITREP_BENCH_INSIGHT_INCIDENTS ?? 10_000), events = 20 * Number(process.env.SITREP_BENCH_INSIGHT_INCIDENTS ?? 10_000) } = {}) {
  const dataDir = mkdtempSync(join(tmpdir(), "sitrep-bench-insights-"));
  process.env.SITREP_ADMIN_PASSWORD = "bench-password";
  const db = openDatabase(dataDir);
  seedDatabase(db);
  fill(db, incidents, events);
  const figures = await measure(runs, () => buildInsights(loadInsightIncidents(db), insightServices(db), listCauseTags(db), {}, new Date().toISOString()));
  const load = await measure(runs, () => loadInsightIncidents(db));
  const port = Number(process.env.SITREP_BENCH_INSIGHTS_PORT ?? 3325), base = `http://127.0.0.1:${port}`;
  const { child } = await timeToFirst200(process.execPath, ["scripts/start.mjs"], {
    env: { ...process.env, PORT: String(port), HOST: "127.0.0.1", SITREP_DATA_DIR: dataDir },
  }, `${base}/signin`, 120_000);
  try {
    const cookie = await signInCookie(base, "admin@localhost", "bench-password");
    const get = (path) => fetch(`${base}${path}`, { headers: { cookie } }).then(async (r) => { await r.text(); if (!r.ok) throw new Error(`${path}: ${r.status}`); });
    await get("/insights");
    const page = await measure(runs, () => get("/insights"));
    // A save anywhere makes the app read every incident again: the first render after a change.
    const bump = db.prepare("UPDATE incidents SET version = version + 1 WHERE slug = 'bench-0'");
    const cold = await measure(runs, async () => {
      bump.run();
      const t0 = performance.now();
      await get("/insights");
      return performance.now() - t0;
    });
    const filtered = await measure(runs, () => get("/insights?severity=SEV1&group=Compute&from=2021-01-01&to=2023-12-31"));
    const csv = await measure(runs, () => get("/api/insights?format=csv&table=durations"));
    const label = `${incidents.toLocaleString("en-US")} incidents, ${events.toLocaleString("en-US")} events`;
    return [
      { name: `insights page server render, ${label}`, unit: "ms", target: "< 300 ms", ...page },
      { name: `insights page server render, first after an incident changed, ${label}`, unit: "ms", ...cold },
      { name: `insights page, filtered (severity + group + dates), ${label}`, unit: "ms", ...filtered },
      { name: `insights CSV (durations table), ${label}`, unit: "ms", ...csv },
      { name: `insights figures in-process (read + compute), ${label}`, unit: "ms", ...figures },
      { name: `insights read from SQLite alone, ${label}`, unit: "ms", ...load },
    ];
  } finally {
    db.close();
    await stop(child);
    rmSync(dataDir, { recursive: true, force: true });
  }
}
