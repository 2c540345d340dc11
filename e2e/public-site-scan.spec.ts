import { expect, test } from "@playwright/test";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { publishCustomerVersion } from "./customer-version";
import { ADMIN, signIn } from "./fixtures";

/**
 * Nothing private reaches the public site. Order-independent: it first publishes a postmortem of its
 * own whose every internal-only field carries a marker (and a staff address), then reads every file
 * the site serves — whatever other specs published before it — for any account's email, any marker,
 * any internal annotation and any internal service's id.
 */
const run = Date.now().toString(36);
const slug = `scan-${run}`;
const staff = `scan-staff-${run}@corp.example.com`;
const mark = (field: string) => `internal-${field}-${run}`;

function filesUnder(dir: string, out: string[] = [], limit = 20_000): string[] {
  for (const name of readdirSync(dir)) {
    if (out.length >= limit) break;
    const path = join(dir, name);
    if (statSync(path).isDirectory()) filesUnder(path, out, limit);
    else out.push(path);
  }
  return out;
}

test("every file of the public site is free of account emails, internal-only fields, annotations and internal service ids", async ({ page }) => {
  test.setTimeout(180_000);
  await signIn(page, ADMIN, "/incidents");
  const api = page.request;
  expect((await api.post("/api/users", { data: { email: staff, name: `Scan Staff ${run}`, role: "editor", password: "scan-password-1" } })).ok()).toBe(true);
  const document = `---
slug: ${slug}
severity: SEV2
status: resolved
time_zone: UTC
date: 2026-01-05
impact_windows:
  - service: kinesis-data-streams
    condition: partial
    start: 2026-01-05 10:00 UTC
    end: 2026-01-05 11:00 UTC
  - service: kinesis-front-end
    condition: major
    start: 2026-01-05 10:00 UTC
    end: 2026-01-05 11:00 UTC
---

# Scan test ${run}

## Summary

Kinesis Data Streams returned errors for an hour.

## Root Causes

- ${mark("cause")} in the front-end fleet. [services: kinesis-front-end]

## Resolution

Capacity was removed and requests recovered.

## Action Items

| Action | Type | Priority | Owner | Due | Status | Tracker |
| --- | --- | --- | --- | --- | --- | --- |
| Alarm on thread count | detect | P1 | ${staff} |  | in_progress | https://tracker.corp.example.com/${mark("tracker")} |

## Timeline

| Time | Kind | Actor | Services | Event |
| --- | --- | --- | --- | --- |
| 2026-01-05 10:00 UTC | detection | ${staff} | kinesis-front-end | ${mark("event")} paged the on-call. |

## Supporting Information

${mark("supporting")} see the dashboard.
`;
  const imported = await api.post(`/api/incidents/import?name=${slug}.md`, { data: document, headers: { "content-type": "text/markdown" } });
  expect(imported.status(), await imported.text()).toBe(201);
  const started = await api.post("/api/status/incidents", { data: { name: `Scan ${run}`, body: "Investigating.", postmortem: slug } });
  const statusId = (await started.json()).id as string;
  expect((await api.post(`/api/status/incidents/${statusId}/updates`, { data: { status: "resolved", body: "Resolved." } })).status()).toBe(201);
  const published = await publishCustomerVersion(api, slug, statusId);
  expect(published.status(), await published.text()).toBe(200);
  expect((await api.get(`/status/postmortems/${slug}.html`)).ok()).toBe(true);

  const emails = (await (await api.get("/api/users")).json()).users as { email: string }[];
  expect(emails.map((u) => u.email)).toContain(staff);
  // A component the page once showed and then retired keeps its id in the incidents it was part of
  // (Statuspage does the same): it was public when those were published, so it is not a leak.
  const site = join(process.env.SITREP_E2E_DATA_DIR!, "site");
  const retired = new Set(((JSON.parse(readFileSync(join(site, "state.json"), "utf8")).retired_components ?? []) as { id: string }[]).map((r) => r.id));
  const internal = ((await (await api.get("/api/services")).json()).services as { slug: string; public: boolean }[]).filter((s) => !s.public && !retired.has(s.slug)).map((s) => s.slug);
  const forbidden = [
    ...emails.map((u) => u.email),
    ...["cause", "tracker", "event", "supporting"].map(mark),
    "[events:", "[services:", "in_progress",
    ...internal.map((s) => `"${s}"`), ...internal.map((s) => `/${s}`), ...internal.map((s) => `>${s}<`),
  ];
  const files = filesUnder(site);
  expect(files.length).toBeGreaterThan(10);
  const found: string[] = [];
  for (const file of files) {
    const text = readFileSync(file, "utf8");
    for (const word of forbidden) if (text.includes(word)) found.push(`${file.slice(site.length)}: ${word}`);
  }
  console.log(`${files.length} public files scanned for ${forbidden.length} private strings`);
  expect(found).toEqual([]);
});
