import type { Database } from "better-sqlite3";
import type { Decision, ReviewRequest } from "../lib/review-rules";
import { SaveError } from "./incidents";

export interface ReviewComment {
  id: number;
  parentId: number | null;
  anchor: string;
  author: string;
  body: string;
  at: string;
  resolvedBy: string | null;
  resolvedAt: string | null;
}

function incidentId(db: Database, slug: string): number {
  const id = db.prepare("SELECT id FROM incidents WHERE slug = ?").pluck().get(slug) as number | undefined;
  if (id === undefined) throw new SaveError(404, [`slug: no incident called "${slug}"`]);
  return id;
}

/** Asks each reviewer (again): a new request clears an earlier decision, since the text has changed since. */
export function requestReviewers(db: Database, slug: string, reviewers: string[], requestedBy: string): void {
  const id = incidentId(db, slug);
  const put = db.prepare(`INSERT INTO review_requests (incident_id, reviewer, requested_by) VALUES (?, ?, ?)
    ON CONFLICT (incident_id, reviewer) DO UPDATE SET requested_by = excluded.requested_by,
      requested_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), decision = NULL, decided_at = NULL, version = NULL`);
  db.transaction(() => reviewers.forEach((r) => put.run(id, r, requestedBy)))();
}

export function listReviewRequests(db: Database, slug: string): ReviewRequest[] {
  return db.prepare(`SELECT r.reviewer, r.requested_by AS requestedBy, r.requested_at AS requestedAt, r.decision, r.decided_at AS decidedAt, r.version
    FROM review_requests r JOIN incidents i ON i.id = r.incident_id WHERE i.slug = ? ORDER BY r.requested_at, r.reviewer`).all(slug) as ReviewRequest[];
}

/** Records a reviewer's decision; only someone who was asked may decide. */
export function recordDecision(db: Database, slug: string, reviewer: string, decision: Decision, version: number): void {
  const info = db.prepare(`UPDATE review_requests SET decision = ?, decided_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), version = ?
    WHERE incident_id = ? AND reviewer = ?`).run(decision, version, incidentId(db, slug), reviewer);
  if (!info.changes) throw new SaveError(400, ["decision: you were not asked to review this postmortem; the author can add you as a reviewer"]);
}

/** The people who wrote the postmortem: whoever created it and whoever asked for its review. */
export function postmortemAuthors(db: Database, slug: string): string[] {
  return db.prepare(`SELECT author FROM revisions WHERE incident_id = (SELECT id FROM incidents WHERE slug = ?) AND version = 1
    UNION SELECT requested_by FROM review_requests WHERE incident_id = (SELECT id FROM incidents WHERE slug = ?)`).pluck().all(slug, slug) as string[];
}

export function addComment(db: Database, slug: string, c: { anchor: string; body: string; parentId?: number | null }, author: string): ReviewComment {
  const id = incidentId(db, slug);
  let anchor = c.anchor;
  if (c.parentId) {
    const parent = db.prepare("SELECT anchor, parent_id FROM review_comments WHERE id = ? AND incident_id = ?").get(c.parentId, id) as { anchor: string; parent_id: number | null } | undefined;
    if (!parent) throw new SaveError(400, [`parentId: no comment ${c.parentId} on this postmortem`]);
    if (parent.parent_id) throw new SaveError(400, ["parentId: reply to the first comment of a thread"]);
    anchor = parent.anchor;
  }
  const info = db.prepare("INSERT INTO review_comments (incident_id, parent_id, anchor, author, body) VALUES (?, ?, ?, ?, ?)").run(id, c.parentId ?? null, anchor, author, c.body);
  return listComments(db, slug).find((x) => x.id === Number(info.lastInsertRowid))!;
}

export function listComments(db: Database, slug: string): ReviewComment[] {
  return db.prepare(`SELECT c.id, c.parent_id AS parentId, c.anchor, c.author, c.body, c.at, c.resolved_by AS resolvedBy, c.resolved_at AS resolvedAt
    FROM review_comments c JOIN incidents i ON i.id = c.incident_id WHERE i.slug = ? ORDER BY c.id`).all(slug) as ReviewComment[];
}

/** Resolves (or reopens) a thread, by its first comment. */
export function resolveThread(db: Database, slug: string, threadId: number, by: string | null): void {
  const info = db.prepare(`UPDATE review_comments SET resolved_by = ?, resolved_at = CASE WHEN ? IS NULL THEN NULL ELSE strftime('%Y-%m-%dT%H:%M:%fZ', 'now') END
    WHERE id = ? AND parent_id IS NULL AND incident_id = ?`).run(by, by, threadId, incidentId(db, slug));
  if (!info.changes) throw new SaveError(400, [`thread: no comment thread ${threadId} on this postmortem`]);
}

export function openThreadCount(db: Database, slug: string): number {
  return db.prepare(`SELECT count(*) FROM review_comments WHERE parent_id IS NULL AND resolved_at IS NULL
    AND incident_id = (SELECT id FROM incidents WHERE slug = ?)`).pluck().get(slug) as number;
}
