import { cpSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { measure, run, stop, timeToFirst200 } from "./lib.mjs";

/** Clean install, build and start-up, measured in a fresh copy of the tracked files. */
export async function startupRows({ installRuns = 1, buildRuns = 3, startRuns = 5 } = {}) {
  const root = process.cwd();
  const copy = mkdtempSync(join(tmpdir(), "sitrep-bench-"));
  try {
    for (const file of run("git", ["ls-files"], { cwd: root }).split("\n").filter(Boolean)) {
      cpSync(join(root, file), join(copy, file));
    }
    const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };
    if (!env.npm_config_nodedir && process.platform === "linux") env.npm_config_nodedir = "/usr";
    const install = await measure(installRuns, () => {
      rmSync(join(copy, "node_modules"), { recursive: true, force: true });
      run("npm", ["install", "--no-audit", "--no-fund"], { cwd: copy, env });
    });
    const build = await measure(buildRuns, () => {
      rmSync(join(copy, ".next"), { recursive: true, force: true });
      run(process.execPath, ["node_modules/next/dist/bin/next", "build"], { cwd: copy, env });
    });
    const port = 3290;
    const startOnce = async (dataDir) => {
      const { ms, child } = await timeToFirst200(process.execPath, ["scripts/start.mjs"], {
        cwd: copy, env: { ...env, PORT: String(port), SITREP_DATA_DIR: dataDir, SITREP_ADMIN_PASSWORD: "bench-password" },
      }, `http://127.0.0.1:${port}/signin`);
      await stop(child);
      return ms;
    };
    const fresh = await measure(startRuns, (i) => startOnce(join(copy, `data-fresh-${i}`)));
    const warm = await measure(startRuns, () => startOnce(join(copy, "data-existing")));
    return [
      { name: "clean install (npm cache warm)", unit: "ms", ...install },
      { name: "next build", unit: "ms", ...build },
      { name: "npm start (built) to first 200, fresh data dir", unit: "ms", ...fresh },
      { name: "npm start (built) to first 200, existing data", unit: "ms", ...warm },
    ];
  } finally {
    rmSync(copy, { recursive: true, force: true });
  }
}
