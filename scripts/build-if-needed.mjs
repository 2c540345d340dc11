import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";

const SOURCES = ["app", "components", "lib", "db", "server", "publisher", "auth.ts", "instrumentation.ts", "next.config.js", "package.json", "tsconfig.json"];

/** The front (server/front) runs beside Next, not inside its build. */
const NOT_BUILT = new Set([join("server", "front")]);

function newestMtime(path) {
  if (!existsSync(path) || [...NOT_BUILT].some((n) => path.endsWith(n))) return 0;
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = 0;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)));
  return newest;
}

/** Runs `next build` when there is no build yet or a source file changed after the last one. */
export function buildIfNeeded(root = process.cwd()) {
  const marker = join(root, ".next", "BUILD_ID");
  const builtAt = existsSync(marker) ? statSync(marker).mtimeMs : 0;
  const changed = Math.max(...SOURCES.map((s) => newestMtime(join(root, s))));
  if (builtAt && builtAt >= changed) return false;
  console.log(builtAt ? "Sources changed since the last build; building…" : "No build yet; building (about a minute)…");
  const result = spawnSync(process.execPath, [join(root, "node_modules", "next", "dist", "bin", "next"), "build"], {
    cwd: root,
    stdio: "inherit",
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
  });
  if (result.status !== 0) {
    console.error("The build failed; see the messages above.");
    process.exit(result.status ?? 1);
  }
  return true;
}
