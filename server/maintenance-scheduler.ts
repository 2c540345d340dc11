import { getDb } from "../db/connection";
import { PublishError } from "../publisher/apply.mjs";
import { advanceMaintenance, dueMaintenance } from "../publisher/maintenance-clock.mjs";
import { publish, type Operation } from "../publisher/publish.mjs";
import { readState } from "../publisher/site.mjs";
import { importJournal } from "./journal-import";
import { signAppEntry } from "./journal-trust";
import { siteDir } from "./site-config";

/** Who the journal names for what the app publishes on its own. */
export const SYSTEM_AUTHOR = "Sitrep (scheduled)";

/**
 * Publishing by the app itself, not on anyone's behalf: the same path as publishFromApp (which is
 * server-only, for routes), the same journal, and the import that queues the notifications.
 */
async function publishAsSystem(op: Operation, now: string) {
  const result = await publish(siteDir(), op, { author: SYSTEM_AUTHOR, origin: "app", sign: signAppEntry, now });
  importJournal(getDb());
  return result;
}

/** Moves due maintenance on once: in progress at its start, completed at its end. Returns how many steps were published. */
export async function runMaintenanceClock(now = new Date().toISOString()): Promise<number> {
  let published = 0;
  for (const due of dueMaintenance(readState(siteDir()), now)) {
    try {
      await publishAsSystem(advanceMaintenance(due.incident.id, due.status, due.body), now);
      published++;
    } catch (err) {
      if (!(err instanceof PublishError)) console.warn(`Sitrep: could not move maintenance "${due.incident.name}" to ${due.status}: ${(err as Error).message}; trying again shortly`);
    }
  }
  return published;
}

/**
 * Statuspage's auto in-progress / auto complete while the app runs. Subscribers hear of each step
 * like any update: the journal import queues the notifications.
 */
export function startMaintenanceClock(everyMs = Number(process.env.SITREP_MAINTENANCE_TICK_MS) || 30_000): void {
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      await runMaintenanceClock();
    } catch (err) {
      console.warn(`Sitrep: the maintenance clock failed: ${(err as Error).message}`);
    } finally {
      running = false;
    }
  };
  void tick();
  setInterval(tick, everyMs).unref();
}
