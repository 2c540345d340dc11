// @ts-check
import { appendFileSync, existsSync, readFileSync } from "node:fs";

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

/** @param {string} path @returns {JournalEntry[]} */
export function readJournal(path) {
  if (!existsSync(path)) return [];
  return readFileSync(path, "utf8").split("\n").flatMap((line) => {
    if (!line.trim()) return [];
    try {
      return [JSON.parse(line)];
    } catch {
      return [];
    }
  });
}
