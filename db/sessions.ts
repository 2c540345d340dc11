import type { Database } from "better-sqlite3";
import { createHash, randomBytes } from "node:crypto";

/** Only a hash of the session id is stored, so a copy of the database cannot be used to sign in. */
const hashId = (id: string) => createHash("sha256").update(id).digest("base64url");

/** Starts a session for a person; the returned id goes into their signed cookie. */
export function createSession(db: Database, userId: number, maxAgeSeconds: number): string {
  const id = randomBytes(24).toString("base64url");
  const expires = new Date(Date.now() + maxAgeSeconds * 1000).toISOString();
  db.prepare("INSERT INTO sessions (id_hash, user_id, expires_at) VALUES (?, ?, ?)").run(hashId(id), userId, expires);
  db.prepare("DELETE FROM sessions WHERE expires_at < ? OR revoked_at < ?").run(new Date().toISOString(), new Date(Date.now() - 86_400_000).toISOString());
  return id;
}

/** The user id of a live session (not revoked, not expired, its person not disabled), or null. */
export function sessionUser(db: Database, id: string): number | null {
  const row = db.prepare(`SELECT s.user_id FROM sessions s JOIN users u ON u.id = s.user_id
    WHERE s.id_hash = ? AND s.revoked_at IS NULL AND s.expires_at > ? AND u.disabled_at IS NULL`).get(hashId(id), new Date().toISOString()) as { user_id: number } | undefined;
  return row?.user_id ?? null;
}

export function revokeSession(db: Database, id: string): void {
  db.prepare("UPDATE sessions SET revoked_at = ? WHERE id_hash = ? AND revoked_at IS NULL").run(new Date().toISOString(), hashId(id));
}

/** Ends every session of a person, except optionally the one they are using. */
export function revokeUserSessions(db: Database, userId: number, keep?: string): number {
  const now = new Date().toISOString();
  return db.prepare("UPDATE sessions SET revoked_at = ? WHERE user_id = ? AND revoked_at IS NULL AND id_hash != ?").run(now, userId, keep ? hashId(keep) : "").changes;
}
