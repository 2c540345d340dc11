import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { measure, stop, timeToFirst200 } from "./lib.mjs";
import { signInCookie } from "./session.mjs";
import { bigPostmortem } from "./fixtures.ts";
import { openDatabase } from "../db/connection.ts";
import { seedDatabase } from "../server/seed.ts";
import { createIncident } from "../db/incidents.ts";
import { exportPostmortem } from "../lib/markdown/export.ts";
import { importPostmortem } from "../lib/markdown/import.ts";

/** Server render and save against the built app, and the importer on its own. Needs `next build` first. */
export async function editorRows({ runs = 15 } = {}) {
  const big = bigPostmortem(2000);
  const markdown = exportPostmortem(big);
  const importMs = await measure(runs, () => importPostmortem(markdown));

  const dataDir = mkdtempSync(join(tmpdir(), "sitrep-bench-editor-"));
  process.env.SITREP_ADMIN_PASSWORD = "bench-password";
  const db = openDatabase(dataDir);
  seedDatabase(db);
  createIncident(db, big, "bench");
  db.close();
  const port = 3291, base = `http://127.0.0.1:${port}`;
  const { child } = await timeToFirst200(process.execPath, ["scripts/start.mjs"], {
    env: { ...process.env, PORT: String(port), SITREP_DATA_DIR: dataDir },
  }, `${base}/signin`);
  try {
    const cookie = await signInCookie(base, "admin@localhost", "bench-password");
    const get = (path) => fetch(`${base}${path}`, { headers: { cookie } }).then(async (r) => { await r.text(); if (!r.ok) throw new Error(`${path}: ${r.status}`); });
    await get("/incidents/big-2000");
    const render = await measure(runs, () => get("/incidents/big-2000"));
    const save = async (slug) => {
      const current = await (await fetch(`${base}/api/incidents/${slug}`, { headers: { cookie } })).json();
      return measure(runs, async (i) => {
        const t0 = performance.now();
        const res = await fetch(`${base}/api/incidents/${slug}`, {
          method: "PUT", headers: { cookie, "content-type": "application/json" },
          body: JSON.stringify({ ...current, summary: `edit ${i}`, version: current.version + i }),
        });
        if (!res.ok) throw new Error(`save ${slug}: ${res.status}`);
        await res.text();
        return performance.now() - t0;
      });
    };
    const saveSeed = await save("kinesis-2020-11-25");
    const saveBig = await save("big-2000");
    return [
      { name: "server render, postmortem with 2,000 events", unit: "ms", target: "< 300 ms", ...render },
      { name: "save round trip, Kinesis postmortem (21 events)", unit: "ms", target: "< 50 ms", ...saveSeed },
      { name: "save round trip, 2,000 events", unit: "ms", ...saveBig },
      { name: "import 2,000-event Markdown document", unit: "ms", target: "< 200 ms", ...importMs },
    ];
  } finally {
    await stop(child);
    rmSync(dataDir, { recursive: true, force: true });
  }
}
