import type { Database } from "better-sqlite3";

export interface JournalProblem {
  line: number;
  entryId: string | null;
  reason: string;
  excerpt: string;
  seenAt: string;
}

export function journalEntrySeen(db: Database, entryId: string): boolean {
  return db.prepare("SELECT 1 FROM journal_imports WHERE entry_id = ?").get(entryId) !== undefined;
}

export function markJournalEntrySeen(db: Database, entryId: string): void {
  db.prepare("INSERT OR IGNORE INTO journal_imports (entry_id) VALUES (?)").run(entryId);
}

/** Records a journal line that was skipped; the same line and reason only once. */
export function recordJournalProblem(db: Database, p: { line: number; entryId?: string | null; reason: string; excerpt?: string }): boolean {
  return db.prepare("INSERT OR IGNORE INTO journal_problems (line, entry_id, reason, excerpt) VALUES (?, ?, ?, ?)")
    .run(p.line, p.entryId ?? null, p.reason, (p.excerpt ?? "").slice(0, 200)).changes === 1;
}

export function listJournalProblems(db: Database, limit = 200): JournalProblem[] {
  return db.prepare(`SELECT line, entry_id AS entryId, reason, excerpt, seen_at AS seenAt FROM journal_problems ORDER BY line LIMIT ?`).all(limit) as JournalProblem[];
}
