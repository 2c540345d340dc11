import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Database } from "better-sqlite3";
import { dataDir } from "../db/connection";
import { getSetting, setSetting } from "../db/settings";
import type { JournalEntry } from "../publisher/journal.mjs";
import { canonical, verifyEntry } from "../publisher/signing.mjs";

/**
 * Who may write the journal is not who may publish: anyone who can write the site's folder (a CDN sync
 * job, a mirror) can append lines. So the app trusts nothing it reads there by itself: its own entries
 * carry an HMAC made with a key kept in the data directory, outside the site; the backup CLI's entries
 * are signed with the key configured for the app (SITREP_JOURNAL_PUBLIC_KEY), or else the one the app
 * saw first, never one it only finds in the site's files later.
 */
const APP_KEY_FILE = "journal-app.key";

function appKey(): Buffer {
  const file = join(dataDir(), APP_KEY_FILE);
  if (!existsSync(file)) {
    try {
      writeFileSync(file, randomBytes(32).toString("base64url"), { mode: 0o600, flag: "wx" });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== "EEXIST") throw err;
    }
  }
  return Buffer.from(readFileSync(file, "utf8").trim(), "base64url");
}

const mac = (entry: object) => createHmac("sha256", appKey()).update(canonical(entry as Record<string, unknown>)).digest("base64url");

/** The field the app adds to each of its own journal entries. */
export function signAppEntry(entry: JournalEntry): { mac: string } {
  return { mac: mac(entry) };
}

export type JournalKey = { pem: string; source: "configured" | "first seen" } | null;

/**
 * The key backup entries must be signed with. The first key the app sees published on the site is
 * remembered; a different one appearing later is not trusted (and is reported), since whoever can
 * write the site's state could otherwise swap in their own.
 */
export function trustedBackupKey(db: Database, publishedOnSite: string | undefined, warn: (reason: string) => void): JournalKey {
  const path = process.env.SITREP_JOURNAL_PUBLIC_KEY;
  if (path && existsSync(path)) return { pem: readFileSync(path, "utf8"), source: "configured" };
  const remembered = getSetting(db, "journal_public_key");
  if (remembered) {
    if (publishedOnSite && publishedOnSite.trim() !== remembered.trim()) {
      warn("the site now publishes a different journal key than the one this app first trusted; entries signed with it are refused (set SITREP_JOURNAL_PUBLIC_KEY to change keys)");
    }
    return { pem: remembered, source: "first seen" };
  }
  if (!publishedOnSite) return null;
  setSetting(db, "journal_public_key", publishedOnSite);
  return { pem: publishedOnSite, source: "first seen" };
}

/** Null when the entry may be taken in; otherwise why not, in words. */
export function trustProblem(entry: JournalEntry, key: JournalKey): string | null {
  if (entry.origin === "app") {
    if (!entry.mac) return "an app entry without the app's signature";
    const expected = Buffer.from(mac(entry));
    const given = Buffer.from(entry.mac);
    return expected.length === given.length && timingSafeEqual(expected, given) ? null : "an app entry whose signature does not match this app's key";
  }
  if (!key) return null;
  if (!entry.sig) return "not signed, but a journal key is known (unsigned backup entries are refused once a key exists)";
  return verifyEntry(entry as unknown as Record<string, unknown>, key.pem) ? null : "signature does not match the trusted journal key";
}
