import type { Database } from "better-sqlite3";
import type { Role } from "../lib/model";
import { hashPassword, passwordProblem, PasswordRuleError, verifyPassword } from "../lib/password";

export interface User {
  id: number;
  email: string;
  name: string;
  role: Role;
  /** When an admin disabled the account; a disabled person cannot sign in and their sessions and tokens stop working. */
  disabled_at?: string | null;
}

/** The password rule, applied wherever one is set (the admin's first account included). */
function checkedHash(password: string): string {
  const problem = passwordProblem(password);
  if (problem) throw new PasswordRuleError(`password: ${problem}`);
  return hashPassword(password);
}

export function countUsers(db: Database): number {
  return db.prepare("SELECT count(*) FROM users").pluck().get() as number;
}

export function createUser(db: Database, u: { email: string; name?: string; role: Role; password: string }): User {
  const info = db
    .prepare("INSERT INTO users (email, name, role, password_hash) VALUES (?, ?, ?, ?)")
    .run(u.email, u.name ?? "", u.role, checkedHash(u.password));
  return { id: Number(info.lastInsertRowid), email: u.email, name: u.name ?? "", role: u.role };
}

/** The user for these credentials, or null. Runs a hash even for unknown emails so timing does not tell. */
export function checkCredentials(db: Database, email: string, password: string): User | null {
  const row = db.prepare("SELECT id, email, name, role, password_hash, disabled_at FROM users WHERE email = ?").get(email) as
    | (User & { password_hash: string })
    | undefined;
  const ok = verifyPassword(password, row?.password_hash ?? DUMMY_HASH);
  if (!row || !ok || row.disabled_at) return null;
  return { id: row.id, email: row.email, name: row.name, role: row.role };
}

export function getUser(db: Database, id: number): User | null {
  return (db.prepare("SELECT id, email, name, role, disabled_at FROM users WHERE id = ?").get(id) as User | undefined) ?? null;
}

const DUMMY_HASH = hashPassword("not-a-real-password");

export function listUsers(db: Database): User[] {
  return db.prepare("SELECT id, email, name, role, disabled_at FROM users ORDER BY email").all() as User[];
}

/** Changes a role; refuses to leave the workbench without an admin. */
export function setRole(db: Database, id: number, role: Role): User | "last-admin" | null {
  return db.transaction(() => {
    const user = getUser(db, id);
    if (!user) return null;
    if (user.role === "admin" && role !== "admin" && activeAdmins(db) === 1 && !user.disabled_at) return "last-admin" as const;
    db.prepare("UPDATE users SET role = ? WHERE id = ?").run(role, id);
    return { ...user, role };
  })();
}

const activeAdmins = (db: Database) => db.prepare("SELECT count(*) FROM users WHERE role = 'admin' AND disabled_at IS NULL").pluck().get() as number;

/** Disables or enables an account; refuses to leave the workbench without an enabled admin. */
export function setDisabled(db: Database, id: number, disabled: boolean): User | "last-admin" | null {
  return db.transaction(() => {
    const user = getUser(db, id);
    if (!user) return null;
    if (disabled && !user.disabled_at && user.role === "admin" && activeAdmins(db) === 1) return "last-admin" as const;
    const at = disabled ? user.disabled_at ?? new Date().toISOString() : null;
    db.prepare("UPDATE users SET disabled_at = ? WHERE id = ?").run(at, id);
    return { ...user, disabled_at: at };
  })();
}

/** Removes an account with its sessions and API tokens; refuses to remove the last enabled admin. */
export function removeUser(db: Database, id: number): true | "last-admin" | null {
  return db.transaction(() => {
    const user = getUser(db, id);
    if (!user) return null;
    if (user.role === "admin" && !user.disabled_at && activeAdmins(db) === 1) return "last-admin" as const;
    db.prepare("DELETE FROM users WHERE id = ?").run(id);
    return true as const;
  })();
}

/** Sets a new password (checked against the password rule). */
export function setPassword(db: Database, id: number, password: string): boolean {
  return db.prepare("UPDATE users SET password_hash = ? WHERE id = ?").run(checkedHash(password), id).changes === 1;
}

/** Whether this is the person's current password (for changing it). */
export function passwordMatches(db: Database, id: number, password: string): boolean {
  const hash = db.prepare("SELECT password_hash FROM users WHERE id = ?").pluck().get(id) as string | undefined;
  return verifyPassword(password, hash ?? DUMMY_HASH) && hash !== undefined;
}
