// @ts-check
import { randomBytes } from "node:crypto";
import { linkSync, readFileSync, renameSync, statSync, writeFileSync } from "node:fs";
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

/**
 * The lock as it is now: its inode (which names this one lock, however often its path is reused) and
 * its owner. Null when there is no lock. The owner record is complete from the moment the lock exists,
 * because it is written to a private file first and linked into place in one step.
 * @param {string} path
 */
function inspect(path) {
  try {
    const st = statSync(path);
    return { ino: st.ino, mtimeMs: st.mtimeMs, text: readFileSync(path, "utf8") };
  } catch (err) {
    if (/** @type {NodeJS.ErrnoException} */ (err).code === "ENOENT") return null;
    throw err;
  }
}

/** Why a lock may be taken over, or null while its owner may still be at work. */
/** @param {{ mtimeMs: number, text: string }} held */
function staleness(held) {
  let owner;
  try {
    owner = JSON.parse(held.text);
  } catch {
    owner = null;
  }
  if (owner && owner.host === hostname() && !alive(owner.pid)) return `held by process ${owner.pid}, which is no longer running`;
  if (Date.now() - held.mtimeMs > STALE_MS) return "held for over ten minutes";
  return null;
}

/**
 * Breaks a stale lock only if it is still the very lock that was judged stale: it is renamed to a
 * private name, and put back if what was renamed turns out to be a newer lock.
 * @param {string} path @param {number} judgedIno
 */
function breakStale(path, judgedIno) {
  const aside = `${path}.stale-${randomBytes(4).toString("hex")}`;
  try {
    if (statSync(path).ino !== judgedIno) return;
    renameSync(path, aside);
  } catch (err) {
    if (/** @type {NodeJS.ErrnoException} */ (err).code === "ENOENT") return;
    throw err;
  }
  if (statSync(aside).ino !== judgedIno) {
    try {
      linkSync(aside, path);
    } catch {
      // Someone took the lock in between; the lock we moved aside was already superseded.
    }
  }
  removeFile(aside);
}

/** @param {string} path @returns {number|null} the inode of the new lock, or null if it is held */
function tryAcquire(path) {
  const mine = `${path}.new-${process.pid}-${randomBytes(4).toString("hex")}`;
  writeFileSync(mine, JSON.stringify({ pid: process.pid, host: hostname(), at: new Date().toISOString() }));
  try {
    linkSync(mine, path);
    return statSync(mine).ino;
  } catch (err) {
    if (/** @type {NodeJS.ErrnoException} */ (err).code === "EEXIST") return null;
    throw err;
  } finally {
    removeFile(mine);
  }
}

/** Describes the holder for a person: "process 123 on host-a since 10:02". */
/** @param {string} text */
function holderOf(text) {
  try {
    const o = JSON.parse(text);
    return `process ${o.pid} on ${o.host} since ${o.at}`;
  } catch {
    return "another publisher";
  }
}

export class LockBusyError extends SiteError {}

/**
 * Runs fn while holding the site's lock, so two publishers (the app and the CLI) never interleave.
 * Waits while another live publisher holds it; takes over a stale one. Release checks that the lock
 * is still ours, so a publisher whose lock was (wrongly) taken over never removes someone else's.
 * @template T
 * @param {string} path
 * @param {() => Promise<T>|T} fn
 * @param {{ waitMs?: number, onWait?: (holder: string) => void }} [opts]
 * @returns {Promise<T>}
 */
export async function withLock(path, fn, { waitMs = 30_000, onWait } = {}) {
  const start = Date.now();
  let told = false;
  /** @type {number|null} */
  let ino = null;
  while (ino === null) {
    ino = tryAcquire(path);
    if (ino !== null) break;
    const held = inspect(path);
    if (!held) continue;
    if (staleness(held)) {
      breakStale(path, held.ino);
      continue;
    }
    if (Date.now() - start > waitMs) {
      throw new LockBusyError(`the site is being published by ${holderOf(held.text)}; wait a moment and try again (the live site was not changed)`);
    }
    if (!told && onWait) onWait(holderOf(held.text));
    told = true;
    await new Promise((r) => setTimeout(r, 20 + Math.random() * 30));
  }
  try {
    return await fn();
  } finally {
    const now = inspect(path);
    if (now && now.ino === ino) removeFile(path);
  }
}
