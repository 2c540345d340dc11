import { existsSync, statSync } from "node:fs";
import { dataDir, databaseFile, getDb } from "../db/connection";
import { siteLayout } from "../publisher/site.mjs";
import { importJournal } from "./journal-import";
import { seedDatabase } from "./seed";
import { createSeededSite } from "./seed-site";
import { recoverSiteLink, siteCondition } from "./site-recovery";
import { siteDir } from "./site-config";
import { startDeliveries } from "./start-deliveries";
import { startMaintenanceClock } from "./maintenance-scheduler";

/**
 * Runs once when the server starts. A fresh data directory is seeded. Otherwise what is missing is
 * rebuilt from what is left, and the log says so: a lost `site` link from the kept releases, a lost
 * database from the journal (every status update of both doors), never from seed data.
 */
export async function startServer(): Promise<void> {
  const site = siteDir();
  const hadDatabase = existsSync(databaseFile(dataDir()));
  const condition = siteCondition(site);
  const db = getDb();
  if (!hadDatabase && condition !== "none") {
    console.warn(`Sitrep: no database at ${databaseFile(dataDir())}, but a status site exists at ${site}. Creating a new database and rebuilding its status records from the site's journal. Postmortems that were only in the old database cannot be recovered from the site: restore sitrep.db from a backup for those. Seed postmortems are not added.`);
  }
  seedDatabase(db, { postmortems: condition === "none" });
  if (condition === "link-lost") console.warn(`Sitrep: the status site link ${site} was missing; ${recoverSiteLink(site)}.`);
  if (condition === "none") await createSeededSite(db);
  try {
    const imported = importJournal(db);
    if (!hadDatabase && condition !== "none") console.warn(`Sitrep: rebuilt ${imported.imported} status update(s) from the journal.`);
  } catch (err) {
    // The workbench and the public site must come up even when the site's files are damaged.
    console.error(`Sitrep: could not take in the status journal (${(err as Error).message}); the app runs, and will try again`);
  }
  startDeliveries(db);
  watchJournal();
  startMaintenanceClock();
}

/** Takes in what the backup CLI publishes while the app runs, within a second, without waiting for the app's next publish. */
function watchJournal(): void {
  const path = siteLayout(siteDir()).journal;
  let seen = -1;
  let pending = 0;
  const timer = setInterval(() => {
    try {
      const size = existsSync(path) ? statSync(path).size : 0;
      // A publish in flight is journaled a moment before it goes live: look again until it has.
      if (size === seen && !pending) return;
      seen = size;
      pending = importJournal(getDb()).pending;
    } catch (err) {
      console.warn(`Sitrep: reading the journal failed: ${(err as Error).message}`);
    }
  }, 1000);
  timer.unref();
}
