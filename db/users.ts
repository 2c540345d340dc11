import type { Database } from "better-sqlite3";
import type { Role } from "../lib/model";
import { hashPassword, verifyPassword } from "../lib/password";

export interface User {
  id: number;
  email: string;
  name: string;
  role: Role;
}

export function countUsers(db: Database): number {
  return db.prepare("SELECT count(*) FROM users").pluck().get() as number;
}

export function createUser(db: Database, u: { email: string; name?: string; role: Role; password: string }): User {
  const info = db
    .prepare("INSERT INTO users (email, name, role, password_hash) VALUES (?, ?, ?, ?)")
    .run(u.email, u.name ?? "", u.role, hashPassword(u.password));
  return { id: Number(info.lastInsertRowid), email: u.email, name: u.name ?? "", role: u.role };
}

/** The user for these credentials, or null. Runs a hash even for unknown emails so timing does not tell. */
export function checkCredentials(db: Database, email: string, password: string): User | null {
  const row = db.prepare("SELECT id, email, name, role, password_hash FROM users WHERE email = ?").get(email) as
    | (User & { password_hash: string })
    | undefined;
  const ok = verifyPassword(password, row?.password_hash ?? DUMMY_HASH);
  if (!row || !ok) return null;
  return { id: row.id, email: row.email, name: row.name, role: row.role };
}

export function getUser(db: Database, id: number): User | null {
  return (db.prepare("SELECT id, email, name, role FROM users WHERE id = ?").get(id) as User | undefined) ?? null;
}

const DUMMY_HASH = hashPassword("not-a-real-password");

export function listUsers(db: Database): User[] {
  return db.prepare("SELECT id, email, name, role FROM users ORDER BY email").all() as User[];
}

/** Changes a role; refuses to leave the workbench without an admin. */
export function setRole(db: Database, id: number, role: Role): User | "last-admin" | null {
  return db.transaction(() => {
    const user = getUser(db, id);
    if (!user) return null;
    const admins = db.prepare("SELECT count(*) FROM users WHERE role = 'admin'").pluck().get() as number;
    if (user.role === "admin" && role !== "admin" && admins === 1) return "last-admin" as const;
    db.prepare("UPDATE users SET role = ? WHERE id = ?").run(role, id);
    return { ...user, role };
  })();
}
