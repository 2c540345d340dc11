#!/usr/bin/env node
// @ts-check
// The backup publisher: `node publisher/cli.mjs --help`. Needs only Node; no install, database or network.
import { resolve } from "node:path";
import { commandHelp, parseCommandLine, UsageError } from "./cli-args.mjs";
import { terminal } from "./cli-io.mjs";
import { explainFailure } from "./errors.mjs";
import { readSiteConfig } from "./targets.mjs";
import { RUNBOOK } from "./runbook.mjs";
import * as commands from "./cli-commands.mjs";

/** Commands that live in their own file, loaded only when used so a one-line publish starts fast. */
const LAZY = {
  edit: () => import("./cli-edit.mjs"),
  history: () => import("./cli-history.mjs"),
  rollback: () => import("./cli-history.mjs"),
  undo: () => import("./cli-history.mjs"),
  adopt: () => import("./cli-adopt.mjs"),
  drill: () => import("./cli-drill.mjs"),
};

async function main() {
  let parsed;
  try {
    parsed = parseCommandLine(process.argv.slice(2));
  } catch (err) {
    process.stderr.write(`sitrep: ${/** @type {Error} */ (err).message}\n`);
    return 2;
  }
  const { command, flags } = parsed;
  if (flags.help) {
    process.stdout.write(command ? commandHelp(command) : RUNBOOK);
    return 0;
  }
  const site = resolve(String(flags.site ?? process.env.SITREP_SITE_DIR ?? resolve(process.env.SITREP_DATA_DIR ?? "data", "site")));
  const { config, problems } = readSiteConfig(site);
  for (const problem of problems) process.stderr.write(`sitrep: warning: ${problem}\n`);
  const operator = flags.operator ?? config.operator ?? process.env.SITREP_OPERATOR ?? process.env.USER ?? "";
  const io = terminal();
  const ctx = { site, flags, io, operator: String(operator).trim(), config, problems };
  try {
    switch (command) {
      case null: return await (await import("./cli-guided.mjs")).guided(ctx);
      case "status": return commands.status(ctx);
      case "components": return await (await import("./cli-components.mjs")).components(ctx);
      case "post": return await commands.post(ctx);
      case "resolve": return await commands.resolve(ctx);
      case "banner": return await commands.banner(ctx);
      case "maintenance": return await commands.maintenanceCommand(ctx);
      case "keygen": return await commands.keygen(ctx);
      default: {
        const mod = /** @type {any} */ (await LAZY[/** @type {keyof typeof LAZY} */ (command)]());
        return await mod[command](ctx);
      }
    }
  } catch (err) {
    if (err instanceof UsageError) {
      process.stderr.write(`sitrep: ${err.message}\n`);
      return 2;
    }
    process.stderr.write(`sitrep: ${explainFailure(err, site).message}\n`);
    return 1;
  } finally {
    io.close();
  }
}

main().then((code) => process.exit(code), (err) => {
  process.stderr.write(`sitrep: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
