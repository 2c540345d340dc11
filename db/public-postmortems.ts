import type { Database } from "better-sqlite3";
import type { Finding } from "../lib/disclosure";
import { SaveError } from "./incidents";

export interface PublicVersion {
  title: string;
  body: string;
  version: number;
  updatedAt: string;
  publishedVersion: number | null;
  publishedAt: string | null;
  publishedBy: string | null;
  statusIncident: string | null;
}

export interface PublicRevision { version: number; title: string; body: string; author: string; at: string }
export interface Acceptance { key: string; kind: string; text: string; acceptedBy: string; at: string }

function incidentId(db: Database, slug: string): number {
  const id = db.prepare("SELECT id FROM incidents WHERE slug = ?").pluck().get(slug) as number | undefined;
  if (id === undefined) throw new SaveError(404, [`slug: no incident called "${slug}"`]);
  return id;
}

export function getPublicVersion(db: Database, slug: string): PublicVersion | null {
  return (db.prepare(`SELECT p.title, p.body, p.version, p.updated_at AS updatedAt, p.published_version AS publishedVersion,
      p.published_at AS publishedAt, p.published_by AS publishedBy, p.status_incident AS statusIncident
    FROM public_postmortems p JOIN incidents i ON i.id = p.incident_id WHERE i.slug = ?`).get(slug) as PublicVersion | undefined) ?? null;
}

/**
 * Saves the customer text as a new revision. `baseVersion` is the version the author started from
 * (0 for the first save); anything else means someone saved in between, and nothing is overwritten.
 */
export function savePublicVersion(db: Database, slug: string, input: { title: string; body: string }, baseVersion: number, author: string): PublicVersion {
  return db.transaction(() => {
    const id = incidentId(db, slug);
    const current = getPublicVersion(db, slug);
    const version = current?.version ?? 0;
    if (baseVersion !== version) {
      throw new SaveError(409, [`version: the public version was saved by someone else meanwhile (now version ${version}, yours was based on ${baseVersion}); reload to see their changes`]);
    }
    const next = version + 1;
    db.prepare(`INSERT INTO public_postmortems (incident_id, title, body, version) VALUES (?, ?, ?, ?)
      ON CONFLICT (incident_id) DO UPDATE SET title = excluded.title, body = excluded.body, version = excluded.version,
        updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')`).run(id, input.title, input.body, next);
    db.prepare("INSERT INTO public_revisions (incident_id, version, title, body, author) VALUES (?, ?, ?, ?, ?)").run(id, next, input.title, input.body, author);
    return getPublicVersion(db, slug)!;
  })();
}

export function listPublicRevisions(db: Database, slug: string): PublicRevision[] {
  return db.prepare(`SELECT r.version, r.title, r.body, r.author, r.at FROM public_revisions r JOIN incidents i ON i.id = r.incident_id
    WHERE i.slug = ? ORDER BY r.version DESC`).all(slug) as PublicRevision[];
}

export function markPublicPublished(db: Database, slug: string, version: number, by: string, statusIncident: string): void {
  db.prepare(`UPDATE public_postmortems SET published_version = ?, published_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), published_by = ?, status_incident = ?
    WHERE incident_id = ?`).run(version, by, statusIncident, incidentId(db, slug));
}

export function acceptFinding(db: Database, slug: string, finding: Pick<Finding, "key" | "kind" | "text">, by: string): void {
  db.prepare(`INSERT INTO disclosure_acceptances (incident_id, finding_key, kind, text, accepted_by) VALUES (?, ?, ?, ?, ?)
    ON CONFLICT (incident_id, finding_key) DO NOTHING`).run(incidentId(db, slug), finding.key, finding.kind, finding.text, by);
}

export function listAcceptances(db: Database, slug: string): Acceptance[] {
  return db.prepare(`SELECT a.finding_key AS key, a.kind, a.text, a.accepted_by AS acceptedBy, a.at FROM disclosure_acceptances a
    JOIN incidents i ON i.id = a.incident_id WHERE i.slug = ? ORDER BY a.at`).all(slug) as Acceptance[];
}
