import "server-only";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { Database } from "better-sqlite3";
import { getCatalog } from "@/db/services";
import { publishedUpdate, recordPublishedUpdate } from "@/db/status";
import { CONTENT_DIR } from "@/db/bootstrap";
import { postUpdate, startIncident } from "@/publisher/apply.mjs";
import { createSite, newId } from "@/publisher/publish.mjs";
import { emptyState } from "@/publisher/state.mjs";
import { pageInfo, siteDir } from "./site-config";

type Seed = { postmortem: string; name: string; impact: string; updates: { at: string; status: string; body: string; components?: Record<string, string> }[] };

/**
 * Creates the status site on first start: the catalog's public services as components, and the
 * public updates of the seeded incidents replayed through the same operations every publish uses.
 */
export async function ensureSite(db: Database): Promise<void> {
  const site = siteDir();
  if (existsSync(join(site, "state.json"))) return;
  const first = "2020-01-01T00:00:00.000Z";
  let state = emptyState(pageInfo(), first);
  state.components = getCatalog(db).services.filter((s) => s.public).map((s, position) => ({
    id: s.slug, slug: s.slug, name: s.name, description: s.description, group_name: s.group, position,
    status: "operational", created_at: first, updated_at: first,
  }));
  const dir = join(CONTENT_DIR, "status");
  const all = [];
  for (const file of existsSync(dir) ? readdirSync(/*turbopackIgnore: true*/ dir).filter((f) => f.endsWith(".json")).sort() : []) {
    const seed = JSON.parse(readFileSync(join(/*turbopackIgnore: true*/ dir, file), "utf8")) as Seed;
    let incident = null;
    for (const u of seed.updates) {
      const ctx = { author: "support@example.com", origin: "app" as const, now: u.at, newId };
      const input = { name: seed.name, impact: seed.impact, status: u.status, body: u.body, components: u.components };
      ({ state, incident } = incident ? postUpdate(state, incident, input, ctx) : startIncident(state, input, ctx));
      recordPublishedUpdate(db, publishedUpdate(incident!, incident!.incident_updates[0], "app"), { linkTo: seed.postmortem, timeZone: state.page.time_zone });
    }
    if (incident) all.push(incident);
  }
  await createSite(site, state, all);
}
