import "server-only";
import type { Database } from "better-sqlite3";
import { recordPublishedUpdate } from "@/db/status";
import { readJournalFrom } from "@/publisher/journal.mjs";
import { siteLayout } from "@/publisher/site.mjs";
import { pageInfo, siteDir } from "./site-config";
import { trustedKey, verifyEntry } from "./journal-keys";

// How far this process has read the journal: each publish reads only what was appended since,
// so the cost of importing does not grow with the number of publishes ever made.
const progress = globalThis as typeof globalThis & { __sitrepJournalRead?: { path: string; offset: number } };

/**
 * Takes in updates the backup CLI published while the app was away: each journal entry not seen
 * before becomes a status update and a timeline event. Idempotent by entry id; entries whose
 * signature does not verify (when a key is configured) are skipped and reported.
 */
export async function importJournal(db: Database): Promise<{ imported: number; rejected: string[] }> {
  const path = siteLayout(siteDir()).journal;
  const from = progress.__sitrepJournalRead?.path === path ? progress.__sitrepJournalRead.offset : 0;
  let { entries: journal, end } = readJournalFrom(path, from);
  if (end < from) ({ entries: journal, end } = readJournalFrom(path, 0)); // replaced by a shorter file: start over
  progress.__sitrepJournalRead = { path, offset: end };
  // An update later rolled back with "undo" is not taken in.
  const undone = new Set(journal.map((e) => e.undoes).filter(Boolean));
  const entries = journal.filter((e) => e.origin === "backup" && e.update && e.incident && !undone.has(e.id));
  const seen = db.prepare("SELECT 1 FROM journal_imports WHERE entry_id = ?");
  const rejected: string[] = [];
  let imported = 0;
  let key: ReturnType<typeof trustedKey> | undefined;
  for (const e of entries) {
    if (seen.get(e.id)) continue;
    key ??= trustedKey();
    const problem = verifyEntry(e, key);
    if (problem) {
      rejected.push(`${e.id}: ${problem}`);
      continue;
    }
    db.transaction(() => {
      const added = recordPublishedUpdate(db, {
        id: e.update!.id, incident: e.incident!, status: e.update!.status, body: e.update!.body,
        components: e.update!.affected_components, author: e.author, origin: "backup", at: e.at,
      }, { timeZone: pageInfo().time_zone });
      db.prepare("INSERT OR IGNORE INTO journal_imports (entry_id) VALUES (?)").run(e.id);
      if (added) imported++;
    })();
  }
  if (rejected.length) console.warn(`Sitrep: ${rejected.length} journal entr${rejected.length === 1 ? "y" : "ies"} not imported (bad signature): ${rejected.join("; ")}`);
  return { imported, rejected };
}
