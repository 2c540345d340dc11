import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { makeZip, makeTarGz } from "../lib/archive/make-archive";
import { signIn } from "./fixtures";

const corpus = (name: string) => readFileSync(join("lib", "markdown", "fixtures", "corpus", name), "utf8");

async function shoot(page: Page, name: string) {
  for (const width of [390, 1280]) {
    await page.setViewportSize({ width, height: 900 });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow, `${name} is wider than ${width} px`).toBeLessThanOrEqual(0);
    const outside = await page.evaluate(() => {
      const panel = document.querySelector(".panel")!.getBoundingClientRect();
      return [...document.querySelectorAll(".panel input, .panel textarea, .panel button, .panel table")]
        .filter((el) => el.getBoundingClientRect().right > panel.right + 0.5 && !el.closest(".table-wrap"))
        .map((el) => el.outerHTML.slice(0, 80));
    });
    expect(outside, `${name} at ${width} px: controls sticking out of the panel`).toEqual([]);
    await page.screenshot({ path: test.info().outputPath(`${name}-${width}.png`), fullPage: true });
  }
  await page.locator("details").evaluateAll((all) => all.forEach((d) => d.setAttribute("open", "")));
  const results = await new AxeBuilder({ page }).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`), name).toEqual([]);
}

test("paste a messy postmortem: the preview shows what was recognised and the report; saving needs a confirmation", async ({ page }) => {
  await signIn(page, undefined, "/incidents/import");
  await expect(page.getByRole("button", { name: "Preview" })).toBeEnabled();
  await shoot(page, "import-form");
  await page.getByLabel("Or paste one postmortem here").fill(corpus("29-messy.md"));
  await page.getByRole("button", { name: "Preview" }).click();

  const preview = page.getByRole("article", { name: /Preview of Incident: search API timeouts/ });
  await expect(preview).toContainText("Timeline (4 events)");
  await expect(preview).toContainText("p99 latency alerts for search-api.");
  await expect(preview.getByRole("row", { name: /Document rebalance windows per region carol 2024-03-15/ })).toBeVisible();
  await expect(preview).toContainText("Lessons (3)");
  await expect(preview.getByText("Milestones derived from the timeline")).toBeVisible();
  await expect(preview.locator(".milestones")).toContainText("Detected");
  await expect(preview).toContainText("SEV2");
  await expect(page.getByText("Nothing is saved yet")).toBeVisible();
  await shoot(page, "import-preview");

  // Nothing saved before the confirmation.
  expect((await page.request.get("/api/incidents")).ok()).toBe(true);
  const before = await (await page.request.get("/api/incidents")).json();
  expect(JSON.stringify(before)).not.toContain("search API timeouts");

  await page.getByRole("button", { name: "Save as a draft" }).click();
  const done = page.getByRole("status").filter({ hasText: "as a draft" });
  await expect(done).toContainText("Imported Incident: search API timeouts as a draft");
  await done.getByRole("link", { name: "Incident: search API timeouts" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("search API timeouts");
});

test("upload an archive with good and bad files: a report per file and a total, then save", async ({ page }) => {
  await signIn(page, undefined, "/incidents/import");
  const zip = makeZip([
    { name: "2018/mirror.md", data: corpus("04-dated-heading-per-event.md") },
    { name: "2022/storage.md", data: corpus("07-table-timeline.md") },
    { name: "../../escape.md", data: "# nope" },
    { name: "binary.md", data: Buffer.from([0, 1, 2, 3]) },
    { name: "bomb.md", data: Buffer.alloc(20_000_000) },
  ]);
  await page.getByLabel(/Files: Markdown/).setInputFiles([
    { name: "archive.zip", mimeType: "application/zip", buffer: zip },
    { name: "notes.tar.gz", mimeType: "application/gzip", buffer: makeTarGz([{ name: "dns.md", data: corpus("17-date-in-title.md") }]) },
  ]);
  await page.getByRole("button", { name: "Preview" }).click();
  const summary = page.getByRole("status").filter({ hasText: "files:" });
  await expect(summary).toContainText("6 files: 3 can be imported (3 new, 0 updated), 3 not importable, 0 skipped.");
  await expect(page.getByRole("row", { name: /escape\.md .*path leaves the archive/ })).toBeVisible();
  await expect(page.getByRole("row", { name: /bomb\.md .*larger than 1 MB when unpacked/ })).toBeVisible();
  await expect(page.getByRole("row", { name: /mirror\.md will create Mirror sync failure/ })).toBeVisible();
  await shoot(page, "import-batch-report");

  await page.getByRole("button", { name: "Save 3 postmortems" }).click();
  await expect(page.getByRole("status").filter({ hasText: "files:" })).toContainText("3 imported (3 new, 0 updated)");
  await expect(page.getByRole("link", { name: "Object storage 503s" })).toBeVisible();

  // The same archive again updates instead of duplicating.
  await page.getByRole("button", { name: "Import more" }).click();
  await page.getByLabel(/Files: Markdown/).setInputFiles([{ name: "archive.zip", mimeType: "application/zip", buffer: zip }]);
  await page.getByRole("button", { name: "Preview" }).click();
  await expect(page.getByRole("row", { name: /mirror\.md will update/ })).toBeVisible();
});

test("the import API: preview saves nothing, a named file imported again is updated, batches take archives as the body", async ({ page }) => {
  await signIn(page);
  const md = corpus("01-list-utc.md");
  const preview = await page.request.post("/api/incidents/import?preview=1&name=team/checkout.md", { data: md, headers: { "content-type": "text/markdown" } });
  expect(preview.status()).toBe(200);
  const report = (await preview.json()).preview;
  expect(report.action).toBe("create");
  expect(report.postmortem.timeline).toHaveLength(5);
  expect(report.derived.map((d: { milestone: string }) => d.milestone)).toContain("mitigated");
  expect((await page.request.get(`/api/incidents/${report.slug}`)).status()).toBe(404);

  const created = await page.request.post("/api/incidents/import?name=team/checkout.md", { data: md, headers: { "content-type": "text/markdown" } });
  expect(created.status()).toBe(201);
  const again = await page.request.post("/api/incidents/import?name=team/checkout.md", { data: md.replace("Checkout latency spike", "Checkout latency spike (revised)"), headers: { "content-type": "text/markdown" } });
  expect(again.status()).toBe(200);
  const updated = await again.json();
  expect(updated.action).toBe("update");
  expect(updated.incident.slug).toBe(report.slug);
  expect(updated.incident.title).toBe("Checkout latency spike (revised)");

  const archive = await page.request.post("/api/incidents/import?preview=1&name=pm.tgz", {
    data: makeTarGz([{ name: "a.md", data: md }, { name: "b.md", data: Buffer.from([0xc3, 0x28]) }]), headers: { "content-type": "application/gzip" },
  });
  const batch = await archive.json();
  expect(batch.total).toEqual({ files: 2, imported: 1, created: 1, updated: 0, failed: 1, skipped: 0 });
  expect(batch.files[1].error).toMatch(/not valid UTF-8/);

  const huge = await page.request.post("/api/incidents/import", { multipart: { files: { name: "huge.md", mimeType: "text/markdown", buffer: Buffer.alloc(20_000_000, 65) } } });
  expect(huge.status()).toBe(200);
  expect((await huge.json()).files[0].error).toMatch(/larger than 1 MB \(20\.0 MB\)/);

  const tooBig = await page.request.post("/api/incidents/import", { data: Buffer.alloc(51_000_000), headers: { "content-type": "application/zip" } });
  expect(tooBig.status()).toBe(413);
  const badQuery = await page.request.post("/api/incidents/import?preview=maybe", { data: md, headers: { "content-type": "text/markdown" } });
  expect((await badQuery.json()).problems[0]).toBe("preview: must be 1 or 0");
});
