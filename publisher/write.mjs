// @ts-check
import { existsSync, lstatSync, mkdirSync, readdirSync, readlinkSync, renameSync, rmdirSync, symlinkSync, writeFileSync } from "node:fs";
import { basename, dirname, join, relative } from "node:path";
import { randomBytes } from "node:crypto";
import { removeFile, SHARED, SiteError, siteLayout } from "./site.mjs";

const KEEP_RELEASES = 5;

/** @param {string} site @returns {string|null} the current release's id */
export function currentRelease(site) {
  if (!existsSync(site) && !isLink(site)) return null;
  if (!isLink(site)) throw new SiteError(`${site} is a plain folder, not a published site; choose an empty path or a site made by Sitrep`);
  return basename(readlinkSync(site));
}

/** @param {string} path */
function isLink(path) {
  try {
    return lstatSync(path).isSymbolicLink();
  } catch {
    return false;
  }
}

/** Points the site at a release with one rename, so readers see the old site or the new one, never a mix. */
/** @param {ReturnType<typeof siteLayout>} l @param {string} release */
function swap(l, release) {
  const tmp = join(l.parent, `.${basename(l.site)}.swap-${randomBytes(4).toString("hex")}`);
  symlinkSync(l.linkTo(release), tmp);
  renameSync(tmp, l.site);
}

/**
 * Writes rendered files as a new release and swaps it in. Files under the shared folders (incident
 * pages, history, buckets) go to the store, each replaced with a rename; every other file is written
 * into the fresh release folder. Nothing visible changes until everything has been written.
 * `remove` names shared files to delete once the new release (which no longer links them) is live.
 * @param {string} site
 * @param {Map<string, string>} files
 * @param {{ remove?: string[] }} [opts]
 * @returns {{ release: string, previous: string|null }}
 */
export function writeRelease(site, files, { remove = [] } = {}) {
  const l = siteLayout(site);
  for (const path of remove) {
    if (!SHARED.includes(path.split("/")[0]) || path.includes("..")) throw new SiteError(`refusing to remove ${path}: only shared site files can be removed`);
  }
  const previous = currentRelease(site);
  const release = `r-${Date.now().toString().padStart(14, "0")}-${randomBytes(3).toString("hex")}`;
  const dir = join(l.releases, release);
  /** @type {[string, string][]} */
  const staged = [];
  try {
    mkdirSync(dir, { recursive: true });
    for (const shared of SHARED) {
      mkdirSync(join(l.store, shared), { recursive: true });
      symlinkSync(relative(dir, join(l.store, shared)), join(dir, shared));
    }
    for (const [path, content] of files) {
      if (path.includes("..") || path.startsWith("/")) throw new SiteError(`refusing to write outside the site: ${path}`);
      const shared = SHARED.includes(path.split("/")[0]);
      const target = shared ? join(l.store, path) : join(dir, path);
      mkdirSync(dirname(target), { recursive: true });
      if (shared) {
        const tmp = `${target}.tmp-${release}`;
        writeFileSync(tmp, content);
        staged.push([tmp, target]);
      } else writeFileSync(target, content);
    }
  } catch (err) {
    for (const [tmp] of staged) removeFile(tmp);
    removeTree(dir);
    throw err;
  }
  for (const [tmp, target] of staged) renameSync(tmp, target);
  swap(l, release);
  for (const path of remove) removeFile(join(l.store, path));
  prune(l, release);
  return { release, previous };
}

/** @param {ReturnType<typeof siteLayout>} l @param {string} current */
function prune(l, current) {
  const releases = readdirSync(l.releases).filter((r) => r.startsWith("r-")).sort();
  for (const old of releases.slice(0, Math.max(0, releases.length - KEEP_RELEASES))) {
    if (old !== current) removeTree(join(l.releases, old));
  }
}

/**
 * Deletes a release folder; its links into the store are removed, never followed. (Not rmSync, for
 * the reason given at removeFile.)
 * @param {string} dir
 */
function removeTree(dir) {
  try {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) removeTree(path);
      else removeFile(path);
    }
    rmdirSync(dir);
  } catch (err) {
    // Already gone: another publisher pruned it first, or a failed write never made it.
    if (/** @type {NodeJS.ErrnoException} */ (err).code !== "ENOENT") throw err;
  }
}

/** Points the site back at an earlier release (kept for exactly this). */
/** @param {string} site @param {string} release */
export function rollbackTo(site, release) {
  const l = siteLayout(site);
  if (!existsSync(join(l.releases, release))) throw new SiteError(`release ${release} is no longer kept; nothing to roll back to`);
  swap(l, release);
}

/** @param {string} site @returns {string[]} kept releases, oldest first */
export function releases(site) {
  const l = siteLayout(site);
  return existsSync(l.releases) ? readdirSync(l.releases).filter((r) => r.startsWith("r-")).sort() : [];
}
