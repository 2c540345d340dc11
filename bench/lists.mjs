import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { measure } from "./lib.mjs";
import { bigPostmortem } from "./fixtures.ts";
import { openDatabase } from "../db/connection.ts";
import { createIncident, listIncidents } from "../db/incidents.ts";
import { listActionItems } from "../db/action-items.ts";

/** The incident list's server-side search and the action-items page, over a year's worth of postmortems. */
export async function listRows({ runs = 15, incidents = Number(process.env.SITREP_BENCH_INCIDENTS ?? 500) } = {}) {
  const dataDir = mkdtempSync(join(tmpdir(), "sitrep-bench-lists-"));
  process.env.SITREP_ADMIN_PASSWORD = "bench-password";
  const db = openDatabase(dataDir);
  try {
    db.transaction(() => {
      for (let i = 0; i < incidents; i++) {
        const pm = bigPostmortem(30, `incident-${i}`);
        pm.impactWindows = [{ service: i % 3 ? "cognito" : "waf", condition: "major", start: pm.milestones.impact_start, end: null, origin: true }];
        pm.actionItems = Array.from({ length: 4 }, (_, k) => ({ title: `Fix thing ${k} of incident ${i}`, type: "prevent", priority: "P2",
          owner: `team-${k}`, due: k % 2 ? "2024-07-01" : null, status: "open", tracker: "" }));
        createIncident(db, pm, "bench");
      }
    })();
    const search = await measure(runs, () => listIncidents(db, { q: "written down regex" }));
    const word = await measure(runs, () => listIncidents(db, { q: "incident-49" }));
    const service = await measure(runs, () => listIncidents(db, { service: "waf", severity: "SEV2" }));
    const items = await measure(runs, () => listActionItems(db, {}, "2025-01-01"));
    return [
      { name: `incident search, two words (the second matches nothing), ${incidents} incidents × 30 events`, unit: "ms", target: "< 100 ms", ...search },
      { name: `incident search, one word, ${incidents} incidents`, unit: "ms", ...word },
      { name: `incident filter by service + severity, ${incidents} incidents`, unit: "ms", ...service },
      { name: `action items across ${incidents} postmortems (${incidents * 4} items)`, unit: "ms", target: "< 50 ms", ...items },
    ];
  } finally {
    db.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
