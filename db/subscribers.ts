import type { Database } from "better-sqlite3";
import { randomBytes } from "node:crypto";

export interface Subscriber { id: number; kind: "webhook" | "email"; target: string; components: string[]; secret: string; feed_token: string; manage_token: string; created_at: string; confirmed_at: string | null }
export interface Delivery { id: number; subscriber_id: number; payload: string; state: string; attempts: number; next_at: string; last_error: string; kind: string; target: string; secret: string }

/** The queue never grows past this many waiting deliveries; the oldest waiting are dropped (and logged) first. */
export const MAX_PENDING = 10_000;
export const MAX_ATTEMPTS = 8;

const row = (r: Record<string, unknown>) => ({ ...r, components: JSON.parse(String(r.components)) }) as Subscriber;

/**
 * Adds a subscriber, or finds the one already there for that target, unchanged: whoever sends the
 * same address or URL again learns nothing and changes nothing. Webhooks count as confirmed at once;
 * an email address only after its owner confirms (or when `confirmed` says it already has).
 */
export function addSubscriber(db: Database, s: { kind: Subscriber["kind"]; target: string; components: string[]; confirmed?: boolean }): Subscriber & { created: boolean } {
  const confirmed = s.kind === "webhook" || s.confirmed ? new Date().toISOString() : null;
  const added = db.prepare("INSERT INTO subscribers (kind, target, components, secret, feed_token, manage_token, confirmed_at) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (kind, target) DO NOTHING RETURNING *")
    .get(s.kind, s.target, JSON.stringify(s.components), randomBytes(24).toString("base64url"), randomBytes(18).toString("base64url"), randomBytes(18).toString("base64url"), confirmed) as Record<string, unknown> | undefined;
  if (added) return { ...row(added), created: true };
  return { ...row(db.prepare("SELECT * FROM subscribers WHERE kind = ? AND target = ?").get(s.kind, s.target) as Record<string, unknown>), created: false };
}

export function hasSubscribers(db: Database): boolean {
  return db.prepare("SELECT 1 FROM subscribers WHERE confirmed_at IS NOT NULL LIMIT 1").get() !== undefined;
}

export function listSubscribers(db: Database, { confirmedOnly = false } = {}): Subscriber[] {
  return (db.prepare(`SELECT * FROM subscribers ${confirmedOnly ? "WHERE confirmed_at IS NOT NULL" : ""} ORDER BY id`).all() as Record<string, unknown>[]).map(row);
}

/** Confirming twice is harmless; false when there is no such subscription. `token` is the manage token. */
export function confirmSubscriber(db: Database, token: string): boolean {
  return db.prepare("UPDATE subscribers SET confirmed_at = coalesce(confirmed_at, ?) WHERE manage_token = ?").run(new Date().toISOString(), token).changes === 1;
}

/** The subscription whose manage link carries this token. */
export function subscriberByManageToken(db: Database, token: string): Subscriber | null {
  const r = db.prepare("SELECT * FROM subscribers WHERE manage_token = ?").get(token) as Record<string, unknown> | undefined;
  return r ? row(r) : null;
}

/** The subscription whose private feed URL carries this token (reading only). */
export function subscriberByToken(db: Database, token: string): Subscriber | null {
  const r = db.prepare("SELECT * FROM subscribers WHERE feed_token = ?").get(token) as Record<string, unknown> | undefined;
  return r ? row(r) : null;
}

/** Unsubscribes; `token` is the manage token, never the feed's. */
export function removeSubscriber(db: Database, token: string): boolean {
  return db.prepare("DELETE FROM subscribers WHERE manage_token = ?").run(token).changes === 1;
}

/** Queues one payload per subscriber; cheap, synchronous, and bounded. */
export function enqueue(db: Database, items: { subscriberId: number; payload: string }[], now = new Date().toISOString()): void {
  db.transaction(() => {
    const insert = db.prepare("INSERT INTO deliveries (subscriber_id, payload, state, next_at) VALUES (?, ?, 'pending', ?)");
    for (const item of items) insert.run(item.subscriberId, item.payload, now);
    const pending = db.prepare("SELECT count(*) FROM deliveries WHERE state = 'pending'").pluck().get() as number;
    if (pending > MAX_PENDING) {
      db.prepare(`UPDATE deliveries SET state = 'dropped', last_error = 'queue full: dropped the oldest waiting delivery', updated_at = ?
        WHERE id IN (SELECT id FROM deliveries WHERE state = 'pending' ORDER BY id LIMIT ?)`).run(now, pending - MAX_PENDING);
    }
  })();
}

