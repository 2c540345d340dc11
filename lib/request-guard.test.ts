import { test } from "node:test";
import assert from "node:assert/strict";
import { forgeryProblem, malformedPath, strictTransport, workbenchCsp } from "./request-guard";

const own = ["http://127.0.0.1:3000"];
const req = (method: string, pathname: string, headers: Record<string, string>) => ({ method, pathname, header: (n: string) => headers[n] ?? null });

test("a write from another origin, even another port of the same host, is refused", () => {
  assert.match(forgeryProblem(req("POST", "/api/users", { origin: "http://127.0.0.1:9999", "content-type": "application/json" }), own)!, /^origin:/);
  assert.match(forgeryProblem(req("POST", "/api/users", { "sec-fetch-site": "same-site", "content-type": "application/json" }), own)!, /^origin:/);
  assert.match(forgeryProblem(req("POST", "/api/auth/callback/credentials", { "sec-fetch-site": "cross-site", "content-type": "application/x-www-form-urlencoded" }), own)!, /^origin:/);
  assert.equal(forgeryProblem(req("GET", "/api/users", { origin: "http://evil.example" }), own), null);
});

test("a plain form's text/plain body cannot pose as JSON; each route takes the types it documents", () => {
  const same = { origin: "http://127.0.0.1:3000", "sec-fetch-site": "same-origin" };
  assert.match(forgeryProblem(req("POST", "/api/status/incidents", { ...same, "content-type": "text/plain" }), own)!, /^content-type: this call accepts application\/json/);
  assert.match(forgeryProblem(req("POST", "/api/incidents/import", { ...same, "content-type": "text/plain" }), own)!, /^content-type:/);
  assert.equal(forgeryProblem(req("POST", "/api/incidents/import", { ...same, "content-type": "text/markdown; charset=utf-8" }), own), null);
  assert.equal(forgeryProblem(req("POST", "/api/auth/signout", { ...same, "content-type": "application/x-www-form-urlencoded" }), own), null);
  assert.equal(forgeryProblem(req("PUT", "/api/services", { ...same, "content-type": "application/json" }), own), null);
  assert.equal(forgeryProblem(req("DELETE", "/api/tokens/3", { ...same, "content-length": "0" }), own), null, "a write without a body needs no type");
  assert.equal(forgeryProblem(req("POST", "/api/incidents", { "content-type": "application/json" }), own), null, "scripts send no Origin");
});

test("paths: bad percent-encoding is 400, an over-long segment 404", () => {
  assert.equal(malformedPath("/status/%c0%ae"), 400);
  assert.equal(malformedPath("/status/%ff%fe"), 400);
  assert.equal(malformedPath(`/status/${"a".repeat(5000)}`), 404);
  assert.equal(malformedPath("/status/incidents/x.html"), null);
});

test("headers: a nonce-based script policy; HSTS only behind https", () => {
  assert.match(workbenchCsp("abc"), /script-src 'self' 'nonce-abc' 'strict-dynamic'/);
  assert.match(workbenchCsp("abc"), /img-src 'self' data: blob:;/);
  assert.equal(strictTransport("http://127.0.0.1:3000"), null);
  assert.match(strictTransport("https://status.example.com")!, /^max-age=\d+/);
});
