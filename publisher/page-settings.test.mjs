import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createSite, publish } from "./publish.mjs";
import { PublishError } from "./apply.mjs";
import { setPageSettings } from "./page-settings.mjs";
import { fixtureState } from "./fixture.mjs";

function tempSite() {
  const dir = mkdtempSync(join(tmpdir(), "sitrep-settings-"));
  test.after(() => rmSync(dir, { recursive: true, force: true }));
  return join(dir, "site");
}
const opts = { author: "admin@example.com", origin: "app", kind: "page" };
const read = (site, path) => readFileSync(join(site, path), "utf8");
const PNG = "data:image/png;base64," + Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(40)]).toString("base64");
const SVG = "data:image/svg+xml;base64," + Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 16 16"><circle cx="8" cy="8" r="7" fill="#0a7"/></svg>').toString("base64");

test("page settings go out as a publish: name, links, zone, images and accent in the page and in every api/v2 file", async () => {
  const site = tempSite();
  await createSite(site, fixtureState(), []);
  await publish(site, (s, ctx) => setPageSettings(s, {
    name: "Acme Payments", url: "https://status.acme.test/", time_zone: "Europe/Berlin", description: "Card payments for Acme shops.",
    support_url: "https://acme.test/help", privacy_url: "https://acme.test/privacy", logo: SVG, favicon: PNG, accent: "#0A7B55",
  }, ctx), opts);
  const index = read(site, "index.html");
  assert.match(index, /<h1[^>]*>[^<]*Acme Payments/);
  assert.match(index, /Card payments for Acme shops\./);
  assert.match(index, /href="https:\/\/acme\.test\/help"/);
  assert.match(index, /href="https:\/\/acme\.test\/privacy"/);
  assert.ok(index.includes(`<link rel="icon" href="${PNG}"`));
  assert.ok(index.includes(SVG));
  assert.match(index, /--accent:#0a7b55/);
  assert.match(index, /CET|CEST|GMT\+1/);
  for (const path of ["api/v2/summary.json", "api/v2/status.json", "api/v2/components.json", "api/v2/incidents.json", "api/v2/incidents/unresolved.json",
    "api/v2/scheduled-maintenances.json", "api/v2/scheduled-maintenances/upcoming.json", "api/v2/scheduled-maintenances/active.json"]) {
    const page = JSON.parse(read(site, path)).page;
    assert.deepEqual([page.name, page.url, page.time_zone], ["Acme Payments", "https://status.acme.test", "Europe/Berlin"], path);
  }
  assert.equal(readFileSync(join(site, "favicon.ico")).subarray(0, 4).toString("latin1"), "\x89PNG");
});

test("bad settings are refused naming the field; the live site is untouched", async () => {
  const site = tempSite();
  await createSite(site, fixtureState(), []);
  const before = read(site, "index.html");
  const cases = [
    [{ support_url: "javascript:alert(1)" }, "support_url"],
    [{ privacy_url: "/privacy" }, "privacy_url"],
    [{ url: "ftp://x.test" }, "url"],
    [{ name: " " }, "name"],
    [{ name: "n".repeat(300) }, "name"],
    [{ time_zone: "Mars/Olympus" }, "time_zone"],
    [{ accent: "red" }, "accent"],
    [{ logo: "data:text/html;base64,PGgxPg==" }, "logo"],
    [{ logo: "data:image/png;base64," + Buffer.from("<svg>not a png</svg>").toString("base64") }, "logo"],
    [{ logo: "https://example.com/logo.png" }, "logo"],
    [{ logo: "data:image/png;base64," + "A".repeat(9_000) }, "logo"],
    [{ favicon: SVG.replace("PHN2Z", "PHN2a") }, "favicon"],
    [{ description: "d".repeat(301) }, "description"],
  ];
  for (const [input, field] of cases) {
    await assert.rejects(publish(site, (s, ctx) => setPageSettings(s, input, ctx), opts), (err) => err instanceof PublishError && err.field === field, JSON.stringify(input).slice(0, 80));
  }
  assert.equal(read(site, "index.html"), before);
});
