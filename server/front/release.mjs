// @ts-check
import { createHash } from "node:crypto";
import { readdirSync, readFileSync, readlinkSync, statSync } from "node:fs";
import { basename, extname, join, resolve, dirname } from "node:path";
import { promisify } from "node:util";
import { brotliCompress, constants, gzip } from "node:zlib";
import { SHARED } from "../../publisher/site.mjs";
import { sharedChanges } from "../../publisher/write.mjs";
import { prepareHeaders } from "./headers.mjs";

const gzipAsync = promisify(gzip);
const brotliAsync = promisify(brotliCompress);

const TYPES = /** @type {Record<string, string>} */ ({
  ".html": "text/html; charset=utf-8", ".json": "application/json; charset=utf-8", ".atom": "application/atom+xml; charset=utf-8",
  ".rss": "application/rss+xml; charset=utf-8", ".xml": "application/xml; charset=utf-8", ".txt": "text/plain; charset=utf-8",
  ".css": "text/css; charset=utf-8", ".svg": "image/svg+xml", ".ico": "image/x-icon", ".png": "image/png",
});
const TEXT = /^(text\/|application\/(json|atom|rss|xml)|image\/svg)/;

/**
 * One body as sent: the bytes and the strong ETag of exactly these bytes (each encoding is its own
 * representation, so it has its own tag).
 * @typedef {{ bytes: Buffer, etag: string, headers: ReturnType<typeof prepareHeaders> }} Body
 * @typedef {{ type: string, identity: Body, gzip: Body|null, br: Body|null, fileKey?: string }} Entry
 * @typedef {{ target: string, files: Map<string, Entry>, loadedAt: number }} Release
 */

/** The folder the site link points at now, or null when there is no site yet. */
/** @param {string} site */
export function linkTarget(site) {
  try {
    return resolve(dirname(site), readlinkSync(site));
  } catch {
    return null;
  }
}

/** Every file of a release folder, following the release's links into the shared store. */
/** @param {string} dir @param {string} prefix @param {Map<string, { path: string, key: string }>} out @param {string[]} [skip] top-level folders to leave out */
function walk(dir, prefix, out, skip = []) {
  for (const name of readdirSync(dir)) {
    if (name.includes(".tmp-") || (prefix === "" && skip.includes(name))) continue;
    const path = join(dir, name);
    const st = statSync(path);
    if (st.isDirectory()) walk(path, `${prefix}${name}/`, out);
    else out.set(`${prefix}${name}`, { path, key: fileKey(st) });
  }
}

// Unchanged shared pages are hard links to the same file in every release (see publisher/write.mjs).
/** @param {import("node:fs").Stats} st */
const fileKey = (st) => `${st.dev}:${st.ino}:${st.size}:${st.mtimeMs}`;

/**
 * The files to read for `target`, and the entries that carry over from `previous` unread. When the
 * release's mark says what it changed since `previous`, only those shared pages and the release's own
 * few files are looked at: with ten thousand past incidents, walking every page would cost each publish
 * a stat per page.
 * @param {string} site @param {string} target @param {Release|null} previous
 */
function plan(site, target, previous) {
  /** @type {Map<string, { path: string, key: string }>} */
  const paths = new Map();
  /** @type {Map<string, Entry>} */
  const kept = new Map();
  const mark = previous ? sharedChanges(site, basename(target)) : null;
  if (!previous || !mark || mark.previous !== basename(previous.target)) {
    walk(target, "", paths);
    return { paths, kept };
  }
  walk(target, "", paths, SHARED);
  for (const [name, entry] of previous.files) if (SHARED.includes(name.split("/")[0])) kept.set(name, entry);
  for (const name of mark.changed) {
    kept.delete(name);
    const path = join(target, name);
    try {
      paths.set(name, { path, key: fileKey(statSync(path)) });
    } catch (err) {
      if (/** @type {NodeJS.ErrnoException} */ (err).code !== "ENOENT") throw err;
    }
  }
  return { paths, kept };
}

/** @param {Buffer} bytes @param {string} suffix */
const tag = (bytes, suffix) => `"${createHash("sha256").update(bytes).digest("base64url").slice(0, 27)}${suffix}"`;

/** @param {Buffer} bytes @param {string} etag @param {string} type @param {"gzip"|"br"|null} encoding @param {string[]} hashes @returns {Body} */
const body = (bytes, etag, type, encoding, hashes) => ({ bytes, etag, headers: prepareHeaders({ type, etag, length: bytes.length, encoding, styleHashes: hashes }) });

/** @param {string} html the hashes of the page's inline styles, for its Content-Security-Policy */
function styleHashes(html) {
  return [...html.matchAll(/<style>([\s\S]*?)<\/style>/g)].map((m) => `'sha256-${createHash("sha256").update(m[1]).digest("base64")}'`);
}

/**
 * Reads the release the site link points at into memory, with gzip and brotli bodies prepared once.
 * A file whose bytes the previous release already held reuses its prepared bodies, so a publish costs
 * the compression of what changed only. Throws when the release cannot be read whole.
 * @param {string} site @param {Release|null} previous
 * @returns {Promise<Release|null>} null when there is no site yet
 */
export async function loadRelease(site, previous) {
  const target = linkTarget(site);
  if (!target) return null;
  const { paths, kept } = plan(site, target, previous);
  if (!paths.has("index.html")) throw new Error(`${target} has no index.html`);
  const known = new Map();
  if (previous) for (const e of previous.files.values()) known.set(e.identity.etag, e);
  const files = kept;
  await Promise.all([...paths].map(async ([name, { path, key }]) => {
    // The very same file as in the previous release: nothing to read, hash or compress again.
    const same = previous?.files.get(name);
    if (same && same.fileKey === key) return files.set(name, same);
    const bytes = readFileSync(path);
    const type = TYPES[extname(name)] ?? "application/octet-stream";
    const etag = tag(bytes, "");
    const reuse = known.get(etag);
    if (reuse && reuse.type === type) return files.set(name, reuse);
    const hashes = type.startsWith("text/html") ? styleHashes(bytes.toString("utf8")) : [];
    const identity = body(bytes, etag, type, null, hashes);
    let gz = null, br = null;
    if (TEXT.test(type) && bytes.length > 256) {
      const [g, b] = await Promise.all([
        gzipAsync(bytes, { level: 9 }),
        // Quality 5: within a few per cent of 11 on these pages at a fraction of the time, so a large
        // site is ready quickly after a start or a publish.
        brotliAsync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 5, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length } }),
      ]);
      if (g.length < bytes.length) gz = body(g, tag(g, "-gz"), type, "gzip", hashes);
      if (b.length < bytes.length) br = body(b, tag(b, "-br"), type, "br", hashes);
    }
    files.set(name, { type, identity, gzip: gz, br, fileKey: key });
  }));
  // Read whole and consistent only if the link did not move meanwhile: a later publish may rewrite the
  // store generation this release uses, but only after its own swap has moved the link.
  if (linkTarget(site) !== target) throw new Moved();
  return { target, files, loadedAt: Date.now() };
}

/** The site link moved while a release was being read; read the new one instead. */
export class Moved extends Error {}
