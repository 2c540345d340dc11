// @ts-check
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { homedir } from "node:os";
import { dirname, join } from "node:path";

/**
 * Commands found in a site's config.json run only once the operator has approved them on this
 * machine: whoever can write the site's folder must not be able to run commands as the operator.
 * Approvals live in the operator's own configuration ($SITREP_CLI_HOME, else ~/.config/sitrep).
 */
const file = () => join(process.env.SITREP_CLI_HOME ?? join(homedir(), ".config", "sitrep"), "approved-commands.json");
/** @param {string} command */
export const commandDigest = (command) => createHash("sha256").update(command).digest("hex");

/**
 * The app runs a command only if whoever configures its environment approved it by digest
 * (SITREP_APPROVED_COMMANDS), not a signed-in admin: anyone who can write the site's folder can put one there.
 * @param {string} command @param {NodeJS.ProcessEnv} [env]
 */
export const isApprovedForApp = (command, env = process.env) =>
  new Set((env.SITREP_APPROVED_COMMANDS ?? "").split(/[\s,]+/).filter(Boolean)).has(commandDigest(command));

/** @returns {string[]} */
function approved() {
  try {
    return existsSync(file()) ? JSON.parse(readFileSync(file(), "utf8")) : [];
  } catch {
    return [];
  }
}

/** @param {string} command */
export const isApproved = (command) => approved().includes(commandDigest(command));

/** @param {string} command */
export function approve(command) {
  mkdirSync(dirname(file()), { recursive: true, mode: 0o700 });
  writeFileSync(file(), JSON.stringify([...new Set([...approved(), commandDigest(command)])]), { mode: 0o600 });
}
