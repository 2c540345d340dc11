// @ts-check
import { copyFileSync, existsSync, linkSync, lstatSync, mkdirSync, readdirSync, readFileSync, readlinkSync, renameSync, rmdirSync, statSync, symlinkSync, utimesSync, writeFileSync } from "node:fs";
import { basename, dirname, join, relative } from "node:path";
import { randomBytes } from "node:crypto";
import { removeFile, SHARED, SiteError, siteLayout } from "./site.mjs";

const KEEP_RELEASES = 5;
/** The shared pages live in two store folders that take turns: the live release's, and the next one's. */
const GENERATIONS = ["a", "b"];

/** @typedef {ReturnType<typeof siteLayout>} Layout */
/** `rebuilt`: the shared pages were not built from `previous`'s (copied from another site, or its store was unreadable), so `changed` does not cover every difference. */
/** @typedef {{ release: string, previous: string|null, changed: string[], rebuilt?: boolean }} GenerationMark */

/** @param {string} path */
function isLink(path) {
  try {
    return lstatSync(path).isSymbolicLink();
  } catch {
    return false;
  }
}

/** @param {string} site @returns {string|null} the current release's id */
export function currentRelease(site) {
  if (!existsSync(site) && !isLink(site)) return null;
  if (!isLink(site)) throw new SiteError(`${site} is a plain folder, not a working site (a copy downloaded from the CDN or a mirror?); make one from it with: adopt --from ${site} --site NEW-PATH`);
  return basename(readlinkSync(site));
}

/** The store folder (a generation) a release's shared pages live in: "a", "b", or "" for the store itself (sites made before generations). */
/** @param {Layout} l @param {string} release @returns {string|null} */
export function generationOf(l, release) {
  try {
    const target = dirname(readlinkSync(join(l.releases, release, SHARED[0])));
    return relative(l.store, join(l.releases, release, target));
  } catch {
    return null;
  }
}

/** @param {Layout} l @param {string} gen */
const genDir = (l, gen) => join(l.store, gen);
/** @param {Layout} l @param {string} gen */
const markFile = (l, gen) => join(l.store, `${gen}.json`);

/** @param {Layout} l @param {string|null} gen @returns {GenerationMark|null} */
function readMark(l, gen) {
  if (gen === null) return null;
  try {
    return JSON.parse(readFileSync(markFile(l, gen), "utf8"));
  } catch {
    return null;
  }
}

/**
 * What a release changed in the shared pages since the release before it, from its generation's mark;
 * null when the mark does not vouch for that (missing, rewritten since, or rebuilt).
 * Read before the release's files and check the link afterwards: the mark belongs to the release only
 * while it is live.
 * @param {string} site @param {string} release @returns {GenerationMark|null}
 */
export function sharedChanges(site, release) {
  const l = siteLayout(site);
  const mark = readMark(l, generationOf(l, release));
  return mark && mark.release === release && !mark.rebuilt ? mark : null;
}

/** Replaces one file through a private temporary name, so no reader of that folder sees half of it. */
/** @param {string} target @param {string|Buffer} content @param {string} tag */
function replaceFile(target, content, tag) {
  mkdirSync(dirname(target), { recursive: true });
  const tmp = `${target}.tmp-${tag}`;
  try {
    writeFileSync(tmp, content);
    renameSync(tmp, target);
  } catch (err) {
    removeFile(tmp);
    throw err;
  }
}

/** Makes `to` the same file as `from` (a hard link: pages are never changed in place, only replaced). */
/** @param {string} from @param {string} to @param {string} tag */
function linkInto(from, to, tag) {
  mkdirSync(dirname(to), { recursive: true });
  const tmp = `${to}.tmp-${tag}`;
  removeFile(tmp);
  linkSync(from, tmp);
  renameSync(tmp, to);
}

/** Every file under a folder, as paths relative to `base`. */
/** @param {string} dir @param {string} base @returns {string[]} */
function filesUnder(dir, base) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    return e.isDirectory() ? filesUnder(path, base) : [relative(base, path)];
  });
}

