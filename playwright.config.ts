import { defineConfig } from "@playwright/test";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { CHROMIUM_ARGS, findChromium } from "./e2e/browser";

// Decided once in the main process; workers inherit these through the environment.
process.env.CHROMIUM_PATH ||= findChromium();
process.env.SITREP_E2E_DATA_DIR ||= mkdtempSync(join(tmpdir(), "sitrep-e2e-"));
process.env.SITREP_E2E_PORT ||= "3217";
process.env.SITREP_E2E_SMTP_PORT ||= "3218"; // e2e/subscribers.spec.ts listens here with a real SMTP server
const baseURL = `http://127.0.0.1:${process.env.SITREP_E2E_PORT}`;

export default defineConfig({
  testDir: "e2e",
  timeout: 60_000,
  workers: 1,
  reporter: process.env.CI ? [["list"]] : [["list"]],
  use: {
    baseURL,
    launchOptions: { executablePath: process.env.CHROMIUM_PATH, args: CHROMIUM_ARGS },
    trace: "off",
  },
  // The public-site scan reads every file the whole run published, so it runs after everything else.
  projects: [
    { name: "all", testIgnore: /public-site-scan\.spec\.ts/ },
    { name: "public-site-scan", testMatch: /public-site-scan\.spec\.ts/, dependencies: ["all"] },
  ],
  webServer: {
    command: "node scripts/start.mjs",
    url: `${baseURL}/signin`,
    timeout: 120_000,
    reuseExistingServer: false,
    stdout: "pipe",
    env: {
      SITREP_DATA_DIR: process.env.SITREP_E2E_DATA_DIR,
      SITREP_ADMIN_PASSWORD: "e2e-admin-password", // matches ADMIN in e2e/fixtures.ts
      PORT: process.env.SITREP_E2E_PORT,
      HOST: "127.0.0.1",
      NEXTAUTH_URL: baseURL,
      SITREP_ALLOW_PRIVATE_WEBHOOKS: "1", // the tests' webhook receivers listen on 127.0.0.1
      SITREP_SMTP_URL: `smtp://127.0.0.1:${process.env.SITREP_E2E_SMTP_PORT}`,
      SITREP_SMTP_FROM: "status@example.com",
    },
  },
});
