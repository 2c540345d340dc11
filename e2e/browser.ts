import { execFileSync, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { chromium } from "@playwright/test";

export const CHROMIUM_ARGS = [
  "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
  "--disable-background-networking", "--disable-component-update", "--disable-sync",
];

function playwrightManaged(): string | null {
  try {
    const path = chromium.executablePath();
    return path && existsSync(path) ? path : null;
  } catch {
    return null;
  }
}

/**
 * A Chromium to drive: CHROMIUM_PATH, then Debian's /usr/bin/chromium, then one Playwright manages.
 * As root with apt-get, installs Debian's chromium; otherwise stops and says what to install.
 * (Playwright's own browser download is never attempted: it cannot reach its host here.)
 */
export function findChromium(): string {
  const candidates = [process.env.CHROMIUM_PATH, "/usr/bin/chromium", playwrightManaged()];
  const found = candidates.find((p): p is string => Boolean(p && existsSync(p)));
  if (found) return found;
  const isRoot = process.getuid?.() === 0;
  const hasApt = spawnSync("sh", ["-c", "command -v apt-get"]).status === 0;
  if (isRoot && hasApt) {
    console.log("No Chromium found; installing Debian's chromium package (about 30 s)…");
    execFileSync("sh", ["-c", "apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium"], { stdio: "inherit" });
    if (existsSync("/usr/bin/chromium")) return "/usr/bin/chromium";
  }
  throw new Error(
    "No Chromium for the end-to-end tests. Install one (Debian/Ubuntu: `sudo apt-get install chromium`) " +
      "or set CHROMIUM_PATH to a Chromium or Chrome binary.",
  );
}