/** A copy that keeps the source's time, so an unchanged file is recognised next time by size and time. */
/** @param {string} from @param {string} to @param {string} tag */
function copyInto(from, to, tag) {
  mkdirSync(dirname(to), { recursive: true });
  const tmp = `${to}.tmp-${tag}`;
  const s = statSync(from);
  copyFileSync(from, tmp);
  utimesSync(tmp, s.atimeMs / 1000, s.mtimeMs / 1000);
  renameSync(tmp, to);
}

/**
 * Makes folder `dest` hold exactly what `src` holds, for the shared folders. Within one site files are
 * hard-linked (same inode means unchanged); from another site (a mirror's source) they are copied
 * when size or time differ. Used after a crash, for mirrors, and on a site's first publish with
 * generations; otherwise only the last publish's changes move.
 * @param {string|null} src @param {string} dest @param {string} tag @param {boolean} copy
 */
function fullSync(src, dest, tag, copy) {
  for (const folder of SHARED) {
    const wanted = new Set();
    if (src) for (const path of filesUnder(join(src, folder), src)) {
      if (path.includes(".tmp-")) continue;
      wanted.add(path);
      const a = statSync(join(src, path)), b = existsSync(join(dest, path)) ? statSync(join(dest, path)) : null;
      if (copy) {
        if (!b || b.size !== a.size || Math.abs(b.mtimeMs - a.mtimeMs) >= 0.01) copyInto(join(src, path), join(dest, path), tag);
      } else if (!b || b.ino !== a.ino) linkInto(join(src, path), join(dest, path), tag);
    }
    for (const path of filesUnder(join(dest, folder), dest)) if (!wanted.has(path)) removeFile(join(dest, path));
  }
}

/**
 * Writes rendered files as a new release, without changing anything the live release can see, and
 * returns how to make it live (`commit`: one rename of the site link) or to drop it (`abort`).
 * Shared files (incident pages, history, buckets, postmortems) go to the generation the live release
 * does not use, first brought up to date with the live one; every other file goes into the fresh
 * release folder. `remove` names shared files the new release no longer has.
 * @param {string} site
 * @param {Map<string, string|Buffer>} files
 * `syncFrom` (a mirror's source) names a shared-pages folder of another site to copy instead.
 * @param {{ remove?: string[], syncFrom?: string }} [opts]
 */
