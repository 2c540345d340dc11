import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { Database } from "better-sqlite3";
import { getCatalog } from "../db/services";
import { postUpdate, startIncident } from "../publisher/apply.mjs";
import type { JournalEntry } from "../publisher/journal.mjs";
import { createSite, newId } from "../publisher/publish.mjs";
import { emptyState, type Incident } from "../publisher/state.mjs";
import { signAppEntry } from "./journal-trust";
import { CONTENT_DIR } from "./seed";
import { pageInfo, siteDir } from "./site-config";

type Seed = { postmortem: string; name: string; impact: string; updates: { at: string; status: string; body: string; components?: Record<string, string> }[] };

/**
 * Creates the status site on first start: the catalog's public services as components, and the
 * public updates of the seeded incidents replayed through the same operations every publish uses and
 * journaled with the site's first release, so the database takes them in like any other update.
 */
export async function createSeededSite(db: Database): Promise<void> {
  const first = "2020-01-01T00:00:00.000Z";
  let state = emptyState(pageInfo(), first);
  state.components = getCatalog(db).services.filter((s) => s.public).map((s, position) => ({
    id: s.slug, slug: s.slug, name: s.name, description: s.description, group_name: s.group, position: position + 1,
    status: "operational", created_at: first, updated_at: first,
  }));
  const dir = join(CONTENT_DIR, "status");
  const all: Incident[] = [];
  const journal: Omit<JournalEntry, "release" | "previous">[] = [];
  for (const file of existsSync(dir) ? readdirSync(/*turbopackIgnore: true*/ dir).filter((f) => f.endsWith(".json")).sort() : []) {
    const seed = JSON.parse(readFileSync(join(/*turbopackIgnore: true*/ dir, file), "utf8")) as Seed;
    let incident: Incident | null = null;
    for (const u of seed.updates) {
      const ctx = { author: "support@example.com", origin: "app" as const, now: u.at, newId };
      const input = { name: seed.name, impact: seed.impact, status: u.status, body: u.body, components: u.components };
      ({ state, incident } = incident ? postUpdate(state, incident, input, ctx) : startIncident(state, input, ctx));
      const update = incident!.incident_updates[0];
      const entry = {
        id: update.id, at: u.at, author: ctx.author, origin: "app", kind: "update", postmortem: seed.postmortem,
        incident: { id: incident!.id, name: incident!.name, status: incident!.status, impact: incident!.impact, kind: incident!.kind },
        update: { id: update.id, status: update.status, body: update.body, affected_components: update.affected_components },
      };
      journal.push(entry);
    }
    if (incident) all.push(incident);
  }
  await createSite(siteDir(), state, all, new Date().toISOString(), { sign: signAppEntry, journal });
}
