import { expect, test } from "@playwright/test";
import { signIn } from "./fixtures";

// The workbench stays light: mermaid comes only with a diagram in view, and the list does not fetch every route.
test("the Kinesis postmortem draws its diagrams only once they scroll into view; the incident list prefetches nothing", async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await signIn(page);
  const prefetches: string[] = [];
  page.on("request", (r) => {
    if (r.headers()["next-router-prefetch"] || /[?&]_rsc=/.test(r.url())) prefetches.push(r.url());
  });
  await page.goto("/incidents");
  await page.waitForLoadState("networkidle");
  await page.waitForTimeout(1_000);
  expect(prefetches).toEqual([]);

  await page.goto("/incidents/kinesis-2020-11-25");
  await page.waitForLoadState("networkidle");
  const diagram = page.locator(".diagram-svg").first();
  await expect(diagram).not.toBeInViewport();
  await page.waitForTimeout(1_000);
  await expect(page.locator('.diagram-svg[data-rendered="true"]')).toHaveCount(0);
  await diagram.scrollIntoViewIfNeeded();
  await expect(diagram).toHaveAttribute("data-rendered", "true", { timeout: 15_000 });
});
