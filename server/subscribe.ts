import type { Database } from "better-sqlite3";
import { addSubscriber, countSubscribers, enqueue, forgetUnconfirmed, queuedSince, unconfirmedSince, webhooksSince, type Subscriber } from "../db/subscribers";
import { subscriptionMessage } from "../lib/notification-mail";

/** However often an address is entered, its owner gets at most one subscription mail in this time. */
export const MAIL_COOLDOWN_MS = 10 * 60_000;
/**
 * New email sign-ups waiting for confirmation, per hour, site-wide. Past this, sign-ups are refused
 * for a while rather than letting made-up addresses fill the delivery queue that status mail shares.
 */
export const MAX_UNCONFIRMED_PER_HOUR = 300;
const FORGET_UNCONFIRMED_MS = 7 * 24 * 3_600_000;
/**
 * New webhooks per hour, site-wide. A webhook cannot confirm from an inbox, and a check that the URL
 * answers proves nothing (anyone can run an endpoint that says yes to every path), so sign-ups are
 * limited instead: generous for real subscribers, and a flood stops after this many.
 */
export const MAX_WEBHOOKS_PER_HOUR = 100;
/** New webhooks per hour from one client, when the client's address is known (see SITREP_TRUSTED_PROXIES). */
export const MAX_WEBHOOKS_PER_CLIENT_HOUR = 10;
/** Subscribers of every kind, in all. Past this, new sign-ups are asked to follow the feed instead. */
export const MAX_SUBSCRIBERS = Number(process.env.SITREP_MAX_SUBSCRIBERS || 10_000);

const recentByClient = new Map<string, number[]>();

/** Counts a webhook sign-up from this client; false once it has made too many in the last hour. */
function clientMayAdd(client: string, now = Date.now()): boolean {
  const recent = (recentByClient.get(client) ?? []).filter((t) => now - t < 3_600_000);
  if (recent.length >= MAX_WEBHOOKS_PER_CLIENT_HOUR) return false;
  recent.push(now);
  recentByClient.delete(client);
  recentByClient.set(client, recent);
  if (recentByClient.size > 10_000) recentByClient.delete(recentByClient.keys().next().value!);
  return true;
}

export type SubscribeResult =
  | { kind: "email"; subscriber: Subscriber; mailed: boolean }
  | { kind: "webhook"; subscriber: Subscriber; created: boolean }
  | { kind: "busy" }
  | { kind: "full" };

const ago = (ms: number) => new Date(Date.now() - ms).toISOString();

/**
 * A webhook is subscribed at once. An email address is only asked to confirm (or, when it already
 * is subscribed, told how to manage it), so nobody can sign someone else up, and the answer to the
 * caller is the same either way.
 */
export function subscribe(db: Database, input: { kind: Subscriber["kind"]; target: string; components: string[] }, site: { appUrl: string; pageName: string }, client: string | null = null): SubscribeResult {
  if (input.kind === "email") {
    forgetUnconfirmed(db, ago(FORGET_UNCONFIRMED_MS));
    if (unconfirmedSince(db, ago(3_600_000)) >= MAX_UNCONFIRMED_PER_HOUR) return { kind: "busy" };
  } else {
    if (webhooksSince(db, ago(3_600_000)) >= MAX_WEBHOOKS_PER_HOUR) return { kind: "busy" };
    if (client && !clientMayAdd(client)) return { kind: "busy" };
  }
  if (countSubscribers(db) >= MAX_SUBSCRIBERS) return { kind: "full" };
  const s = addSubscriber(db, input);
  if (s.kind === "webhook") return { kind: "webhook", subscriber: s, created: s.created };
  if (queuedSince(db, s.id, ago(MAIL_COOLDOWN_MS))) return { kind: "email", subscriber: s, mailed: false };
  const manage = `${site.appUrl.replace(/\/$/, "")}/subscribe/${s.manage_token}`;
  const message = subscriptionMessage(s.confirmed_at ? "already-subscribed" : "confirm-subscription", site.pageName, manage);
  enqueue(db, [{ subscriberId: s.id, payload: JSON.stringify(message) }]);
  return { kind: "email", subscriber: s, mailed: true };
}
