// @ts-check
import { appendFileSync, closeSync, existsSync, fstatSync, openSync, readSync } from "node:fs";

/**
 * @typedef {{ id: string, at: string, author: string, origin: string, kind: string, release: string, previous?: string|null, undoes?: string,
 *   incident: { id: string, name: string, status: string, impact: string, kind: string } | null,
 *   update: { id: string, status: string, body: string, affected_components: import("./state.mjs").AffectedComponent[] } | null,
 *   banner?: unknown, sig?: string }} JournalEntry
 */

/** One line per publish, appended; a line cut short by a crash is skipped when reading. */
/** @param {string} path @param {JournalEntry} entry */
export function appendJournal(path, entry) {
  appendFileSync(path, JSON.stringify(entry) + "\n");
}

/** @param {string} line @returns {JournalEntry[]} */
function parse(line) {
  if (!line.trim()) return [];
  try {
    return [JSON.parse(line)];
  } catch {
    return [];
  }
}

/**
 * Entries written after byte `offset`, and where the complete lines end. A last line still being
 * written is left for the next read, so a reader that keeps `end` reads each entry exactly once.
 * @param {string} path @param {number} offset @returns {{ entries: JournalEntry[], end: number }}
 */
export function readJournalFrom(path, offset) {
  if (!existsSync(path)) return { entries: [], end: 0 };
  const fd = openSync(path, "r");
  try {
    const size = fstatSync(fd).size;
    if (size <= offset) return { entries: [], end: Math.min(offset, size) };
    const buf = Buffer.alloc(size - offset);
    readSync(fd, buf, 0, buf.length, offset);
    const complete = buf.lastIndexOf(0x0a) + 1;
    return { entries: buf.subarray(0, complete).toString("utf8").split("\n").flatMap(parse), end: offset + complete };
  } finally {
    closeSync(fd);
  }
}

/** @param {string} path @returns {JournalEntry[]} */
export function readJournal(path) {
  return readJournalFrom(path, 0).entries;
}
