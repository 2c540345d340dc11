// @ts-check
import { closeSync, existsSync, fstatSync, fsyncSync, openSync, readSync, writeSync } from "node:fs";

/**
 * @typedef {{ id: string, at: string, author: string, origin: string, kind: string, release: string, previous?: string|null, undoes?: string,
 *   incident: { id: string, name: string, status: string, impact: string, kind: string } | null,
 *   update: { id: string, status: string, body: string, affected_components: import("./state.mjs").AffectedComponent[] } | null,
 *   postmortem?: string, banner?: unknown, sig?: string, mac?: string, edits?: string, was?: string, restores?: string, withdraws?: string[],
 *   rewords?: { id: string, body: string }[], reinstates?: { id: string, status: string, body: string, at: string, affected_components: import("./state.mjs").AffectedComponent[],
 *   incident: { id: string, name: string, status: string, impact: string, kind: string } }[] }} JournalEntry
 * `edits`: the update an edit corrects; a rollback or undo lists the updates customers stop seeing (`withdraws`),
 * see again (`reinstates`) or see worded as before (`rewords`).
 * @typedef {{ line: number, reason: string, text: string }} SkippedLine
 */

/**
 * Appends one entry as one line and makes it durable before returning. If the file ends in a line
 * cut short (a crash mid-write, a full disk), a newline is written first, so the damaged line stays
 * on its own and this entry is whole.
 * @param {string} path @param {JournalEntry} entry
 */
export function appendJournal(path, entry) {
  const fd = openSync(path, "a+");
  try {
    const size = fstatSync(fd).size;
    let prefix = "";
    if (size > 0) {
      const last = Buffer.alloc(1);
      readSync(fd, last, 0, 1, size - 1);
      if (last[0] !== 0x0a) prefix = "\n";
    }
    writeSync(fd, `${prefix}${JSON.stringify(entry)}\n`);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** What every entry must have to be an entry at all. */
/** @param {any} e @returns {string|null} */
function shapeProblem(e) {
  if (!e || typeof e !== "object" || Array.isArray(e)) return "not a journal entry (not a JSON object)";
  for (const key of ["id", "at", "origin", "kind", "release"]) if (typeof e[key] !== "string" || !e[key]) return `entry has no ${key}`;
  if (e.update && (typeof e.update.id !== "string" || typeof e.update.body !== "string" || !e.incident)) return "entry's update is incomplete";
  return null;
}

/**
 * Entries written after byte `offset`, where the complete lines end, and the lines that are not
 * entries (with their line numbers, counted from `firstLine`). A last line still being written is
 * left for the next read, so a reader that keeps `end` reads each entry exactly once.
 * @param {string} path @param {number} offset @param {number} [firstLine] line number of the line at `offset` (1-based)
 * @returns {{ entries: (JournalEntry & { line: number, start: number })[], end: number, skipped: SkippedLine[], nextLine: number }}
 */
export function readJournalFrom(path, offset, firstLine = 1) {
  if (!existsSync(path)) return { entries: [], end: 0, skipped: [], nextLine: 1 };
  const fd = openSync(path, "r");
  try {
    const size = fstatSync(fd).size;
    if (size <= offset) return { entries: [], end: Math.min(offset, size), skipped: [], nextLine: firstLine };
    const buf = Buffer.alloc(size - offset);
    readSync(fd, buf, 0, buf.length, offset);
    const complete = buf.lastIndexOf(0x0a) + 1;
    const lines = buf.subarray(0, complete).toString("utf8").split("\n").slice(0, -1);
    /** @type {(JournalEntry & { line: number, start: number })[]} */
    const entries = [];
    /** @type {SkippedLine[]} */
    const skipped = [];
    let start = offset;
    lines.forEach((text, n) => {
      const line = firstLine + n;
      const at = start;
      start += Buffer.byteLength(text) + 1;
      if (!text.trim()) return;
      let value;
      try {
        value = JSON.parse(text);
      } catch {
        skipped.push({ line, reason: "not valid JSON (cut short or damaged)", text: text.slice(0, 200) });
        return;
      }
      const problem = shapeProblem(value);
      if (problem) skipped.push({ line, reason: problem, text: text.slice(0, 200) });
      else entries.push({ ...value, line, start: at });
    });
    return { entries, end: offset + complete, skipped, nextLine: firstLine + lines.length };
  } finally {
    closeSync(fd);
  }
}

/** @param {string} path @returns {JournalEntry[]} */
export function readJournal(path) {
  return readJournalFrom(path, 0).entries;
}

/**
 * Which entries were really published. A publish writes its entry before it swaps its release in, and
 * the swap is the commit; the next publish records the release that was live when it began
 * (`previous`). So an entry went live exactly when its release is live now, or a later entry was
 * made while it was live. Any other entry belongs to a publish that died or failed before its swap
 * (`aborted`), or is still in flight (`pending`: the newest entries, after the last one known live).
 * @template {JournalEntry} E
 * @param {E[]} entries in journal order
 * @param {string|null} liveRelease the release the site link points at now
 * @returns {{ committed: E[], aborted: E[], pending: E[] }}
 */
export function classifyEntries(entries, liveRelease) {
  const wentLive = new Set(entries.map((e) => e.previous).filter(Boolean));
  if (liveRelease) wentLive.add(liveRelease);
  /** @type {{ committed: E[], aborted: E[], pending: E[] }} */
  const out = { committed: [], aborted: [], pending: [] };
  // Publishers hold the lock, so an entry with a later one after it is decided: live or never.
  entries.forEach((e, n) => {
    if (wentLive.has(e.release)) out.committed.push(e);
    else if (n < entries.length - 1) out.aborted.push(e);
    else out.pending.push(e);
  });
  return out;
}

/**
 * The entries that went live, in order.
 * @template {JournalEntry} E @param {E[]} entries @param {string|null} liveRelease @returns {E[]}
 */
export function committedEntries(entries, liveRelease) {
  return classifyEntries(entries, liveRelease).committed;
}
