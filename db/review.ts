import type { Database } from "better-sqlite3";
import type { Postmortem } from "../lib/model";
import { publishProblems } from "../lib/references";
import { reviewProblem } from "../lib/review";
import { getIncident, SaveError, updateIncident, type StoredPostmortem } from "./incidents";
import { serviceSlugs } from "./services";

export interface Transition {
  from: string;
  to: string;
  actor: string;
  at: string;
}

/** Moves a postmortem through review; recorded as a revision and as a transition with who and when. */
export function moveReview(db: Database, slug: string, to: Postmortem["postmortemStatus"], baseVersion: number, actor: string): StoredPostmortem {
  return db.transaction(() => {
    const current = getIncident(db, slug);
    if (!current) throw new SaveError(404, [`slug: no incident called "${slug}"`]);
    const bad = reviewProblem(current.postmortemStatus, to);
    if (bad) throw new SaveError(400, [bad]);
    const { version: _v, updatedAt: _u, ...pm } = current;
    // Drafts may name services the catalog does not list yet; the final postmortem may not.
    const unlisted = to === "published" ? publishProblems(pm, serviceSlugs(db)) : [];
    if (unlisted.length) throw new SaveError(400, unlisted);
    const saved = updateIncident(db, slug, { ...pm, postmortemStatus: to }, baseVersion, actor, { allowReview: true });
    const id = db.prepare("SELECT id FROM incidents WHERE slug = ?").pluck().get(slug);
    db.prepare("INSERT INTO review_transitions (incident_id, from_status, to_status, actor) VALUES (?, ?, ?, ?)")
      .run(id, current.postmortemStatus, to, actor);
    return saved;
  })();
}

export function listTransitions(db: Database, slug: string): Transition[] {
  return db.prepare(`SELECT r.from_status AS "from", r.to_status AS "to", r.actor, r.at FROM review_transitions r
    JOIN incidents i ON i.id = r.incident_id WHERE i.slug = ? ORDER BY r.id`).all(slug) as Transition[];
}
