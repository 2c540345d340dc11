// Test helpers: a fresh data directory with a seeded database (and, for the app's own tests, its status
// site), removed after the file's tests.
import { test } from "node:test";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openDatabase } from "../db/connection";
import { siteLayout } from "../publisher/site.mjs";
import { importJournal } from "./journal-import";
import { seedDatabase } from "./seed";
import { createSeededSite } from "./seed-site";

/** The data directory as the app makes it on first start: database, status site and journal. */
export async function freshDataDir(prefix: string) {
  const dir = mkdtempSync(join(tmpdir(), `sitrep-${prefix}-`));
  process.env.SITREP_DATA_DIR = dir;
  delete process.env.SITREP_SITE_DIR;
  process.env.SITREP_ADMIN_PASSWORD = `${prefix}-test-password`;
  (globalThis as { __sitrepJournalRead?: unknown }).__sitrepJournalRead = undefined;
  const db = openDatabase(dir);
  seedDatabase(db);
  await createSeededSite(db);
  importJournal(db);
  const site = join(dir, "site");
  test.after(() => { db.close(); rmSync(dir, { recursive: true, force: true }); });
  return { dir, db, site, journal: siteLayout(site).journal };
}

/** Only the migrated, seeded database, for tests of the database layer. */
export function freshDb(prefix: string) {
  const dir = mkdtempSync(join(tmpdir(), `sitrep-${prefix}-`));
  test.after(() => rmSync(dir, { recursive: true, force: true }));
  process.env.SITREP_ADMIN_PASSWORD = "test-admin-password";
  const db = openDatabase(dir);
  seedDatabase(db);
  return db;
}
