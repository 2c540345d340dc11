import { existsSync, readFileSync } from "node:fs";
import type { JournalEntry } from "@/publisher/journal.mjs";
import { readState } from "@/publisher/site.mjs";
import { verifyEntry as verifySignature } from "@/publisher/signing.mjs";
import { siteDir } from "./site-config";

/**
 * The key backup entries must be signed with: SITREP_JOURNAL_PUBLIC_KEY (a PEM file the app trusts)
 * if set, else the key published on the site by `cli.mjs keygen`. Entries written before the key
 * existed were never signed and are accepted as they are.
 */
export function trustedKey(): { pem: string; since: string } | null {
  const path = process.env.SITREP_JOURNAL_PUBLIC_KEY;
  if (path && existsSync(path)) return { pem: readFileSync(path, "utf8"), since: "" };
  try {
    const page = readState(siteDir()).page;
    return page.journal_key ? { pem: page.journal_key, since: page.journal_key_since ?? "" } : null;
  } catch {
    return null;
  }
}

/** Null when the entry may be imported under this key; otherwise why not. */
export function verifyEntry(entry: JournalEntry, key: { pem: string; since: string } | null): string | null {
  if (!key || entry.at < key.since) return null;
  if (!entry.sig) return "not signed, but a journal key is configured";
  return verifySignature(entry as unknown as Record<string, unknown>, key.pem) ? null : "signature does not match the configured key";
}
