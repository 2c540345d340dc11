import type { Database } from "better-sqlite3";
import type { Catalog, Service } from "../lib/catalog";

interface ServiceRow {
  id: number; slug: string; name: string; description: string;
  is_public: number; group_name: string; status_path: number; only_show_if_degraded: number;
}

/** Replaces the whole catalog in one transaction; a failure leaves the old catalog in place. */
export function replaceCatalog(db: Database, catalog: Catalog): void {
  db.transaction(() => {
    const keep = new Set(catalog.services.map((s) => s.slug));
    const upsert = db.prepare(`INSERT INTO services (slug, name, description, is_public, group_name, status_path, position, only_show_if_degraded)
      VALUES (@slug, @name, @description, @public, @group, @statusPath, @position, @hidden)
      ON CONFLICT (slug) DO UPDATE SET name = excluded.name, description = excluded.description, is_public = excluded.is_public,
        group_name = excluded.group_name, status_path = excluded.status_path, position = excluded.position,
        only_show_if_degraded = excluded.only_show_if_degraded`);
    catalog.services.forEach((s, position) =>
      upsert.run({ slug: s.slug, name: s.name, description: s.description, group: s.group, public: s.public ? 1 : 0, statusPath: s.statusPath ? 1 : 0, position, hidden: s.onlyShowIfDegraded ? 1 : 0 }),
    );
    const ids = new Map((db.prepare("SELECT slug, id FROM services").all() as { slug: string; id: number }[]).map((r) => [r.slug, r.id]));
    for (const [slug, id] of ids) if (!keep.has(slug)) db.prepare("DELETE FROM services WHERE id = ?").run(id);
    db.prepare("DELETE FROM dependencies").run();
    const dep = db.prepare("INSERT INTO dependencies (service_id, depends_on_id, nature, note) VALUES (?, ?, ?, ?)");
    for (const s of catalog.services) {
      for (const d of s.dependsOn) dep.run(ids.get(s.slug), ids.get(d.service), d.nature, d.note);
    }
  })();
}

export function getCatalog(db: Database): Catalog {
  const rows = db.prepare("SELECT * FROM services ORDER BY position, slug").all() as ServiceRow[];
  const deps = db
    .prepare(`SELECT s.slug AS from_slug, t.slug AS to_slug, d.nature, d.note FROM dependencies d
      JOIN services s ON s.id = d.service_id JOIN services t ON t.id = d.depends_on_id ORDER BY t.position, t.slug`)
    .all() as { from_slug: string; to_slug: string; nature: Service["dependsOn"][number]["nature"]; note: string }[];
  return {
    services: rows.map((r) => ({
      slug: r.slug, name: r.name, description: r.description, public: r.is_public === 1, group: r.group_name,
      statusPath: r.status_path === 1, ...(r.only_show_if_degraded === 1 ? { onlyShowIfDegraded: true } : {}),
      dependsOn: deps.filter((d) => d.from_slug === r.slug).map((d) => ({ service: d.to_slug, nature: d.nature, note: d.note })),
    })),
  };
}

export function serviceSlugs(db: Database): Set<string> {
  return new Set(db.prepare("SELECT slug FROM services").pluck().all() as string[]);
}

/** Services a new catalog would drop although incidents still refer to them, as field-named problems. */
export function droppedInUse(db: Database, catalog: Catalog): string[] {
  const keep = new Set(catalog.services.map((s) => s.slug));
  const rows = db.prepare(`SELECT DISTINCT ref.slug, i.slug AS incident FROM (
      SELECT service_slug AS slug, incident_id FROM impact_windows
      UNION SELECT s.service_slug, e.incident_id FROM timeline_event_services s JOIN timeline_events e ON e.id = s.event_id
      UNION SELECT s.service_slug, c.incident_id FROM cause_services s JOIN causes c ON c.id = s.cause_id
    ) ref JOIN incidents i ON i.id = ref.incident_id
    -- Only services the catalog has now can be dropped; names drafts use that it never listed are not.
    WHERE ref.slug IN (SELECT slug FROM services) ORDER BY ref.slug`).all() as { slug: string; incident: string }[];
  return rows.filter((r) => !keep.has(r.slug)).map((r) => `services: "${r.slug}" is still used by incident "${r.incident}"; keep it or remove it there first`);
}
