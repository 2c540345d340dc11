import "server-only";
import type { JournalEntry } from "@/publisher/journal.mjs";

/** Placeholder until journal signing lands with the backup CLI: every entry is accepted. */
export function verifyEntry(_entry: JournalEntry): string | null {
  return null;
}
