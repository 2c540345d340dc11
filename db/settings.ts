import type { Database } from "better-sqlite3";

/** Small facts the app keeps about itself, by key. */
export function getSetting(db: Database, key: string): string | null {
  return (db.prepare("SELECT value FROM settings WHERE key = ?").pluck().get(key) as string | undefined) ?? null;
}

export function setSetting(db: Database, key: string, value: string): void {
  db.prepare("INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value").run(key, value);
}
