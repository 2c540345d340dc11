import type { Database } from "better-sqlite3";

/** The slug of the incident imported from this source, if any. */
export function slugForSource(db: Database, key: string): string | null {
  return (db.prepare("SELECT slug FROM incidents WHERE source_key = ?").pluck().get(key) as string | undefined) ?? null;
}

export function setSourceKey(db: Database, slug: string, key: string): void {
  db.prepare("UPDATE incidents SET source_key = ? WHERE slug = ?").run(key, slug);
}

export function slugTaken(db: Database, slug: string): boolean {
  return Boolean(db.prepare("SELECT 1 FROM incidents WHERE slug = ?").get(slug));
}
