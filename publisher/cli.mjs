#!/usr/bin/env node
// @ts-check
// The backup publisher: `node publisher/cli.mjs --help`. Needs only Node; no install, database or network.
import { existsSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import { parseArgs } from "./cli-args.mjs";
import { terminal } from "./cli-io.mjs";
import { explainFailure } from "./errors.mjs";
import { siteLayout } from "./site.mjs";
import { RUNBOOK } from "./runbook.mjs";
import * as commands from "./cli-commands.mjs";

async function main() {
  const { command, flags } = parseArgs(process.argv.slice(2));
  if (flags.help || command === "help") {
    process.stdout.write(RUNBOOK);
    return 0;
  }
  const site = resolve(String(flags.site ?? process.env.SITREP_SITE_DIR ?? resolve(process.env.SITREP_DATA_DIR ?? "data", "site")));
  const configFile = siteLayout(site).config;
  const config = existsSync(configFile) ? JSON.parse(readFileSync(configFile, "utf8")) : {};
  const operator = String(flags.operator ?? config.operator ?? process.env.SITREP_OPERATOR ?? process.env.USER ?? "unknown operator");
  const io = terminal();
  const ctx = { site, flags, io, operator, config };
  try {
    switch (command) {
      // Loaded only when used, so a one-line publish starts as fast as it can.
      case null: return await (await import("./cli-guided.mjs")).guided(ctx);
      case "status": return commands.status(ctx);
      case "components": return await (await import("./cli-components.mjs")).components(ctx);
      case "post": return await commands.post(ctx);
      case "resolve": return await commands.resolve(ctx);
      case "banner": return await commands.banner(ctx);
      case "maintenance": return await commands.maintenanceCommand(ctx);
      case "undo": return await commands.undo(ctx);
      case "keygen": return await commands.keygen(ctx);
      case "drill": return await (await import("./cli-drill.mjs")).drill(ctx);
      default:
        process.stderr.write(`sitrep: unknown command "${command}"; run with --help for the runbook\n`);
        return 2;
    }
  } catch (err) {
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
