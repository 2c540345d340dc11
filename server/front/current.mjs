// @ts-check
import { linkTarget, loadRelease, Moved } from "./release.mjs";

/** @typedef {import("./release.mjs").Release} Release */

const POLL_MS = 200;
const RETRY_BROKEN_MS = 5_000;

/**
 * Keeps the release the site link points at in memory. The link is polled (a rename over a symbolic
 * link is not reliably reported by file watchers), and a new release replaces the old one as a whole,
 * only once it has been read completely: readers get one release or the next, never a mixture. When
 * the site on disk is broken, the last good release goes on being served and the problem is logged once.
 * @param {string} site @param {{ log?: (line: string) => void, pollMs?: number }} [opts]
 */
export function followSite(site, { log = (line) => console.warn(line), pollMs = POLL_MS } = {}) {
  /** @type {Release|null} */
  let current = null;
  let loading = false, brokenTarget = /** @type {string|null} */ (null), brokenAt = 0;
  /** @type {Array<() => void>} */
  let waiting = [];

  async function check() {
    if (loading) return;
    const target = linkTarget(site);
    if (!target || target === current?.target) return;
    if (target === brokenTarget && Date.now() - brokenAt < RETRY_BROKEN_MS) return;
    loading = true;
    try {
      const next = await loadRelease(site, current);
      if (next) {
        current = next;
        if (brokenTarget) log(`Sitrep front: serving ${next.target} again`);
        brokenTarget = null;
      }
    } catch (err) {
      if (!(err instanceof Moved) && target !== brokenTarget) {
        log(`Sitrep front: the published site at ${target} cannot be read (${/** @type {Error} */ (err).message}); still serving ${current ? current.target : "nothing from memory"}`);
      }
      if (!(err instanceof Moved)) [brokenTarget, brokenAt] = [target, Date.now()];
    } finally {
      loading = false;
      const w = waiting;
      waiting = [];
      for (const resolve of w) resolve();
    }
  }

  const timer = setInterval(() => void check(), pollMs);
  timer.unref();
  const first = check();
  return {
    /** The release to answer from now (null before the first one is read). */
    get current() { return current; },
    /** Resolves once the first look at the site is done. */
    ready: first,
    /** Looks at the link now and reads what it points at (a publish in this process, before it answers). */
    async refresh() {
      while (loading) await new Promise((r) => waiting.push(/** @type {() => void} */ (r)));
      await check();
    },
    stop: () => clearInterval(timer),
  };
}
