import type { Catalog } from "./catalog";

/** A place the public site is served from or published to, in words, and the text that names it (URL, path, command). */
export type Place = { label: string; where: string };

const words = (s: string) => s.toLowerCase().replace(/[^a-z0-9]+/g, " ").trim();

/** Does `text` name the service (its slug or its name, as whole words)? */
function names(text: string, slug: string, name: string): boolean {
  const hay = ` ${words(text)} `;
  return [slug, name].some((n) => words(n).length > 1 && hay.includes(` ${words(n)} `));
}

/**
 * The S3-2017 trap, checked: the status page must not depend on what it reports on. Warns when a
 * place the site is served from or published to names a catalog service, and when a service marked
 * as on the status-publishing path depends (directly or through others, hard or soft) on a service
 * the page reports on.
 */
export function independenceWarnings(catalog: Catalog, places: Place[]): string[] {
  const bySlug = new Map(catalog.services.map((s) => [s.slug, s]));
  const warnings: string[] = [];
  for (const place of places) {
    for (const s of catalog.services) {
      if (names(place.where, s.slug, s.name)) {
        warnings.push(`${place.label} (${place.where}) looks like it runs on ${s.name}${s.public ? ", which this status page reports on" : ", a service in your catalog"}: if ${s.name} fails, this copy of the page may fail with it.`);
      }
    }
  }
  for (const s of catalog.services.filter((x) => x.statusPath)) {
    const seen = new Set<string>();
    const walk = (slug: string, via: string[]) => {
      for (const d of bySlug.get(slug)?.dependsOn ?? []) {
        if (d.nature === "best-effort" || seen.has(d.service)) continue;
        seen.add(d.service);
        const dep = bySlug.get(d.service);
        if (!dep) continue;
        const path = [...via, dep.name];
        if (dep.public) warnings.push(`${s.name} is on the status-publishing path but depends on ${path.join(" → ")}, which this status page reports on.`);
        walk(d.service, path);
      }
    };
    walk(s.slug, []);
  }
  return warnings;
}
