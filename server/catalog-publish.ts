import "server-only";
import { getDb } from "@/db/connection";
import { replaceCatalog } from "@/db/services";
import type { User } from "@/db/users";
import type { Catalog } from "@/lib/catalog";
import { syncComponents, type WantedComponent } from "@/publisher/components.mjs";
import { dryRun } from "@/publisher/publish.mjs";
import { publishFromApp } from "./publish";
import { siteDir } from "./site-config";

/** A catalog's public services, in catalog order, as the status page's components. */
export function wantedComponents(catalog: Catalog): WantedComponent[] {
  return catalog.services.filter((s) => s.public).map((s) => ({
    id: s.slug, name: s.name, description: s.description, group: s.group, only_show_if_degraded: s.onlyShowIfDegraded ?? false,
  }));
}

/** What saving this catalog would change on the status page, in words; throws the publisher's refusal. */
export function previewCatalog(user: User, catalog: Catalog): string[] {
  const { change } = dryRun(siteDir(), (s, ctx) => syncComponents(s, wantedComponents(catalog), ctx), { author: user.email, origin: "app" });
  return (change as { notes?: string[] }).notes ?? [];
}

/**
 * Saves the catalog and publishes its component changes in the same request. The publish goes
 * first: if the publisher refuses (an open incident on a retired component, a bad name), the catalog
 * is left exactly as it was. The reverse failure (site published, database write failing) is not
 * possible to undo, but the next save publishes the same list again, so the two cannot drift apart.
 */
export async function saveCatalog(user: User, catalog: Catalog): Promise<string[]> {
  const notes = previewCatalog(user, catalog);
  if (notes.length) await publishFromApp(user, (s, ctx) => syncComponents(s, wantedComponents(catalog), ctx), { kind: "components" });
  replaceCatalog(getDb(), catalog);
  return notes;
}