/**
 * Takes up to `limit` due deliveries and marks them as being sent: at most one per subscriber (its
 * oldest, so each receiver gets updates in order), none for a subscriber whose last one is still in
 * flight, and first-time attempts before retries. A receiver that hangs so only ever holds itself up.
 */
export function claimDue(db: Database, limit: number, now = new Date().toISOString()): Delivery[] {
  if (limit <= 0) return [];
  return db.transaction(() => {
    const due = db.prepare(`SELECT d.*, s.kind, s.target, s.secret FROM deliveries d JOIN subscribers s ON s.id = d.subscriber_id
      WHERE d.state = 'pending' AND d.next_at <= ?
        AND d.id = (SELECT min(x.id) FROM deliveries x WHERE x.subscriber_id = d.subscriber_id AND x.state = 'pending')
        AND NOT EXISTS (SELECT 1 FROM deliveries y WHERE y.subscriber_id = d.subscriber_id AND y.state = 'sending')
      ORDER BY d.attempts > 0, d.next_at, d.id LIMIT ?`).all(now, limit) as Delivery[];
    const mark = db.prepare("UPDATE deliveries SET state = 'sending', attempts = attempts + 1, updated_at = ? WHERE id = ?");
    for (const d of due) mark.run(now, d.id);
    return due.map((d) => ({ ...d, attempts: d.attempts + 1 }));
  })();
}

/** Success, or a retry later with exponential backoff (5 s, 10 s, 20 s … up to an hour), or give up. */
export function settle(db: Database, d: Delivery, error: string | null, now = Date.now()): void {
  const at = new Date(now).toISOString();
  if (!error) {
    db.prepare("UPDATE deliveries SET state = 'delivered', last_error = '', updated_at = ? WHERE id = ?").run(at, d.id);
    return;
  }
  const giveUp = d.attempts >= MAX_ATTEMPTS;
  const next = new Date(now + Math.min(3_600_000, 5000 * 2 ** (d.attempts - 1))).toISOString();
  db.prepare("UPDATE deliveries SET state = ?, last_error = ?, next_at = ?, updated_at = ? WHERE id = ?")
    .run(giveUp ? "failed" : "pending", error.slice(0, 500), next, at, d.id);
}

/** After a crash, deliveries caught mid-send are sent again. */
export function requeueInterrupted(db: Database): void {
  db.prepare("UPDATE deliveries SET state = 'pending' WHERE state = 'sending'").run();
}

export function deliveryLog(db: Database, limit = 200) {
  return db.prepare(`SELECT d.id, s.kind, s.target, d.state, d.attempts, d.next_at AS nextAt, d.last_error AS lastError, d.updated_at AS updatedAt
    FROM deliveries d JOIN subscribers s ON s.id = d.subscriber_id ORDER BY d.id DESC LIMIT ?`).all(limit);
}

/** Email sign-ups not confirmed since then: they are what a flood of made-up addresses would create. */
export function unconfirmedSince(db: Database, since: string): number {
  return db.prepare("SELECT count(*) FROM subscribers WHERE confirmed_at IS NULL AND created_at >= ?").pluck().get(since) as number;
}

/** Sign-ups nobody confirmed within a week are forgotten. */
export function forgetUnconfirmed(db: Database, before: string): number {
  return db.prepare("DELETE FROM subscribers WHERE confirmed_at IS NULL AND created_at < ?").run(before).changes;
}

/** Whether anything was queued for this subscriber since then: repeated sign-ups must not flood an inbox. */
export function queuedSince(db: Database, subscriberId: number, since: string): boolean {
  return db.prepare("SELECT 1 FROM deliveries WHERE subscriber_id = ? AND created_at >= ? LIMIT 1").get(subscriberId, since) !== undefined;
}

export function countSubscribers(db: Database): number {
  return db.prepare("SELECT count(*) FROM subscribers").pluck().get() as number;
}

/** Webhooks subscribed since then: what a flood of sign-ups would create. */
export function webhooksSince(db: Database, since: string): number {
  return db.prepare("SELECT count(*) FROM subscribers WHERE kind = 'webhook' AND created_at >= ?").pluck().get(since) as number;
}
