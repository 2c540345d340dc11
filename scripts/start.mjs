import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { join, resolve } from "node:path";
import { buildIfNeeded } from "./build-if-needed.mjs";

buildIfNeeded();

const host = process.env.HOST || "127.0.0.1";
const port = process.env.PORT || "3000";
const url = `http://${host === "0.0.0.0" ? "localhost" : host}:${port}`;
const dataDir = resolve(process.env.SITREP_DATA_DIR || "data");
const fresh = !existsSync(join(dataDir, "sitrep.db"));

console.log(`\nSitrep: ${url}  (data in ${dataDir})`);
if (!fresh) {
  console.log(`Sign in as ${process.env.SITREP_ADMIN_EMAIL || "admin@localhost"} with the password printed when this data directory was created.`);
}

const child = spawn(process.execPath, [join("node_modules", "next", "dist", "bin", "next"), "start", "-H", host, "-p", port], {
  stdio: "inherit",
  env: { NEXTAUTH_URL: url, NEXT_TELEMETRY_DISABLED: "1", ...process.env, SITREP_DATA_DIR: dataDir },
});
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => child.kill(signal));
child.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
