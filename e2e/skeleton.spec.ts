import { expect, test } from "@playwright/test";
import { ADMIN, signIn } from "./fixtures";

test("signed out, the workbench redirects to sign-in and the JSON API answers 401", async ({ page, request }) => {
  await page.goto("/incidents");
  await expect(page).toHaveURL(/\/signin\?callbackUrl=%2Fincidents$/);
  const api = await request.get("/api/incidents");
  expect(api.status()).toBe(401);
  const one = await request.get("/api/incidents/kinesis-2020-11-25");
  expect(one.status()).toBe(401);
});

test("wrong credentials get a clear message and no session", async ({ page }) => {
  await page.goto("/signin");
  await expect(page.getByLabel("Email"), "ready to type into as soon as the page is usable").toBeFocused();
  await page.getByLabel("Email").fill(ADMIN.email);
  await page.getByLabel("Password").fill("not-the-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("alert").filter({ hasText: /\S/ })).toHaveText("Wrong email or password.");
  await page.goto("/incidents");
  await expect(page).toHaveURL(/\/signin/);
});

test.describe("before the page's script has run", () => {
  test.use({ javaScriptEnabled: false });
  test("forms are inert, so a password can never be submitted in a URL", async ({ page }) => {
    await page.goto("/signin");
    await expect(page.getByLabel("Password")).toBeDisabled();
    await expect(page.getByRole("button", { name: "Sign in" })).toBeDisabled();
  });
});

test("the admin opens the Kinesis postmortem and finds the root-cause event in Pacific time and in UTC", async ({ page }) => {
  await signIn(page);
  await page.getByRole("link", { name: "Kinesis Data Streams outage in us-east-1" }).click();
  await expect(page).toHaveURL(/\/incidents\/kinesis-2020-11-25$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Kinesis Data Streams outage in us-east-1");

  const causes = page.getByRole("region", { name: "Causes" });
  await expect(causes.getByRole("region", { name: "Trigger" })).toContainText("small addition of capacity");
  await expect(causes.getByRole("region", { name: "Root causes" })).toContainText("maximum thread count");
  await expect(causes.getByRole("region", { name: "Contributing factors" })).toContainText("best effort");

  await expect(page.locator('[data-metric="identify"]')).toContainText("4h 24m");
  await expect(page.locator('[data-metric="identify"]')).toContainText("Detected → Root cause identified");

  const rootCause = page.locator(".timeline li", { hasText: "Root cause confirmed" });
  await expect(rootCause.locator("time")).toContainText("09:39");
  await expect(rootCause.locator("time")).toContainText("PST");
  await page.getByLabel("UTC", { exact: true }).check();
  await expect(rootCause.locator("time")).toContainText("17:39");
  await expect(rootCause.locator("time")).toContainText("UTC");
});

test("signed in, the JSON API returns the structured postmortem", async ({ page }) => {
  await signIn(page);
  const list = await page.request.get("/api/incidents");
  expect(list.status()).toBe(200);
  expect((await list.json()).incidents.map((i: { slug: string }) => i.slug)).toContain("kinesis-2020-11-25");
  const res = await page.request.get("/api/incidents/kinesis-2020-11-25");
  const pm = await res.json();
  expect(pm.timeZone).toBe("America/Los_Angeles");
  expect(pm.milestones.identified).toBe("2020-11-25T17:39:00.000Z");
  expect(pm.causes.filter((c: { kind: string }) => c.kind === "trigger")).toHaveLength(1);
  expect(pm.metrics.find((m: { key: string }) => m.key === "resolve")).toMatchObject({ ok: true, from: "impact_start", to: "resolved" });
  const missing = await page.request.get("/api/incidents/no-such-incident");
  expect(missing.status()).toBe(404);
});
