import type { Database } from "better-sqlite3";
import { addSubscriber, enqueue, queuedSince, type Subscriber } from "../db/subscribers";
import { subscriptionMessage } from "../lib/notification-mail";

/** However often an address is entered, its owner gets at most one subscription mail in this time. */
export const MAIL_COOLDOWN_MS = 10 * 60_000;

export type SubscribeResult =
  | { kind: "email"; subscriber: Subscriber; mailed: boolean }
  | { kind: "webhook"; subscriber: Subscriber; created: boolean };

/**
 * A webhook is subscribed at once. An email address is only asked to confirm (or, when it already
 * is subscribed, told how to manage it), so nobody can sign someone else up, and the answer to the
 * caller is the same either way.
 */
export function subscribe(db: Database, input: { kind: Subscriber["kind"]; target: string; components: string[] }, site: { appUrl: string; pageName: string }): SubscribeResult {
  const s = addSubscriber(db, input);
  if (s.kind === "webhook") return { kind: "webhook", subscriber: s, created: s.created };
  if (queuedSince(db, s.id, new Date(Date.now() - MAIL_COOLDOWN_MS).toISOString())) return { kind: "email", subscriber: s, mailed: false };
  const manage = `${site.appUrl.replace(/\/$/, "")}/subscribe/${s.feed_token}`;
  const message = subscriptionMessage(s.confirmed_at ? "already-subscribed" : "confirm-subscription", site.pageName, manage);
  enqueue(db, [{ subscriberId: s.id, payload: JSON.stringify(message) }]);
  return { kind: "email", subscriber: s, mailed: true };
}
