import "server-only";
import { createHash } from "node:crypto";
import { readSiteConfig, runTargets } from "@/publisher/targets.mjs";
import { siteDir } from "./site-config";

/**
 * The digests of after-commands this app may run, from its own environment. A command in
 * site.d/config.json can be written by anyone who can write the site's folder (the backup CLI's
 * operators, a restored backup); only whoever configures the app's environment can approve it here.
 */
function approvedDigests(): Set<string> {
  return new Set((process.env.SITREP_APPROVED_COMMANDS ?? "").split(/[\s,]+/).filter(Boolean));
}

export const commandDigest = (command: string) => createHash("sha256").update(command).digest("hex");

export function mayRun(command: string): true | string {
  if (approvedDigests().has(commandDigest(command))) return true;
  return `not run: the app runs an after-command only once approved in its environment (SITREP_APPROVED_COMMANDS=${commandDigest(command)})`;
}

let running: Promise<void> | null = null;
let again = false;

/**
 * Sends the live site to the configured targets in the background: the publish has already answered,
 * and a slow or failing target only leaves a result for admins (Settings) in site.d/targets/log.jsonl.
 * Publishes that come while targets run are folded into one more run, which sends the newest release.
 */
export function sendToTargets(): void {
  if (running) {
    again = true;
    return;
  }
  running = (async () => {
    do {
      again = false;
      const site = siteDir();
      const { config, problems } = readSiteConfig(site);
      if (problems.length) console.warn(`Sitrep: publish targets: ${problems.join("; ")}`);
      if (!config.mirrors?.length && !config.bucket && !config.after) continue;
      const results = await runTargets(site, config, { origin: "app", mayRun });
      for (const r of results) if (!r.ok) console.warn(`Sitrep: publish target ${r.target} failed: ${r.detail}`);
    } while (again);
  })().catch((err) => console.warn(`Sitrep: publish targets could not run: ${(err as Error).message}`)).finally(() => {
    running = null;
  });
}
