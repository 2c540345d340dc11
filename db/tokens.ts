import type { Database } from "better-sqlite3";
import { ROLES, type Role } from "../lib/model";
import { generateToken, hashToken } from "../lib/tokens";
import type { User } from "./users";

export interface TokenInfo {
  id: number;
  name: string;
  role: Role;
  owner: string;
  createdAt: string;
  lastUsedAt: string | null;
}

/** Creates a token for `owner`; its role is capped at the owner's. Returns the secret once. */
export function createToken(db: Database, owner: User, name: string, role: Role): { token: string; info: TokenInfo } {
  const capped = ROLES.indexOf(role) > ROLES.indexOf(owner.role) ? owner.role : role;
  const token = generateToken();
  const id = Number(db.prepare("INSERT INTO api_tokens (user_id, name, token_hash, role) VALUES (?, ?, ?, ?)")
    .run(owner.id, name, hashToken(token), capped).lastInsertRowid);
  return { token, info: listTokens(db).find((t) => t.id === id)! };
}

/** The user a token acts as, with the token's role; null for unknown or revoked tokens. */
export function userForToken(db: Database, token: string): User | null {
  const row = db.prepare(`SELECT t.id AS tid, t.role AS token_role, u.id, u.email, u.name, u.role FROM api_tokens t
    JOIN users u ON u.id = t.user_id WHERE t.token_hash = ? AND t.revoked_at IS NULL AND u.disabled_at IS NULL`).get(hashToken(token)) as
    | (User & { tid: number; token_role: Role })
    | undefined;
  if (!row) return null;
  try {
    db.prepare("UPDATE api_tokens SET last_used_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = ?").run(row.tid);
  } catch {
    // Only bookkeeping: a full disk or a busy database must not lock the token's owner out.
  }
  const role = ROLES.indexOf(row.token_role) < ROLES.indexOf(row.role) ? row.token_role : row.role;
  return { id: row.id, email: row.email, name: row.name, role };
}

export function listTokens(db: Database): TokenInfo[] {
  return db.prepare(`SELECT t.id, t.name, t.role, u.email AS owner, t.created_at AS createdAt, t.last_used_at AS lastUsedAt
    FROM api_tokens t JOIN users u ON u.id = t.user_id WHERE t.revoked_at IS NULL ORDER BY t.id`).all() as TokenInfo[];
}

export function revokeToken(db: Database, id: number): boolean {
  return db.prepare("UPDATE api_tokens SET revoked_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = ? AND revoked_at IS NULL").run(id).changes === 1;
}
