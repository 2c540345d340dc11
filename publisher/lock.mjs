// @ts-check
import { closeSync, openSync, readFileSync, statSync, writeSync } from "node:fs";
import { hostname } from "node:os";
import { removeFile, SiteError } from "./site.mjs";

const STALE_MS = 10 * 60_000;

/** @param {number} pid */
function alive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return /** @type {NodeJS.ErrnoException} */ (err).code === "EPERM";
  }
}

/** A lock held by a process that is gone (or held for too long) may be taken over. */
/** @param {string} path */
function stale(path) {
  try {
    const held = JSON.parse(readFileSync(path, "utf8"));
    if (held.host === hostname() && !alive(held.pid)) return `held by process ${held.pid}, which is no longer running`;
    if (Date.now() - statSync(path).mtimeMs > STALE_MS) return `held since ${held.at}, over ten minutes ago`;
    return null;
  } catch {
    return "unreadable";
  }
}

/**
 * Runs fn while holding the site's lock, so two publishers (the app and the CLI) never interleave.
 * Waits while another live publisher holds it; takes over a stale one.
 * @template T
 * @param {string} path
 * @param {() => Promise<T>|T} fn
 * @param {{ waitMs?: number, onWait?: (holder: string) => void }} [opts]
 * @returns {Promise<T>}
 */
export async function withLock(path, fn, { waitMs = 30_000, onWait } = {}) {
  const start = Date.now();
  let told = false;
  for (;;) {
    try {
      const fd = openSync(path, "wx");
      writeSync(fd, JSON.stringify({ pid: process.pid, host: hostname(), at: new Date().toISOString() }));
      closeSync(fd);
      break;
    } catch (err) {
      if (/** @type {NodeJS.ErrnoException} */ (err).code !== "EEXIST") throw err;
      const why = stale(path);
      if (why) {
        removeFile(path);
        continue;
      }
      if (Date.now() - start > waitMs) {
        throw new SiteError(`the site is locked by another publisher (${readFileSync(path, "utf8")}); wait and try again, or delete ${path} if that publisher is gone`);
      }
      if (!told && onWait) onWait(readFileSync(path, "utf8"));
      told = true;
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  try {
    return await fn();
  } finally {
    removeFile(path);
  }
}