export function stageRelease(site, files, { remove = [], syncFrom } = {}) {
  const l = siteLayout(site);
  for (const path of remove) {
    if (!SHARED.includes(path.split("/")[0]) || path.includes("..")) throw new SiteError(`refusing to remove ${path}: only shared site files can be removed`);
  }
  for (const path of files.keys()) {
    if (path.split("/").some((s) => s === ".." || s === "") || path.startsWith("/")) throw new SiteError(`refusing to write outside the site: ${path}`);
  }
  const previous = currentRelease(site);
  const release = `r-${Date.now().toString().padStart(14, "0")}-${randomBytes(3).toString("hex")}`;
  const tag = release;
  const dir = join(l.releases, release);
  const liveGen = previous ? generationOf(l, previous) : null;
  const gen = GENERATIONS.find((g) => g !== liveGen) ?? GENERATIONS[0];
  const swapLink = join(l.parent, `.${basename(site)}.swap-${randomBytes(4).toString("hex")}`);
  const changed = [];
  try {
    mkdirSync(genDir(l, gen), { recursive: true });
    const liveMark = readMark(l, liveGen), ownMark = readMark(l, gen);
    removeFile(markFile(l, gen)); // this generation is being changed: untrusted until its mark is written again
    if (syncFrom) fullSync(syncFrom, genDir(l, gen), tag, true);
    else if (liveGen !== null && liveMark?.release === previous && ownMark && ownMark.release === liveMark.previous) {
      for (const path of liveMark.changed) {
        if (existsSync(join(genDir(l, liveGen), path))) linkInto(join(genDir(l, liveGen), path), join(genDir(l, gen), path), tag);
        else removeFile(join(genDir(l, gen), path));
      }
    } else fullSync(liveGen === null ? null : genDir(l, liveGen), genDir(l, gen), tag, false);
    mkdirSync(dir, { recursive: true });
    for (const shared of SHARED) {
      mkdirSync(join(genDir(l, gen), shared), { recursive: true });
      symlinkSync(relative(dir, join(genDir(l, gen), shared)), join(dir, shared));
    }
    for (const [path, content] of files) {
      if (SHARED.includes(path.split("/")[0])) {
        replaceFile(join(genDir(l, gen), path), content, tag);
        changed.push(path);
      } else {
        mkdirSync(dirname(join(dir, path)), { recursive: true });
        writeFileSync(join(dir, path), content);
      }
    }
    for (const path of remove) {
      removeFile(join(genDir(l, gen), path));
      changed.push(path);
    }
    /** @type {GenerationMark} */
    const mark = { release, previous, changed, ...(syncFrom || (previous && liveGen === null) ? { rebuilt: true } : {}) };
    writeFileSync(markFile(l, gen), JSON.stringify(mark));
    // Made now, so a folder where the link cannot be swapped fails before anything is journaled.
    symlinkSync(l.linkTo(release), swapLink);
  } catch (err) {
    removeFile(swapLink);
    removeTree(dir);
    throw err;
  }
  return {
    release, previous,
    /** Makes the release live: one rename, so readers see the old site or the new one, never a mix. */
    commit() {
      renameSync(swapLink, site);
      try {
        cleanUp(l, release);
      } catch {
        // Housekeeping only: the release is live, and the next publish tidies up again.
      }
    },
    abort() {
      removeFile(swapLink);
      removeFile(markFile(l, gen));
      removeTree(dir);
    },
  };
}

/** Stages and commits at once, for writers that journal nothing (site creation, mirrors). */
/** @param {string} site @param {Map<string, string|Buffer>} files @param {{ remove?: string[], syncFrom?: string }} [opts] */
export function writeRelease(site, files, opts) {
  const staged = stageRelease(site, files, opts);
  staged.commit();
  return { release: staged.release, previous: staged.previous };
}

/**
 * After a swap, under the lock: old releases beyond the few kept, releases that never went live, and
 * swap links left by publishers that died are removed.
 * @param {Layout} l @param {string} live
 */
function cleanUp(l, live) {
  const all = readdirSync(l.releases).filter((r) => r.startsWith("r-")).sort();
  const older = all.filter((r) => r < live);
  for (const r of all) {
    const keep = r === live || (r < live && older.indexOf(r) >= older.length - (KEEP_RELEASES - 1));
    if (!keep) removeTree(join(l.releases, r));
  }
  const prefix = `.${basename(l.site)}.swap-`;
  for (const name of readdirSync(l.parent)) if (name.startsWith(prefix)) removeFile(join(l.parent, name));
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
    // Already gone: a failed write never made it.
    if (/** @type {NodeJS.ErrnoException} */ (err).code !== "ENOENT") throw err;
  }
}

/** Points the site link at a kept release again (recovery of a lost link; not a publish). */
/** @param {string} site @param {string} release */
export function relink(site, release) {
  const l = siteLayout(site);
  if (!existsSync(join(l.releases, release, "state.json"))) throw new SiteError(`release ${release} is no longer kept`);
  const tmp = join(l.parent, `.${basename(site)}.swap-${randomBytes(4).toString("hex")}`);
  symlinkSync(l.linkTo(release), tmp);
  renameSync(tmp, site);
}

/** @param {string} site @returns {string[]} kept releases, oldest first */
export function releases(site) {
  const l = siteLayout(site);
  return existsSync(l.releases) ? readdirSync(l.releases).filter((r) => r.startsWith("r-")).sort() : [];
}
