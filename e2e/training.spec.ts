import { expect, test } from "@playwright/test";
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { signIn } from "./fixtures";

test("a drill run with the CLI shows on the training page; a responder sees only their own record", async ({ browser, page }) => {
  const site = join(process.env.SITREP_E2E_DATA_DIR!, "site");
  const typed = [
    'post --name "Kinesis errors" --status investigating --message "We are investigating." --component kinesis-data-streams=major_outage --component cognito=major_outage', "y",
    'post --incident latest --status identified --message "Cause found."', "y",
    'resolve --incident latest --message "Recovered."', "y",
  ].join("\n") + "\n";
  const before = (await (await page.request.get("/status/index.html")).text());
  const r = spawnSync(process.execPath, ["publisher/cli.mjs", "drill", "--site", site, "--operator", "admin@localhost"], { input: typed, encoding: "utf8" });
  expect(r.status, r.stdout + r.stderr).toBe(0);
  expect(r.stdout).toMatch(/PASSED: admin@localhost/);
  expect(await (await page.request.get("/status/index.html")).text()).toBe(before);

  await signIn(page, undefined, "/training");
  const table = page.getByRole("region", { name: "Everyone" });
  const admin = table.getByRole("row", { name: /admin@localhost/ });
  await expect(admin).toContainText("passed");
  await expect(admin).not.toContainText("overdue");
  await expect(page.getByRole("region", { name: "Runbook" })).toContainText("node publisher/cli.mjs");
  const byScenario = page.getByRole("region", { name: "By scenario" }).getByRole("row", { name: /kinesis/ });
  await expect(byScenario).toContainText("1 of 1");
  await expect(byScenario).toContainText("admin@localhost");
  await expect(byScenario).toContainText("0 wrong turn(s)");

  expect((await page.request.post("/api/users", { data: { email: "responder@example.com", role: "responder", password: "responder-pass-1" } })).status()).toBe(201);
  const context = await browser.newContext();
  const responder = await context.newPage();
  await signIn(responder, { email: "responder@example.com", password: "responder-pass-1" }, "/training");
  const own = responder.getByRole("region", { name: "Your drills" });
  await expect(own.getByRole("row", { name: /responder@example\.com/ })).toContainText("overdue");
  await expect(own).not.toContainText("admin@localhost");
  await expect(responder.getByRole("region", { name: "Your results by scenario" })).toContainText("No drills yet.");
  await expect(responder.getByText(`drill --operator "responder@example.com"`)).toBeVisible();
});
