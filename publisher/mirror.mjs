// @ts-check
import { mkdirSync, readdirSync, readFileSync, realpathSync, statSync } from "node:fs";
import { join } from "node:path";
import { withLock } from "./lock.mjs";
import { SHARED, siteLayout } from "./site.mjs";
import { currentRelease, generationOf, writeRelease } from "./write.mjs";

/**
 * Copies the site as it is now into a mirror folder and swaps the mirror over, under the mirror's own
 * lock. Shared pages are copied only when their size or time differ, each through a temporary name,
 * into the generation the mirror's live release does not use, so a mirror costs the same at any
 * history size and its readers never see half a file or a page ahead of its release.
 * @param {string} site @param {string} mirror
 */
export async function syncMirror(site, mirror) {
  const from = siteLayout(site), to = siteLayout(mirror);
  mkdirSync(to.root, { recursive: true });
  await withLock(to.lock, () => {
    const release = currentRelease(site);
    if (!release) throw new Error(`${site} has not been published yet`);
    const dir = realpathSync(join(from.releases, release));
    const gen = generationOf(from, release);
    /** @type {Map<string, string|Buffer>} */
    const files = new Map();
    const walk = (/** @type {string} */ path, /** @type {string} */ prefix) => {
      for (const name of readdirSync(path)) {
        if (!prefix && SHARED.includes(name)) continue;
        const child = join(path, name);
        if (statSync(child).isDirectory()) walk(child, `${prefix}${name}/`);
        else files.set(`${prefix}${name}`, readFileSync(child));
      }
    };
    walk(dir, "");
    writeRelease(mirror, files, { syncFrom: join(from.store, gen ?? "") });
  });
}
