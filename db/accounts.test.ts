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

test("a new data directory and its database files are readable by their owner only", async () => {
  const { openDatabase } = await import("./connection");
  const { statSync } = await import("node:fs");
  const parent = mkdtempSync(join(tmpdir(), "sitrep-perm-"));
  test.after(() => rmSync(parent, { recursive: true, force: true }));
  process.env.SITREP_ADMIN_PASSWORD = "test-admin-password";
  const dir = join(parent, "data");
  const d = openDatabase(dir);
  d.prepare("SELECT 1").get();
  assert.equal(statSync(dir).mode & 0o777, 0o700);
  for (const f of ["sitrep.db", "sitrep.db-wal", "sitrep.db-shm"]) assert.equal(statSync(join(dir, f)).mode & 0o777, 0o600, f);
  d.close();
});

test("SITREP_ADMIN_PASSWORD shorter than the rule stops the first start with a message", async () => {
  const { openDatabase } = await import("./connection");
  const { seedDatabase } = await import("../server/seed");
  const parent = mkdtempSync(join(tmpdir(), "sitrep-short-"));
  test.after(() => rmSync(parent, { recursive: true, force: true }));
  process.env.SITREP_ADMIN_PASSWORD = "a";
  try {
    assert.throws(() => seedDatabase(openDatabase(join(parent, "data"))), /SITREP_ADMIN_PASSWORD: password: must be at least 12 characters/);
  } finally {
    process.env.SITREP_ADMIN_PASSWORD = "test-admin-password";
  }
});
