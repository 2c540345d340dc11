import type { Database } from "better-sqlite3";
import type { DrillRecord } from "../lib/training";

export interface DrillLogEntry {
  id: string; operator: string; scenario: string; started_at: string; finished_at: string;
  first_publish_ms: number | null; wrong_turns: number; passed: boolean; steps: unknown[];
}

/** Takes in drill outcomes from the CLI's drill log; each only once. */
export function importDrills(db: Database, entries: DrillLogEntry[]): number {
  const insert = db.prepare(`INSERT OR IGNORE INTO drills (log_id, scenario, operator, started_at, first_publish_at, finished_at, wrong_turns, passed, log)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  return db.transaction(() => entries.reduce((n, e) => {
    const firstAt = e.first_publish_ms === null ? null : new Date(Date.parse(e.started_at) + e.first_publish_ms).toISOString();
    return n + insert.run(e.id, e.scenario, e.operator, e.started_at, firstAt, e.finished_at, e.wrong_turns, e.passed ? 1 : 0, JSON.stringify(e.steps ?? [])).changes;
  }, 0))();
}

export function listDrills(db: Database): DrillRecord[] {
  return (db.prepare("SELECT operator, scenario, started_at, first_publish_at, wrong_turns, passed FROM drills ORDER BY started_at").all() as Record<string, string | number | null>[])
    .map((r) => ({
      operator: String(r.operator), scenario: String(r.scenario), startedAt: String(r.started_at), wrongTurns: Number(r.wrong_turns), passed: r.passed === 1,
      firstPublishMs: r.first_publish_at ? Date.parse(String(r.first_publish_at)) - Date.parse(String(r.started_at)) : null,
    }));
}
