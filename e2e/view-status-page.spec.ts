import { expect, test } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";
import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { publishCustomerVersion } from "./customer-version";
import { signIn } from "./fixtures";

// Runs after the other status specs (file order), which expect the seeded page's name and link the Kinesis postmortem.

const SVG_LOGO = "data:image/svg+xml;base64," + Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 16"><rect width="64" height="16" rx="3" fill="#0a7b55"/></svg>').toString("base64");

/** Every kind of public page: index, incident, history index and page, postmortem. */
async function publicPages(request: import("@playwright/test").APIRequestContext): Promise<string[]> {
  const incidents = (await (await request.get("/api/v2/incidents.json")).json()).incidents as { id: string; postmortem_url: string | null }[];
  const withPm = incidents.find((i) => i.postmortem_url?.includes("/postmortems/"));
  return ["/status/", `/status/incidents/${incidents[0].id}.html`, "/status/history/index.html", "/status/history/page-0.html",
    ...(withPm ? [new URL(withPm.postmortem_url!).pathname] : [])];
}

test("an admin sets the page's name, links, zone, logo and accent; bad settings are refused by field and change nothing", async ({ page, request }) => {
  await signIn(page, undefined, "/settings");
  const before = await (await request.get("/status/index.html")).text();
  const bad = async (data: unknown, pattern: RegExp) => {
    const res = await page.request.put("/api/status/page", { data });
    expect(res.status()).toBeGreaterThanOrEqual(400);
    expect(res.status()).toBeLessThan(500);
    expect((await res.json()).problems.join("; ")).toMatch(pattern);
  };
  await bad({ support_url: "javascript:alert(1)" }, /^support_url: only http and https/);
  await bad({ logo: "data:text/html;base64,PGgxPg==" }, /^logo: text\/html is not one of PNG, SVG, JPEG or WebP/);
  await bad({ logo: "data:image/png;base64," + "A".repeat(12_000) }, /^logo: the image is \d+ characters/);
  await bad({ accent: "red" }, /^accent:/);
  await bad({ time_zone: "Mars/Olympus" }, /^time_zone:/);
  await bad({ name: "" }, /^name:/);
  expect(await (await request.get("/status/index.html")).text()).toBe(before);
  expect((await page.request.get("/api/status/page")).status()).toBe(200);
  expect((await request.get("/api/status/page")).status()).toBe(401);

  const form = page.getByRole("form", { name: "Status page settings" });
  await form.getByLabel("Page name").fill("Acme Cloud");
  await form.getByLabel("Short description").fill("Payments and storage for Acme shops.");
  await form.getByLabel("Support link").fill("https://acme.test/support");
  await form.getByLabel("Time zone (e.g. Europe/Berlin)").fill("Europe/Berlin");
  await form.getByRole("button", { name: "Save and publish" }).click();
  await expect(page.getByRole("status").filter({ hasText: 'Published: set name to "Acme Cloud"' })).toBeVisible();
  const logo = await page.request.put("/api/status/page", { data: { logo: SVG_LOGO, accent: "#0a7b55" } });
  expect(logo.status()).toBe(200);

  const summary = await (await request.get("/api/v2/summary.json")).json();
  expect(summary.page).toMatchObject({ name: "Acme Cloud", time_zone: "Europe/Berlin" });
  expect(summary.page.id).toMatch(/^[a-z0-9]{12}$/);
  const index = await (await request.get("/status/")).text();
  expect(index).toContain("Payments and storage for Acme shops.");
  expect(index).toContain('href="https://acme.test/support"');
  expect(index).toContain(SVG_LOGO);
  expect((await request.get("/status/favicon.ico")).status()).toBe(200);
  // Leave the page as the seed made it, for any spec that runs later.
  const restored = await page.request.put("/api/status/page", { data: { name: "Example Cloud", time_zone: "America/Los_Angeles", description: "", support_url: "", logo: "", accent: "" } });
  expect(restored.status()).toBe(200);
});

test("every public page kind: 0 Nu checker errors, 0 axe violations at 1280 and 390 px, nothing wider than the screen", async ({ page, request }) => {
  test.setTimeout(180_000);
  await signIn(page, undefined, "/publish");
  const all = (await (await request.get("/api/v2/incidents.json")).json()).incidents as { id: string; name: string; status: string }[];
  const kinesis = all.find((i) => i.name.startsWith("Increased error rates for Kinesis"))!;
  if (kinesis.status !== "postmortem") {
    const linked = await publishCustomerVersion(page.request, "kinesis-2020-11-25", kinesis.id);
    expect(linked.status()).toBeLessThan(300);
  }
  const pages = await publicPages(request);
  expect(pages.length).toBe(5);
  const dir = mkdtempSync(join(tmpdir(), "sitrep-vnu-"));
  const files = await Promise.all(pages.map(async (p, n) => {
    const file = join(dir, `page-${n}.html`);
    writeFileSync(file, await (await request.get(p)).text());
    return file;
  }));
  const jar = join(process.cwd(), "node_modules", "vnu-jar", "build", "dist", "vnu.jar");
  let report = "";
  try {
    execFileSync("java", ["-jar", jar, "--errors-only", "--format", "json", ...files], { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"], timeout: 120_000 });
  } catch (err) {
    report = String((err as { stderr?: string }).stderr ?? err);
  }
  const messages = report ? (JSON.parse(report).messages as { url: string; message: string; type: string }[]).filter((m) => m.type === "error") : [];
  expect(messages.map((m) => `${pages[files.findIndex((f) => m.url.endsWith(f.split("/").pop()!))]}: ${m.message}`)).toEqual([]);

  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: 900 });
    for (const p of pages) {
      await page.goto(p);
      const results = await new AxeBuilder({ page }).analyze();
      expect(results.violations.map((v) => `${v.id}: ${v.help}`), `${p} at ${width}`).toEqual([]);
      // The postmortem page's wide tables are made to scroll by issue 15 (its CSS is that branch's); checked there.
      if (p.includes("/postmortems/")) continue;
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow, `${p} at ${width} px is wider than the screen`).toBeLessThanOrEqual(0);
    }
  }
});
