import { test } from "node:test";
import assert from "node:assert/strict";
import { render } from "./render.mjs";
import { fixtureState } from "./fixture.mjs";
import { postUpdate, publishCustomerPostmortem, startIncident } from "./apply.mjs";
import { renderDocument } from "./markdown.mjs";
import { postmortemPage } from "./pages.mjs";

let n = 0;
const at = (now) => ({ author: "a@example.com", origin: /** @type {const} */ ("app"), now, newId: () => `id${String(n++).padStart(10, "0")}` });

function resolvedIncident() {
  const s0 = fixtureState("2026-01-05T10:00:00.000Z");
  const started = startIncident(s0, { name: "API errors", body: "Investigating.", components: { api: "major_outage" } }, at("2026-01-05T10:00:00.000Z"));
  return postUpdate(started.state, /** @type {any} */ (started.incident), { status: "resolved", body: "Fixed.", components: { api: "operational" } }, at("2026-01-05T11:00:00.000Z"));
}

test("the customer document keeps the site's escaping and adds headings and tables", () => {
  const html = renderDocument("## What happened\nErrors <script>alert(1)</script> on **the API**.\n\n| Service | From |\n| --- | --- |\n| Public API | <img src=x onerror=alert(1)> |\n\n- [docs](javascript:alert(1))");
  assert.match(html, /<h2>What happened<\/h2>/);
  assert.match(html, /<table><thead><tr><th scope="col">Service<\/th><th scope="col">From<\/th><\/tr><\/thead><tbody><tr><td>Public API<\/td><td>&lt;img src=x onerror=alert\(1\)&gt;<\/td><\/tr><\/tbody><\/table>/);
  assert.doesNotMatch(html, /<script|<img|href="javascript/);
  assert.match(html, /&lt;script&gt;/);
});

test("publishing the customer postmortem gives Statuspage's shape, a feed entry, and the page with scrolling tables", () => {
  const resolved = resolvedIncident();
  const state = resolved.state;
  const html = postmortemPage(state, "API errors", renderDocument("## What happened\nThe API failed.\n\n| A | B |\n|---|---|\n| 1 | 2 |"));
  const change = publishCustomerPostmortem(state, /** @type {any} */ (resolved.incident), { slug: "api-errors", html, body: "## What happened\nThe API failed.", note: "We have published a postmortem." }, at("2026-01-06T09:00:00.000Z"));
  const i = /** @type {any} */ (change.incident);
  assert.equal(i.status, "postmortem");
  assert.equal(i.postmortem_body, "## What happened\nThe API failed.");
  assert.equal(i.postmortem_url, "postmortems/api-errors.html");
  assert.equal(i.resolved_at, resolved.incident?.resolved_at, "publishing a postmortem does not move the resolution time");
  assert.equal(i.incident_updates[0].status, "postmortem");
  assert.equal(change.files?.get("postmortems/api-errors.html"), html);
  assert.match(html, /<div class="scroll" role="region" aria-label="Table 1 \(scrolls sideways\)" tabindex="0"><table>/);
  const files = render(change.state, { now: "2026-01-06T09:00:00.000Z" });
  const api = JSON.parse(String(files.get("api/v2/incidents.json"))).incidents[0];
  assert.equal(api.status, "postmortem");
  assert.equal(api.postmortem_body, "## What happened\nThe API failed.");
  assert.match(String(files.get("feed.atom")), /<title>API errors: postmortem<\/title>/);
});

test("an open incident or an empty text is refused, naming what is wrong", () => {
  const s0 = fixtureState("2026-01-05T10:00:00.000Z");
  const open = startIncident(s0, { name: "Open", body: "Investigating." }, at("2026-01-05T10:00:00.000Z"));
  assert.throws(() => publishCustomerPostmortem(open.state, /** @type {any} */ (open.incident), { slug: "x", html: "", body: "t", note: "n" }, at("2026-01-05T10:05:00.000Z")), /incident: resolve the incident/);
  const resolved = resolvedIncident();
  assert.throws(() => publishCustomerPostmortem(resolved.state, /** @type {any} */ (resolved.incident), { slug: "x", html: "", body: "  ", note: "n" }, at("2026-01-06T10:00:00.000Z")), /body: the public postmortem must not be empty/);
});
