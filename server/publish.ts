import "server-only";
import { getDb } from "@/db/connection";
import type { User } from "@/db/users";
import { publish, type Operation } from "@/publisher/publish.mjs";
import { importJournal } from "./journal-import";
import { signAppEntry } from "./journal-trust";
import { siteDir } from "./site-config";

/**
 * Publishing from the app: the same publisher the backup CLI uses writes the site and the journal;
 * the database then learns of the update the only way it learns of any, by importing the journal
 * (which also queues the notifications). Anything the CLI published meanwhile is taken in first, so
 * the timeline stays in order. Sending happens in the background and never delays this.
 */
export async function publishFromApp(user: User, op: Operation, opts: { linkTo?: string } = {}) {
  const db = getDb();
  importJournal(db);
  const result = await publish(siteDir(), op, { author: user.email, origin: "app", postmortem: opts.linkTo, sign: signAppEntry });
  importJournal(db);
  return result;
}
