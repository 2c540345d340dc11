// @ts-check
import { readFileSync, unlinkSync } from "node:fs";
import { basename, dirname, join } from "node:path";

/**
 * Deletes a file if it is there. (Not rmSync, which loads Node's rimraf on first use: a cost every
 * cold CLI publish would pay.)
 * @param {string} path
 */
export function removeFile(path) {
  try {
    unlinkSync(path);
  } catch (err) {
    if (/** @type {NodeJS.ErrnoException} */ (err).code !== "ENOENT") throw err;
  }
}

/**
 * Where everything lives. The served site is `site` (a symbolic link to the current release), with
 * its working files beside it in `site.d/`: releases, the shared store of pages that change rarely,
 * the journal, the lock and the publisher's config. Copy both to move a site.
 * @param {string} site
 */
export function siteLayout(site) {
  const root = `${site}.d`;
  return {
    site, root,
    releases: join(root, "releases"),
    store: join(root, "store"),
    journal: join(root, "journal.jsonl"),
    lock: join(root, "lock"),
    config: join(root, "config.json"),
    /** The link target, relative to the site's folder, so the pair can be moved together. */
    linkTo: (/** @type {string} */ release) => join(basename(root), "releases", release),
    parent: dirname(site),
  };
}

/** Folders that live in the shared store and are linked into every release. */
export const SHARED = ["incidents", "history", "state", "postmortems"];

export class SiteError extends Error {
  /** @param {string} message one line: what is wrong and what to do */
  constructor(message) {
    super(message);
  }
}

/** Reads the site's own state.json, the state both publishers start from. */
/** @param {string} site @returns {import("./state.mjs").SiteState} */
export function readState(site) {
  const file = join(site, "state.json");
  let state;
  try {
    state = JSON.parse(readWhole(file));
  } catch (err) {
    if (/** @type {NodeJS.ErrnoException} */ (err).code === "ENOENT") throw new SiteError(`no state.json in ${site}: is --site the published status site? (the app creates it on first start)`);
    throw new SiteError(`${file} is corrupt (${/** @type {Error} */ (err).message}); restore it with "undo" or from a mirror before publishing`);
  }
  if (state?.format !== 1 || !Array.isArray(state.components) || !Array.isArray(state.incidents) || typeof state.page?.name !== "string") {
    throw new SiteError(`${file} is not a Sitrep site state (missing format, page, components or incidents); restore it before publishing`);
  }
  return state;
}

/**
 * Reads a file of the live site. The link may move to a newer release between resolving it and opening
 * the file, and the older release be pruned, so a vanished file is looked for again before it counts
 * as missing.
 * @param {string} path
 */
function readWhole(path) {
  for (let attempt = 0; ; attempt++) {
    try {
      return readFileSync(path, "utf8");
    } catch (err) {
      if (/** @type {NodeJS.ErrnoException} */ (err).code !== "ENOENT" || attempt === 2) throw err;
    }
  }
}

/** @param {string} site @param {number} bucket @returns {import("./state.mjs").Incident[]} */
export function readBucket(site, bucket) {
  const file = join(site, "state", `bucket-${bucket}.json`);
  let text;
  try {
    text = readWhole(file);
  } catch (err) {
    if (/** @type {NodeJS.ErrnoException} */ (err).code === "ENOENT") return [];
    throw err;
  }
  try {
    return JSON.parse(text).incidents ?? [];
  } catch (err) {
    throw new SiteError(`${file} is corrupt (${/** @type {Error} */ (err).message}); rebuild the site from the app before publishing`);
  }
}
