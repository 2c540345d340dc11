import type { Database } from "better-sqlite3";
import { createIncident, getIncident, SaveError, updateIncident } from "../db/incidents";
import { setSourceKey, slugForSource, slugTaken } from "../db/import-sources";
import { serviceSlugs } from "../db/services";
import { ArchiveError, LIMITS, archiveKind, decodeText, isMarkdownName, readArchive } from "../lib/archive/read-archive";
import { ImportError } from "../lib/markdown/import";
import { importWithinLimit, ImportTooSlow } from "./import-markdown";
import type { BatchReport, FileReport } from "../lib/import-report";
import { dropUnknownReferences } from "../lib/references";

export type { BatchReport, FileReport } from "../lib/import-report";

// Not marked "server-only": `npm run import` runs this module from a terminal, outside Next.

export interface UploadedFile {
  name: string;
  bytes: Uint8Array;
}

/** The stable source key of a file: its path, so importing it again finds the postmortem it made. */
export function sourceKey(name: string): string {
  return `file:${name.replace(/\\/g, "/").replace(/^(\.\/)+/, "")}`;
}

interface TextFile {
  name: string;
  text?: string;
  error?: string;
  skipped?: boolean;
}

/** Uploaded files, archives unpacked, each decoded as UTF-8 text or given a per-file error. */
export function expandUploads(files: UploadedFile[]): TextFile[] {
  const out: TextFile[] = [];
  for (const file of files) {
    if (archiveKind(file.bytes)) {
      try {
        for (const entry of readArchive(file.bytes)) {
          if (entry.error) out.push({ name: entry.name, error: entry.error });
          else if (!isMarkdownName(entry.name)) out.push({ name: entry.name, skipped: true, error: "not a Markdown file; skipped" });
          else out.push({ name: entry.name, ...decodeText(entry.bytes!) });
        }
      } catch (err) {
        if (!(err instanceof ArchiveError)) throw err;
        out.push({ name: file.name, error: `archive: ${err.message}` });
      }
      continue;
    }
    out.push({ name: file.name, ...decodeText(file.bytes) });
  }
  if (out.length > LIMITS.files) {
    return [...out.slice(0, LIMITS.files), { name: `(${out.length - LIMITS.files} more files)`, error: `at most ${LIMITS.files} files per import; import the rest separately` }];
  }
  return out;
}

function freeSlug(db: Database, slug: string): string {
  if (!slugTaken(db, slug)) return slug;
  for (let n = 2; ; n++) {
    const candidate = `${slug.slice(0, 76)}-${n}`;
    if (!slugTaken(db, candidate)) return candidate;
  }
}

/**
 * Reads one document and, unless previewing, saves it: a file imported before (same source key)
 * updates its postmortem through the ordinary save path; anything else becomes a new postmortem.
 */
/** `keepStatus`: an admin's choice for a batch to keep the review status the documents' front matter gives; otherwise every import is a draft. */
export type ImportOptions = { author: string; save: boolean; keepStatus?: boolean };

export function importOne(db: Database, file: { name: string; text: string; keyed: boolean }, opts: ImportOptions): FileReport {
  const report: FileReport = { name: file.name, ok: false, unmapped: [], notes: [], derived: [] };
  try {
    const result = importWithinLimit(file.text, { fileName: file.keyed ? file.name : undefined });
    const fitted = dropUnknownReferences(result.postmortem, serviceSlugs(db));
    Object.assign(report, { unmapped: result.unmapped, notes: [...result.notes, ...fitted.notes], derived: result.derived });
    let pm = fitted.postmortem;
    if (!opts.keepStatus && pm.postmortemStatus !== "draft") {
      report.notes.push(`postmortem_status: the document says ${pm.postmortemStatus.replace("_", " ")}; imported as a draft, to go through review here`);
      pm = { ...pm, postmortemStatus: "draft" };
    }
    const key = file.keyed ? sourceKey(file.name) : null;
    const existing = key ? slugForSource(db, key) : null;
    if (existing) {
      pm = { ...pm, slug: existing };
      const current = getIncident(db, existing)!;
      report.replaces = { version: current.version, updatedAt: current.updatedAt };
    }
    else {
      const slug = freeSlug(db, pm.slug);
      if (slug !== pm.slug) report.notes.push(`slug: "${pm.slug}" is taken by another postmortem; this one is ${slug}`);
      pm = { ...pm, slug };
    }
    Object.assign(report, {
      action: existing ? "update" : "create", slug: pm.slug, title: pm.title, timeZone: pm.timeZone,
      counts: { events: pm.timeline.length, causes: pm.causes.length, actionItems: pm.actionItems.length, lessons: pm.lessons.length },
    });
    if (!opts.save) return { ...report, ok: true, postmortem: pm };
    db.transaction(() => {
      if (existing) {
        const current = getIncident(db, existing)!;
        updateIncident(db, existing, pm, current.version, opts.author, { summary: `imported again from ${file.name}` });
      } else {
        createIncident(db, pm, opts.author);
        if (key) setSourceKey(db, pm.slug, key);
      }
    })();
    return { ...report, ok: true };
  } catch (err) {
    if (err instanceof ImportError || err instanceof SaveError || err instanceof ImportTooSlow) return { ...report, error: err.problems.join("; ") };
    throw err;
  }
}

/** Imports (or previews) every file of a batch; one file's failure never affects another. */
export function importBatch(db: Database, files: UploadedFile[], opts: ImportOptions): BatchReport {
  const seen = new Set<string>();
  const reports = expandUploads(files).map((f): FileReport => {
    const fail = (error: string | undefined, skipped?: boolean): FileReport => ({ name: f.name, ok: false, skipped, error, unmapped: [], notes: [], derived: [] });
    if (f.text === undefined) return fail(f.error, f.skipped);
    // The name is the source key: a second file of the same name would overwrite the first.
    if (seen.has(f.name)) return fail("another file in this import has the same name; rename one, or bring the folder as a zip so each keeps its path");
    seen.add(f.name);
    return importOne(db, { name: f.name, text: f.text, keyed: true }, opts);
  });
  return { files: reports, total: totalOf(reports) };
}

function totalOf(files: FileReport[]): BatchReport["total"] {
  const imported = files.filter((f) => f.ok);
  return {
    files: files.length,
    imported: imported.length,
    created: imported.filter((f) => f.action === "create").length,
    updated: imported.filter((f) => f.action === "update").length,
    failed: files.filter((f) => !f.ok && !f.skipped).length,
    skipped: files.filter((f) => f.skipped).length,
  };
}
