// @ts-check
import { randomBytes } from "node:crypto";
import { copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync, renameSync, statSync, unlinkSync, utimesSync } from "node:fs";
import { join } from "node:path";
import { withLock } from "./lock.mjs";
import { SHARED, siteLayout } from "./site.mjs";
import { writeRelease } from "./write.mjs";

/**
 * Brings a mirror's shared store up to date: only files whose size or time differ are copied, each
 * through a temporary name and a rename. A mirror so costs the same at any history size, and its
 * readers never see half a file. Files gone from the source (an undone incident's page) are added to
 * `stale`, to be deleted once the mirror's new release no longer links them.
 * @param {string} from @param {string} to @param {string} tag unique to this sync @param {string[]} stale
 */
function syncStore(from, to, tag, stale) {
  mkdirSync(to, { recursive: true });
  const names = new Set();
  for (const entry of readdirSync(from, { withFileTypes: true })) {
    if (entry.name.includes(".tmp-")) continue;
    names.add(entry.name);
    const src = join(from, entry.name), dest = join(to, entry.name);
    if (entry.isDirectory()) {
      syncStore(src, dest, tag, stale);
      continue;
    }
    const s = statSync(src);
    const d = existsSync(dest) ? statSync(dest) : null;
    // Copies carry the source's time; setting it keeps only microseconds.
    if (d && d.size === s.size && Math.abs(d.mtimeMs - s.mtimeMs) < 0.01) continue;
    const tmp = `${dest}.tmp-${tag}`;
    copyFileSync(src, tmp);
    utimesSync(tmp, s.atimeMs / 1000, s.mtimeMs / 1000);
    renameSync(tmp, dest);
  }
  for (const entry of readdirSync(to, { withFileTypes: true })) {
    if (entry.isFile() && !names.has(entry.name) && !entry.name.includes(".tmp-")) stale.push(join(to, entry.name));
  }
}

/** Copies the site as it is now into a mirror folder and swaps the mirror over, under the mirror's own lock. */
/** @param {string} site @param {string} mirror */
export async function syncMirror(site, mirror) {
  const from = siteLayout(site), to = siteLayout(mirror);
  mkdirSync(to.root, { recursive: true });
  await withLock(to.lock, () => {
    const tag = `mirror-${randomBytes(4).toString("hex")}`;
    /** @type {string[]} */
    const stale = [];
    for (const shared of SHARED) if (existsSync(join(from.store, shared))) syncStore(join(from.store, shared), join(to.store, shared), tag, stale);
    /** @type {Map<string, string>} */
    const files = new Map();
    const walk = (/** @type {string} */ dir, /** @type {string} */ prefix) => {
      for (const name of readdirSync(dir)) {
        if (SHARED.includes(name) && !prefix) continue;
        const path = join(dir, name);
        if (statSync(path).isDirectory()) walk(path, `${prefix}${name}/`);
        else files.set(`${prefix}${name}`, readFileSync(path, "utf8"));
      }
    };
    walk(site, "");
    writeRelease(mirror, files);
    for (const path of stale) unlinkSync(path);
  });
}
