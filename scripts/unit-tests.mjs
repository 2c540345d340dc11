// Runs every *.test.ts / *.test.mjs under lib/, db/, publisher/ and tests/ with node's test runner
// (Node 20's --test does not expand glob patterns itself).
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";

function find(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return e.name === "node_modules" ? [] : find(path);
    return /\.test\.(ts|mjs)$/.test(e.name) ? [path] : [];
  });
}

const files = ["lib", "db", "publisher", "tests"].flatMap(find).sort();
const tsx = join("node_modules", "tsx", "dist", "cli.mjs");
const result = spawnSync(process.execPath, [tsx, "--test", ...files], { stdio: "inherit" });
process.exit(result.status ?? 1);
