import "server-only";
import { getDb } from "@/db/connection";
import type { User } from "@/db/users";
import { publish, type Operation } from "@/publisher/publish.mjs";
import { importJournal } from "./journal-import";
import { sendToTargets } from "./publish-targets";
import { signAppEntry } from "./journal-trust";
import { siteDir } from "./site-config";

/**
 * Publishing from the app: the same publisher the backup CLI uses writes the site and the journal;
 * the database then learns of the update the only way it learns of any, by importing the journal
 * (which also queues the notifications). Anything the CLI published meanwhile is taken in first, so
 * the timeline stays in order. Sending happens in the background and never delays this.
 */
export async function publishFromApp(user: User, op: Operation, opts: { linkTo?: string; kind?: string; extra?: Record<string, unknown> } = {}) {
  const db = getDb();
  takeIn(db);
  const result = await publish(siteDir(), op, { author: user.email, origin: "app", postmortem: opts.linkTo, kind: opts.kind, extra: opts.extra, sign: signAppEntry });
  takeIn(db);
  await showNow();
  // Started a moment later, so the new process starting up does not compete with this answer.
  setTimeout(sendToTargets, 200).unref();
  return result;
}

/**
 * Under `npm start` the public site is served from memory by the front (server/front), which notices
 * any publish within a fraction of a second; a publish from this process also has it read the new
 * release before answering, so whoever published sees the change on their next request.
 */
async function showNow(): Promise<void> {
  const front = (globalThis as { [key: symbol]: { refresh?: () => Promise<void> } | undefined })[Symbol.for("sitrep.front")];
  try {
    await front?.refresh?.();
  } catch {
    // The front keeps serving the last good release and retries on its own.
  }
}

/**
 * The database catching up must never stop customers being told, nor turn a publish that went out
 * into an error: the journal holds the update, and the journal watcher takes it in once it can.
 */
function takeIn(db: ReturnType<typeof getDb>): void {
  try {
    importJournal(db);
  } catch (err) {
    console.warn(`Sitrep: the database could not take in the journal now (${(err as Error).message}); it will retry`);
  }
}
