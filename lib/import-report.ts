import type { DerivedMilestone } from "./markdown/derive-milestones";
import type { Postmortem } from "./model";

/** What importing one file did (or would do, in a preview), shown to the person importing. */
export interface FileReport {
  /** The file's path (inside its archive, if it came in one). */
  name: string;
  ok: boolean;
  /** What a save did, or would do in a preview. */
  action?: "create" | "update";
  slug?: string;
  title?: string;
  /** For an update: the version it replaces (its text stays in the history). */
  replaces?: { version: number; updatedAt: string };
  /** The incident's display zone, for showing the report's times. */
  timeZone?: string;
  error?: string;
  skipped?: boolean;
  unmapped: string[];
  notes: string[];
  derived: DerivedMilestone[];
  counts?: { events: number; causes: number; actionItems: number; lessons: number };
  /** The structure recognised; in previews only (a batch save does not send every postmortem back). */
  postmortem?: Postmortem;
}

export interface BatchReport {
  files: FileReport[];
  total: { files: number; imported: number; created: number; updated: number; failed: number; skipped: number };
}

