import type { Database } from "better-sqlite3";
import type { Postmortem } from "../lib/model";
import { SaveError, updateIncident, type StoredPostmortem } from "./incidents";

export interface RevisionInfo {
  version: number;
  author: string;
  createdAt: string;
  summary: string;
}

export function listRevisions(db: Database, slug: string): RevisionInfo[] {
  return db.prepare(`SELECT r.version, r.author, r.created_at AS createdAt, r.summary FROM revisions r
    JOIN incidents i ON i.id = r.incident_id WHERE i.slug = ? ORDER BY r.version DESC`).all(slug) as RevisionInfo[];
}

export function getRevision(db: Database, slug: string, version: number): Postmortem | null {
  const snapshot = db.prepare(`SELECT r.snapshot FROM revisions r JOIN incidents i ON i.id = r.incident_id
    WHERE i.slug = ? AND r.version = ?`).pluck().get(slug, version) as string | undefined;
  return snapshot ? (JSON.parse(snapshot) as Postmortem) : null;
}

/** Restoring is itself a new revision, so history only ever grows. The review status stays as it is. */
export function restoreRevision(db: Database, slug: string, version: number, baseVersion: number, author: string): StoredPostmortem {
  const old = getRevision(db, slug, version);
  if (!old) throw new SaveError(404, [`restore: no version ${version} of "${slug}"`]);
  return updateIncident(db, slug, { ...old, slug }, baseVersion, author, { summary: `restored version ${version}` });
}
