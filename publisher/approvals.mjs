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
const digest = (command) => createHash("sha256").update(command).digest("hex");

/** @returns {string[]} */
function approved() {
  try {
    return existsSync(file()) ? JSON.parse(readFileSync(file(), "utf8")) : [];
  } catch {
    return [];
  }
}

/** @param {string} command */
export const isApproved = (command) => approved().includes(digest(command));

/** @param {string} command */
export function approve(command) {
  mkdirSync(dirname(file()), { recursive: true, mode: 0o700 });
  writeFileSync(file(), JSON.stringify([...new Set([...approved(), digest(command)])]), { mode: 0o600 });
}
