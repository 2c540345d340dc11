// Shared by the CLI's tests: a bare folder with only publisher/ and a published site, and a way to run the CLI in it.
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createSite } from "./publish.mjs";
import { fixtureState } from "./fixture.mjs";

/** A bare folder with only publisher/ and a published site in it: no node_modules, no app, no database. */
export async function bare(state = fixtureState()) {
  const dir = mkdtempSync(join(tmpdir(), "sitrep-cli-"));
  test.after(() => rmSync(dir, { recursive: true, force: true }));
  cpSync(import.meta.dirname, join(dir, "publisher"), { recursive: true, filter: (src) => !src.endsWith(".test.mjs") && !src.endsWith(".helper.mjs") });
  await createSite(join(dir, "site"), state, []);
  assert.equal(existsSync(join(dir, "node_modules")), false);
  return dir;
}

/** Runs the CLI of a bare folder on its site, as operator "tester" unless told otherwise. */
export function cli(dir, args, input = "", env = {}) {
  const r = spawnSync(process.execPath, [join(dir, "publisher", "cli.mjs"), "--site", join(dir, "site"), ...args], { input, encoding: "utf8", cwd: dir, env: { ...process.env, SITREP_OPERATOR: "tester", ...env }, timeout: 30_000 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

export const state = (dir, site = "site") => JSON.parse(readFileSync(join(dir, site, "state.json"), "utf8"));

/** A first-timer who follows each step of the first-timer drill exactly, confirming each publish (tests and the bench). */
export const FIRST_TIMER = [
  'post --name "API and website down" --status investigating --component api=major --component web=partial --message "The API and the website are failing; we are investigating."', "y",
  'banner --text "The API is down; updates below." --level warning', "y",
  'post --incident latest --status identified --message "A bad deploy; rolling back."', "y",
  'resolve --incident latest --message "Everything works again."', "y",
  "banner --clear", "y",
];

