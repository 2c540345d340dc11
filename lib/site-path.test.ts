import { test } from "node:test";
import assert from "node:assert/strict";
import { decodeSitePath, isInsideAny, rawSegmentsAfter } from "./site-path";

test("segments that could name another folder are refused after decoding once", () => {
  for (const s of ["x%2F..%2F..%2Fsite.d%2Fjournal-key.pem", "..", "%2E%2E", ".env", "a%5Cb", "a\\b", "a%00b", "%2e%2e%2fkeys", "a..b"]) {
    assert.deepEqual(decodeSitePath(["status", s]).ok, false, s);
  }
  assert.deepEqual(decodeSitePath(["x%252Fkey"]), { ok: true, segments: ["x%2Fkey"] }, "decoded once: %25 stays a literal percent sign");
});

test("bad percent-encoding is a 400 and an over-long segment a 404, never an exception", () => {
  for (const s of ["%c0%ae", "%ff%fe", "%e0%80%ae", "%", "%zz"]) assert.deepEqual(decodeSitePath([s]), { ok: false, status: 400, reason: "bad percent-encoding" }, s);
  assert.equal(decodeSitePath(["a".repeat(5000)]).ok, false);
  assert.equal((decodeSitePath(["a".repeat(5000)]) as { status: number }).status, 404);
  assert.equal(decodeSitePath(Array(100).fill("a")).ok, false);
});

test("ordinary file names pass through", () => {
  assert.deepEqual(decodeSitePath(["incidents", "kinesis%20outage.html"]), { ok: true, segments: ["incidents", "kinesis outage.html"] });
  assert.deepEqual(rawSegmentsAfter("/status/", "/status"), []);
  assert.deepEqual(rawSegmentsAfter("/status/incidents/", "/status"), ["incidents"]);
  assert.deepEqual(rawSegmentsAfter("/api/v2/summary.json", "/api/v2"), ["summary.json"]);
});

test("a real path is inside a root only below it, not beside it", () => {
  assert.equal(isInsideAny("/d/site.d/releases/r1/index.html", ["/d/site.d/releases/r1"]), true);
  assert.equal(isInsideAny("/d/site.d/releases/r10/index.html", ["/d/site.d/releases/r1"]), false);
  assert.equal(isInsideAny("/d/site.d/journal.jsonl", ["/d/site.d/releases/r1", "/d/site.d/store/state"]), false);
});
