// Runs every *.test.ts / *.test.mjs beside the code, in every folder of the project (end-to-end specs in
// e2e/ are Playwright's), with node's test runner (Node 20's --test does not expand glob patterns itself).
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";

const SKIP = new Set(["node_modules", ".next", ".git", "e2e", "data", ".e2e-data", "test-results", "playwright-report", ".scratch"]);

function find(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return SKIP.has(e.name) ? [] : find(path);
    return /\.test\.(ts|tsx|mjs)$/.test(e.name) ? [path] : [];
  });
}

const files = find(".").sort();
const tsx = join("node_modules", "tsx", "dist", "cli.mjs");
const result = spawnSync(process.execPath, [tsx, "--test", ...files], { stdio: "inherit" });
process.exit(result.status ?? 1);
