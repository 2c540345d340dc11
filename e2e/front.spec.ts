import { expect, test } from "@playwright/test";
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { signIn } from "./fixtures";

// npm start answers the public site from a front in front of Next: prepared encodings, one release at a time.
test("the public site comes from the front: brotli, a script-free CSP, CORS on the API only, and a CLI publish shows within a second", async ({ request }) => {
  const page = await request.get("/status/", { headers: { "accept-encoding": "br" } });
  expect(page.status()).toBe(200);
  const h = page.headers();
  expect(h["content-encoding"]).toBe("br");
  expect(h.vary).toBe("Accept-Encoding");
  expect(h["cache-control"]).toBe("public, max-age=10, stale-while-revalidate=30");
  expect(h["content-security-policy"]).toContain("default-src 'none'");
  expect(h["content-security-policy"]).not.toContain("script");
  expect(h["x-frame-options"]).toBe("DENY");
  expect(h["access-control-allow-origin"]).toBeUndefined();
  const api = await request.get("/api/v2/summary.json");
  expect(api.headers()["access-control-allow-origin"]).toBe("*");
  expect((await request.get("/status/api/v2/summary.json")).headers().etag).toBe(api.headers().etag);
  for (const path of ["/status/../sitrep.db", "/status/..%2Fsite.d%2Fjournal.jsonl", "/api/v2/..%2f..%2fsite.d/config.json", "/status/%2e%2e/site.d/journal-key.pem"]) {
    expect((await request.get(path)).status(), path).toBe(404);
  }

  // The backup CLI writes the site while the app runs; the front serves it within a second.
  const site = join(process.env.SITREP_E2E_DATA_DIR!, "site");
  const text = `Front check ${Date.now()}`;
  execFileSync(process.execPath, ["publisher/cli.mjs", "banner", "--site", site, "--level", "info", "--text", text, "--yes", "--operator", "e2e"], { env: { ...process.env, SITREP_CLI_HOME: join(process.env.SITREP_E2E_DATA_DIR!, "cli-home") } });
  const published = Date.now();
  await expect.poll(async () => (await request.get("/status/")).text(), { intervals: [50], timeout: 5_000 }).toContain(text);
  expect(Date.now() - published).toBeLessThan(1_000);
  execFileSync(process.execPath, ["publisher/cli.mjs", "banner", "--site", site, "--clear", "--yes", "--operator", "e2e"], { env: { ...process.env, SITREP_CLI_HOME: join(process.env.SITREP_E2E_DATA_DIR!, "cli-home") } });
});

test("an app publish reaches the mirrors in site.d/config.json in the background; admins see the result, a bad setting and an unapproved command", async ({ page }) => {
  const data = process.env.SITREP_E2E_DATA_DIR!;
  const config = join(data, "site.d", "config.json");
  const mirror = join(data, "front-mirror");
  writeFileSync(config, JSON.stringify({ mirrors: [mirror, join(config, "not-a-folder")], after: "echo hello", colour: "red" }));
  try {
    await signIn(page);
    const text = `Mirrored from the app ${Date.now()}`;
    const res = await page.request.put("/api/status/banner", { data: { level: "info", text } });
    expect(res.status(), await res.text()).toBe(200);
    await expect.poll(() => (existsSync(join(mirror, "index.html")) ? readFileSync(join(mirror, "index.html"), "utf8") : ""), { timeout: 10_000 }).toContain(text);
    await page.goto("/settings");
    const section = page.locator("section", { has: page.getByRole("heading", { name: "Public site: where it lives" }) });
    await expect(section).toContainText('unknown setting "colour"');
    await expect(section).toContainText(`Mirror folder: ${mirror}`);
    await expect(section).toContainText("not approved for this app: add");
    await expect(section.getByRole("row", { name: /front-mirror.*OK: up to date/ }).first()).toBeVisible();
    await expect(section.getByRole("row", { name: /not-a-folder.*FAILED: cannot write to/ }).first()).toBeVisible();
    await expect(section.getByRole("row", { name: /after-command echo hello.*FAILED: not run/ }).first()).toBeVisible();
    await expect(section).toContainText("Dashboard posting tool is on the status-publishing path but depends on Cognito");
    for (const width of [390, 1280]) {
      await page.setViewportSize({ width, height: 900 });
      await section.screenshot({ path: `test-results/settings-publishing-${width}.png` });
      const wider = await section.evaluate((el) => [...el.querySelectorAll("*")].filter((e) => e.getBoundingClientRect().right > window.innerWidth + 1 && !e.closest(".table-wrap")).map((e) => `${e.tagName}.${e.className}: ${e.textContent?.slice(0, 40)}`));
      expect(wider, `at ${width} px`).toEqual([]);
    }
  } finally {
    rmSync(config, { force: true });
  }
});
