import type { Database } from "better-sqlite3";
import { revokeUserSessions } from "../db/sessions";
import { passwordMatches, removeUser, setDisabled, setPassword, setRole, type User } from "../db/users";
import type { Role } from "../lib/model";
import { generatePassword } from "../lib/password";

export type AccountResult = { ok: true; user: User; password?: string } | { ok: false; status: 404 | 409 | 400; problem: string };

const LAST_ADMIN = "this is the only enabled admin; make someone else admin first";

/**
 * An admin's change to someone's account. Disabling, or setting a new password, ends every session
 * the person has, so a lost laptop or a leaked password stops working at once.
 */
export function updateAccount(db: Database, id: number, change: { role?: Role; disabled?: boolean; password?: string; resetPassword?: true }): AccountResult {
  const generated = change.resetPassword && change.password === undefined ? generatePassword() : undefined;
  const password = change.password ?? generated;
  return db.transaction((): AccountResult => {
    let user: User | "last-admin" | null = null;
    if (change.role !== undefined) {
      user = setRole(db, id, change.role);
      if (user === "last-admin") return { ok: false, status: 409, problem: `role: ${LAST_ADMIN}` };
    }
    if (change.disabled !== undefined) {
      user = setDisabled(db, id, change.disabled);
      if (user === "last-admin") return { ok: false, status: 409, problem: `disabled: ${LAST_ADMIN}` };
      if (change.disabled) revokeUserSessions(db, id);
    }
    if (password !== undefined) {
      if (!setPassword(db, id, password)) return { ok: false, status: 404, problem: "id: no such user" };
      revokeUserSessions(db, id);
    }
    const fresh = db.prepare("SELECT id, email, name, role, disabled_at FROM users WHERE id = ?").get(id) as User | undefined;
    return fresh ? { ok: true, user: fresh, password: generated } : { ok: false, status: 404, problem: "id: no such user" };
  })();
}

export function deleteAccount(db: Database, id: number): { ok: true } | { ok: false; status: 404 | 409; problem: string } {
  const result = removeUser(db, id);
  if (result === null) return { ok: false, status: 404, problem: "id: no such user" };
  if (result === "last-admin") return { ok: false, status: 409, problem: `id: ${LAST_ADMIN}` };
  return { ok: true };
}

/** A person's own change of password: they must know the current one; every session of theirs ends. */
export function changeOwnPassword(db: Database, id: number, current: string, next: string): { ok: true } | { ok: false; problem: string } {
  if (!passwordMatches(db, id, current)) return { ok: false, problem: "current: that is not your current password" };
  setPassword(db, id, next);
  revokeUserSessions(db, id);
  return { ok: true };
}
