import type { Database } from "better-sqlite3";
import type { CauseTag } from "../lib/cause-tags";

export function listCauseTags(db: Database): CauseTag[] {
  return db.prepare("SELECT slug, name, keywords FROM cause_tags ORDER BY position, name").all() as CauseTag[];
}

/** Replaces the taxonomy in one step; tags already given to causes stay on them even when removed here. */
export function replaceCauseTags(db: Database, tags: CauseTag[]): CauseTag[] {
  db.transaction(() => {
    db.prepare("DELETE FROM cause_tags").run();
    const insert = db.prepare("INSERT INTO cause_tags (slug, name, keywords, position) VALUES (?, ?, ?, ?)");
    tags.forEach((t, i) => insert.run(t.slug, t.name, t.keywords, i));
  })();
  return listCauseTags(db);
}
