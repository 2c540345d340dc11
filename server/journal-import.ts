import type { Database } from "better-sqlite3";
import { journalEntrySeen, markJournalEntrySeen, recordJournalProblem } from "../db/journal";
import { deleteStatusUpdate } from "../db/status";
import { hasSubscribers } from "../db/subscribers";
import { classifyEntries, readJournalFrom, type JournalEntry } from "../publisher/journal.mjs";
import { findIncident } from "../publisher/publish.mjs";
import { readState, siteLayout } from "../publisher/site.mjs";
import type { SiteState } from "../publisher/state.mjs";
import { currentRelease } from "../publisher/write.mjs";
import { siteDir } from "./site-config";
import { trustedBackupKey, trustProblem } from "./journal-trust";
import { correctStatusUpdate, recordStatusUpdate } from "./status-records";
import { enqueueFor } from "./subscribers";

/** An update that reaches the app this much later than it was published is marked as sent late. */
const LATE_MS = 2 * 60_000;
/** Older than this (SITREP_NOTIFY_MAX_AGE_HOURS, default 24), it is recorded but subscribers are not told. */
const maxAgeMs = () => (Number(process.env.SITREP_NOTIFY_MAX_AGE_HOURS) || 24) * 3_600_000;

// How far this process has read the journal: each import reads only what was appended since (up to
// the first entry whose publish may still be in flight), so its cost does not grow with history.
const progress = globalThis as typeof globalThis & { __sitrepJournalRead?: { path: string; offset: number; line: number } };

export interface ImportResult { imported: number; withdrawn: number; corrected: number; refused: string[]; skippedLines: number; notified: number; pending: number; tooOld: number }

type Entry = JournalEntry & { line: number; start: number };

/**
 * The one door into the database for status changes: takes in every journal entry that went live,
 * from either publisher, once (by id). Updates become status records and timeline events and are
 * queued to subscribers; undos withdraw what they undid. Lines that are not entries, and entries that
 * are not trusted, are skipped and recorded for admins with their line numbers.
 */
export function importJournal(db: Database, { now = Date.now() }: { now?: number } = {}): ImportResult {
  const site = siteDir();
  const path = siteLayout(site).journal;
  const known = progress.__sitrepJournalRead?.path === path ? progress.__sitrepJournalRead : { path, offset: 0, line: 1 };
  let read = readJournalFrom(path, known.offset, known.line);
  if (read.end < known.offset) read = readJournalFrom(path, 0, 1); // replaced by a shorter file: start over
  const result: ImportResult = { imported: 0, withdrawn: 0, corrected: 0, refused: [], skippedLines: read.skipped.length, notified: 0, pending: 0, tooOld: 0 };
  for (const s of read.skipped) recordJournalProblem(db, { line: s.line, reason: s.reason, excerpt: s.text });

  const live = currentRelease(site);
  const { committed, pending } = classifyEntries(read.entries, live);
  const firstPending = pending[0];
  result.pending = pending.length;
  progress.__sitrepJournalRead = firstPending ? { path, offset: firstPending.start, line: firstPending.line } : { path, offset: read.end, line: read.nextLine };

  let state: SiteState | null = null;
  const liveState = () => (state ??= readState(site));
  let key: ReturnType<typeof trustedBackupKey> | undefined;
  const trustKey = () => (key ??= trustedBackupKey(db, liveState().page.journal_key, (reason) => recordJournalProblem(db, { line: 0, reason })));
  const refuse = (e: Entry, reason: string) => {
    result.refused.push(`line ${e.line}: ${reason}`);
    recordJournalProblem(db, { line: e.line, entryId: e.id, reason });
  };

  const trusted = committed.filter((e) => {
    if (journalEntrySeen(db, e.id)) return false;
    const problem = trustProblem(e, trustKey());
    if (problem) refuse(e, problem);
    return !problem;
  });
  const undone = new Set(trusted.map((e) => e.undoes).filter(Boolean));
  for (const e of trusted) {
    db.transaction(() => {
      markJournalEntrySeen(db, e.id);
      if (e.undoes && deleteStatusUpdate(db, e.undoes)) result.withdrawn++;
      if (takeInCorrections(db, e, result, liveState)) return;
      if (!e.update || !e.incident || undone.has(e.id)) return;
      const added = recordStatusUpdate(db, {
        id: e.update.id, incident: e.incident, status: e.update.status, body: e.update.body, components: e.update.affected_components,
        author: e.author, origin: e.origin === "backup" ? "backup" : "app", at: e.at,
      }, { postmortem: e.postmortem, timeZone: liveState().page.time_zone });
      if (!added) return;
      result.imported++;
      const queued = notify(db, site, liveState(), e, now);
      if (queued === 0 && now - Date.parse(e.at) > maxAgeMs()) result.tooOld++;
      result.notified += queued;
    })();
  }
  if (result.refused.length) console.warn(`Sitrep: ${result.refused.length} journal entr${result.refused.length === 1 ? "y was" : "ies were"} not taken in: ${result.refused.join("; ")}`);
  if (result.tooOld && hasSubscribers(db)) console.warn(`Sitrep: ${result.tooOld} update(s) were published over ${maxAgeMs() / 3_600_000} h before the app took them in; recorded, but subscribers were not told (SITREP_NOTIFY_MAX_AGE_HOURS)`);
  if (result.skippedLines) console.warn(`Sitrep: skipped ${result.skippedLines} journal line(s) that are not entries; admins see them under Settings`);
  return result;
}

/**
 * Corrections change what was recorded instead of adding to it: an edit rewords one update; a rollback
 * or undo withdraws, rewords and reinstates the updates customers stop seeing, see as before, or see
 * again. Subscribers are not told again. True when the entry was one of these.
 */
function takeInCorrections(db: Database, e: Entry, result: ImportResult, liveState: () => SiteState): boolean {
  if (e.kind === "edit" && e.update) {
    if (correctStatusUpdate(db, e.update.id, e.update.body)) result.corrected++;
    return true;
  }
  if (!e.withdraws && !e.rewords && !e.reinstates) return false;
  for (const id of e.withdraws ?? []) if (deleteStatusUpdate(db, id)) result.withdrawn++;
  for (const r of e.rewords ?? []) if (correctStatusUpdate(db, r.id, r.body)) result.corrected++;
  for (const u of e.reinstates ?? []) {
    const added = recordStatusUpdate(db, { id: u.id, incident: u.incident, status: u.status, body: u.body, components: u.affected_components, author: e.author, origin: e.origin === "backup" ? "backup" : "app", at: u.at },
      { timeZone: liveState().page.time_zone });
    if (added) result.imported++;
  }
  return true;
}

/** Queues the update for subscribers, as it was when published; late ones are marked, too old ones only recorded. */
function notify(db: Database, site: string, state: SiteState, e: Entry, now: number): number {
  const age = now - Date.parse(e.at);
  // The publisher chose not to tell subscribers (a postmortem published without a notice).
  if ((e as { quiet?: unknown }).quiet === true || age > maxAgeMs()) return 0;
  const incident = findIncident(site, state, e.incident!.id);
  const update = incident?.incident_updates.find((u) => u.id === e.update!.id);
  if (!incident || !update) return 0;
  const asPublished = { ...incident, incident_updates: incident.incident_updates.filter((u) => u.created_at <= update.created_at) };
  const late = age > LATE_MS ? { published_at: e.at, via: e.origin === "backup" ? "the backup publisher" : "the app" } : null;
  return enqueueFor(db, state, asPublished, update, { late });
}
