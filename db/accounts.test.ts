import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { migrate } from "./migrate";
import { createSession, revokeSession, revokeUserSessions, sessionUser } from "./sessions";
import { checkCredentials, createUser, removeUser, setDisabled, setPassword } from "./users";
import { PasswordRuleError } from "../lib/password";
import { createToken, userForToken } from "./tokens";

function db() {
  const dir = mkdtempSync(join(tmpdir(), "sitrep-accounts-"));
  test.after(() => rmSync(dir, { recursive: true, force: true }));
  const d = new Database(join(dir, "sitrep.db"));
  d.pragma("foreign_keys = ON");
  migrate(d);
  return d;
}

test("every way of setting a password applies the length rule, the first admin's included", () => {
  const d = db();
  assert.throws(() => createUser(d, { email: "a@x", role: "admin", password: "a" }), (e: Error) => e instanceof PasswordRuleError && e.message === "password: must be at least 12 characters");
  const u = createUser(d, { email: "a@x", role: "admin", password: "long-enough-pw" });
  assert.throws(() => setPassword(d, u.id, "short"), PasswordRuleError);
  assert.ok(checkCredentials(d, "a@x", "long-enough-pw"));
});

test("a session lives in the database: revoked, expired, disabled, removed or in another database, it is gone", () => {
  const d = db();
  const admin = createUser(d, { email: "admin@x", role: "admin", password: "long-enough-pw" });
  const u = createUser(d, { email: "u@x", role: "editor", password: "long-enough-pw" });
  const s1 = createSession(d, u.id, 3600);
  const s2 = createSession(d, u.id, 3600);
  assert.equal(sessionUser(d, s1), u.id);
  revokeSession(d, s1);
  assert.equal(sessionUser(d, s1), null);
  assert.equal(sessionUser(d, s2), u.id);
  assert.equal(sessionUser(d, createSession(d, u.id, -1)), null, "expired");
  assert.equal(sessionUser(db(), s2), null, "a replaced database knows no sessions");

  const token = createToken(d, u, "t", "editor").token;
  setDisabled(d, u.id, true);
  assert.equal(sessionUser(d, s2), null);
  assert.equal(userForToken(d, token), null);
  assert.equal(checkCredentials(d, "u@x", "long-enough-pw"), null);
  setDisabled(d, u.id, false);
  assert.equal(sessionUser(d, s2), u.id);
  assert.equal(revokeUserSessions(d, u.id), 1);
  const s3 = createSession(d, u.id, 3600);
  assert.equal(removeUser(d, u.id), true);
  assert.equal(sessionUser(d, s3), null);
  assert.equal(removeUser(d, admin.id), "last-admin");
  assert.equal(setDisabled(d, admin.id, true), "last-admin");
});
