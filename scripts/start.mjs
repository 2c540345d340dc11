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

process.env.NEXTAUTH_URL ||= url;
process.env.NEXT_TELEMETRY_DISABLED ||= "1";
process.env.SITREP_DATA_DIR = dataDir;
const site = resolve(process.env.SITREP_SITE_DIR || join(dataDir, "site"));

// One process: the front answers the public site from memory and hands every other request to Next.
const { startFront } = await import("../server/front/server.mjs");
const front = await startFront({ dir: process.cwd(), host, port: Number(port), site });
for (const signal of ["SIGINT", "SIGTERM"]) {
  process.on(signal, () => {
    setTimeout(() => process.exit(0), 3_000).unref();
    front.close().then(() => process.exit(0));
  });
}
