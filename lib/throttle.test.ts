import { test } from "node:test";
import assert from "node:assert/strict";
import { FailureThrottle } from "./throttle";
import { hashPassword, verifyPassword } from "./password";

test("failed sign-ins from one address slow down after three, per address, and reset on success", () => {
  let now = 0;
  const t = new FailureThrottle(3, 500, 8000, 60_000, () => now);
  for (let i = 0; i < 3; i++) t.fail("10.0.0.1");
  assert.equal(t.delayFor("10.0.0.1"), 500);
  t.fail("10.0.0.1");
  assert.equal(t.delayFor("10.0.0.1"), 1000);
  for (let i = 0; i < 10; i++) t.fail("10.0.0.1");
  assert.equal(t.delayFor("10.0.0.1"), 8000);
  assert.equal(t.delayFor("10.0.0.2"), 0);
  now = 61_000;
  assert.equal(t.delayFor("10.0.0.1"), 0);
  t.fail("10.0.0.3");
  t.succeed("10.0.0.3");
  assert.equal(t.delayFor("10.0.0.3"), 0);
});

test("passwords are salted scrypt hashes that verify only the right password", () => {
  const a = hashPassword("correct horse");
  assert.notEqual(a, hashPassword("correct horse"));
  assert.ok(!a.includes("correct horse"));
  assert.ok(verifyPassword("correct horse", a));
  assert.ok(!verifyPassword("wrong horse", a));
  assert.ok(!verifyPassword("x", "garbage"));
});
