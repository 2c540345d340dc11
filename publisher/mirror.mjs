// @ts-check
import { copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync, renameSync, statSync, utimesSync } from "node:fs";
import { join } from "node:path";
import { SHARED, siteLayout } from "./site.mjs";
import { writeRelease } from "./write.mjs";

/**
 * Brings a mirror's shared store up to date: only files whose size or time differ are copied, each
 * through a temporary name and a rename, so a mirror costs the same at any history size and its
 * readers never see half a file.
 * @param {string} from @param {string} to
 */
function syncStore(from, to) {
  mkdirSync(to, { recursive: true });
  for (const entry of readdirSync(from, { withFileTypes: true })) {
    const src = join(from, entry.name), dest = join(to, entry.name);
    if (entry.isDirectory()) {
      syncStore(src, dest);
      continue;
    }
    if (entry.name.includes(".tmp-")) continue;
    const s = statSync(src);
    const d = existsSync(dest) ? statSync(dest) : null;
    // Copies carry the source's time; setting it keeps only microseconds.
    if (d && d.size === s.size && Math.abs(d.mtimeMs - s.mtimeMs) < 0.01) continue;
    const tmp = `${dest}.tmp-mirror`;
    copyFileSync(src, tmp);
    utimesSync(tmp, s.atimeMs / 1000, s.mtimeMs / 1000);
    renameSync(tmp, dest);
  }
}

/** Copies the site as it is now into a mirror folder and swaps the mirror over, the same way. */
/** @param {string} site @param {string} mirror */
export function syncMirror(site, mirror) {
  const from = siteLayout(site), to = siteLayout(mirror);
  mkdirSync(to.root, { recursive: true });
  for (const shared of SHARED) if (existsSync(join(from.store, shared))) syncStore(join(from.store, shared), join(to.store, shared));
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
}
