import "server-only";
import { getDb } from "@/db/connection";
import { publishedUpdate, recordPublishedUpdate } from "@/db/status";
import type { User } from "@/db/users";
import { publish, type Operation } from "@/publisher/publish.mjs";
import { importJournal } from "./reconcile";
import { enqueueFor } from "./subscribers";
import { pageInfo, siteDir } from "./site-config";

/**
 * Publishing from the app: first take in anything the backup CLI published, then publish through the
 * same publisher the CLI uses, then record the update (and its timeline event) and queue notifications.
 * Notifications are only queued here; sending happens in the background and never delays this.
 */
export async function publishFromApp(user: User, op: Operation, opts: { linkTo?: string } = {}) {
  const db = getDb();
  await importJournal(db);
  const result = await publish(siteDir(), op, { author: user.email, origin: "app" });
  const { incident, update } = result;
  if (incident && update) {
    recordPublishedUpdate(db, publishedUpdate(incident, update, "app"), { linkTo: opts.linkTo, timeZone: pageInfo().time_zone });
    enqueueFor(db, result.state, incident, update);
  }
  return result;
}
