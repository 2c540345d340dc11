#!/usr/bin/env node
// @ts-check
// Sends the live site to the targets in site.d/config.json, in its own process, so a publish from the
// app neither waits for them nor shares its event loop with their copying. Used by server/publish-targets.ts.
import { readSiteConfig, runTargets } from "./targets.mjs";
import { commandDigest, isApprovedForApp } from "./approvals.mjs";

const site = process.argv[2];
if (!site) {
  process.stderr.write("usage: node publisher/targets-run.mjs SITE\n");
  process.exit(2);
}
const { config, problems } = readSiteConfig(site);
for (const p of problems) process.stderr.write(`${p}\n`);
const results = await runTargets(site, config, {
  origin: "app",
  mayRun: (command) => isApprovedForApp(command) || `not run: the app runs an after-command only once approved in its environment (SITREP_APPROVED_COMMANDS=${commandDigest(command)})`,
});
for (const r of results) if (!r.ok) process.stderr.write(`publish target ${r.target} failed: ${r.detail}\n`);
process.exit(results.some((r) => !r.ok) || problems.length ? 4 : 0);
