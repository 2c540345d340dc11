import type { Database } from "better-sqlite3";
import { addSubscriber, enqueue, forgetUnconfirmed, queuedSince, unconfirmedSince, type Subscriber } from "../db/subscribers";
import { subscriptionMessage } from "../lib/notification-mail";

/** However often an address is entered, its owner gets at most one subscription mail in this time. */
export const MAIL_COOLDOWN_MS = 10 * 60_000;
/**
 * New email sign-ups waiting for confirmation, per hour, site-wide. Past this, sign-ups are refused
 * for a while rather than letting made-up addresses fill the delivery queue that status mail shares.
 */
export const MAX_UNCONFIRMED_PER_HOUR = 300;
const FORGET_UNCONFIRMED_MS = 7 * 24 * 3_600_000;

export type SubscribeResult =
  | { kind: "email"; subscriber: Subscriber; mailed: boolean }
  | { kind: "webhook"; subscriber: Subscriber; created: boolean }
  | { kind: "busy" };

const ago = (ms: number) => new Date(Date.now() - ms).toISOString();

/**
 * A webhook is subscribed at once. An email address is only asked to confirm (or, when it already
 * is subscribed, told how to manage it), so nobody can sign someone else up, and the answer to the
 * caller is the same either way.
 */
export function subscribe(db: Database, input: { kind: Subscriber["kind"]; target: string; components: string[] }, site: { appUrl: string; pageName: string }): SubscribeResult {
  if (input.kind === "email") {
    forgetUnconfirmed(db, ago(FORGET_UNCONFIRMED_MS));
    if (unconfirmedSince(db, ago(3_600_000)) >= MAX_UNCONFIRMED_PER_HOUR) return { kind: "busy" };
  }
  const s = addSubscriber(db, input);
  if (s.kind === "webhook") return { kind: "webhook", subscriber: s, created: s.created };
  if (queuedSince(db, s.id, ago(MAIL_COOLDOWN_MS))) return { kind: "email", subscriber: s, mailed: false };
  const manage = `${site.appUrl.replace(/\/$/, "")}/subscribe/${s.feed_token}`;
  const message = subscriptionMessage(s.confirmed_at ? "already-subscribed" : "confirm-subscription", site.pageName, manage);
  enqueue(db, [{ subscriberId: s.id, payload: JSON.stringify(message) }]);
  return { kind: "email", subscriber: s, mailed: true };
}
