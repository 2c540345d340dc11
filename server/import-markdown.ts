import { importPostmortem, type ImportOptions, type ImportResult } from "../lib/markdown/import";
import { TimeLimitExceeded, withinTime } from "../lib/time-limit";

/** Longest an import may hold the server; a real postmortem takes a small part of this. */
export const IMPORT_LIMIT_MS = 1000;

export class ImportTooSlow extends Error {
  readonly problems = [`document: too complex to import within ${IMPORT_LIMIT_MS / 1000} s (deeply nested or unclosed links or brackets?); simplify the Markdown or import it in parts`];
}

/**
 * The Markdown importer with a time limit: some inputs make any Markdown parser slow, and an
 * import must not stall every other request (the public status page included) while it runs.
 */
export function importWithinLimit(source: string, options: ImportOptions = {}, limitMs = IMPORT_LIMIT_MS): ImportResult {
  try {
    return withinTime(limitMs, () => importPostmortem(source, options));
  } catch (err) {
    if (err instanceof TimeLimitExceeded) throw new ImportTooSlow();
    throw err;
  }
}
