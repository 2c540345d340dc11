import "server-only";
import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { join } from "node:path";
import { readSiteConfig } from "@/publisher/targets.mjs";
import { siteDir } from "./site-config";

/**
 * After-commands this app may run are approved in its own environment, by digest
 * (SITREP_APPROVED_COMMANDS). A command in site.d/config.json can be written by anyone who can write
 * the site's folder (the backup CLI's operators, a restored backup); only whoever configures the
 * app's environment, not a signed-in admin, can let the app run it.
 */
export const commandDigest = (command: string) => createHash("sha256").update(command).digest("hex");

export function isApprovedForApp(command: string): boolean {
  return new Set((process.env.SITREP_APPROVED_COMMANDS ?? "").split(/[\s,]+/).filter(Boolean)).has(commandDigest(command));
}

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
