import type { Database } from "better-sqlite3";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

export const MIGRATIONS_DIR = join(process.cwd(), "db", "migrations");

/** Applies every numbered .sql file not yet recorded, each in its own transaction, in order. */
export function migrate(db: Database, dir = MIGRATIONS_DIR): string[] {
  db.exec(`CREATE TABLE IF NOT EXISTS migrations (
    id INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')))`);
  const applied = new Set(db.prepare("SELECT id FROM migrations").pluck().all() as number[]);
  const files = readdirSync(/*turbopackIgnore: true*/ dir)
    .map((name) => ({ name, match: /^(\d+)_.+\.sql$/.exec(name) }))
    .filter((f) => f.match)
    .map((f) => ({ name: f.name, id: Number(f.match![1]) }))
    .sort((a, b) => a.id - b.id);
  const ran: string[] = [];
  for (const file of files) {
    if (applied.has(file.id)) continue;
    const sql = readFileSync(join(/*turbopackIgnore: true*/ dir, file.name), "utf8");
    db.transaction(() => {
      db.exec(sql);
      db.prepare("INSERT INTO migrations (id, name) VALUES (?, ?)").run(file.id, file.name);
    })();
    ran.push(file.name);
  }
  return ran;
}
