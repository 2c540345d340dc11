import "server-only";
import { spawn } from "node:child_process";
import { join } from "node:path";
import { readSiteConfig } from "@/publisher/targets.mjs";
import { siteDir } from "./site-config";

let running = false;
let again = false;

/**
 * Sends the live site to the configured targets from a separate process (publisher/targets-run.mjs):
 * the publish has already answered, and copying to mirrors or uploading never holds this process,
 * which also serves the public site. Results go to site.d/targets/log.jsonl, shown in Settings.
 * Publishes that come while a send runs are folded into one more send of the newest release.
 */
export function sendToTargets(): void {
  if (running) {
    again = true;
    return;
  }
  const site = siteDir();
  const { config } = readSiteConfig(site);
  if (!config.mirrors?.length && !config.bucket && !config.after) return;
  running = true;
  again = false;
  const child = spawn(process.execPath, [join(/*turbopackIgnore: true*/ process.cwd(), "publisher", "targets-run.mjs"), site], { stdio: ["ignore", "ignore", "pipe"] });
  let errors = "", finished = false;
  child.stderr.on("data", (c: Buffer) => { errors = (errors + c.toString("utf8")).slice(-4000); });
  const done = () => {
    if (finished) return;
    finished = true;
    running = false;
    if (errors.trim()) console.warn(`Sitrep: publish targets: ${errors.trim()}`);
    if (again) sendToTargets();
  };
  child.on("error", (err) => { errors += err.message; done(); });
  child.on("close", done);
}
