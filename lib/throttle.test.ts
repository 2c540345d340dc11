import { test } from "node:test";
import assert from "node:assert/strict";
import { AttemptThrottle, forwardedClient } from "./throttle";
import { hashPassword, passwordProblem, verifyPassword } from "./password";

test("attempts are counted when they arrive: 100 at once get 5 checks, and the right password after them is refused", () => {
  let now = 0;
  const t = new AttemptThrottle(5, 1000, 15 * 60_000, 3_600_000, () => now);
  const allowed = Array.from({ length: 100 }, () => t.begin(["email:a@example.com"])).filter((w) => w === null).length;
  assert.equal(allowed, 5);
  now += 60_000;
  assert.ok(t.begin(["email:a@example.com"])! > 10 * 60_000, "hammering closed the account for the full ceiling");
  assert.equal(t.begin(["email:b@example.com"]), null, "another account is not affected");
});

test("one by one, the wait doubles after five tries, has a ceiling, and a success or an hour of quiet clears it", () => {
  let now = 0;
  const t = new AttemptThrottle(5, 1000, 60_000, 3_600_000, () => now);
  for (let i = 0; i < 4; i++) assert.equal(t.begin(["k"]), null);
  assert.equal(t.begin(["k"]), null, "the fifth try is still checked");
  assert.equal(t.begin(["k"]), 1000, "the sixth, at once, must wait a second");
  now += 2000;
  assert.equal(t.begin(["k"]), null, "after waiting, one more check");
  assert.equal(t.begin(["k"]), 4000, "and the wait doubles");
  for (let i = 0; i < 20; i++) t.begin(["k"]);
  assert.equal(t.begin(["k"]), 60_000, "up to the ceiling");
  now += 3_700_000;
  assert.equal(t.begin(["k"]), null);
  t.succeed(["k"]);
  for (let i = 0; i < 5; i++) assert.equal(t.begin(["k"]), null);
});

test("X-Forwarded-For is believed only as far as the configured proxies", () => {
  assert.equal(forwardedClient("6.6.6.6", 0), null);
  assert.equal(forwardedClient("1.2.3.4, 10.0.0.2", 1), "10.0.0.2");
  assert.equal(forwardedClient("spoofed, 203.0.113.9", 1), "203.0.113.9");
  assert.equal(forwardedClient("spoofed, 203.0.113.9, 10.0.0.2", 2), "203.0.113.9");
  assert.equal(forwardedClient("", 1), null);
});

test("passwords are salted scrypt hashes that verify only the right password, and short ones are refused", () => {
  const a = hashPassword("correct horse");
  assert.notEqual(a, hashPassword("correct horse"));
  assert.ok(!a.includes("correct horse"));
  assert.ok(verifyPassword("correct horse", a));
  assert.ok(!verifyPassword("wrong horse", a));
  assert.ok(!verifyPassword("x", "garbage"));
  assert.equal(passwordProblem("a"), "must be at least 12 characters");
  assert.equal(passwordProblem("twelve chars"), null);
});
