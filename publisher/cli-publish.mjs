// @ts-check
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { UsageError } from "./cli-args.mjs";
import { customerView, differences } from "./cli-words.mjs";
import { dryRun, findIncident, publish } from "./publish.mjs";
import { siteLayout } from "./site.mjs";

/** @typedef {import("./publish.mjs").Operation} Operation @typedef {import("./cli-io.mjs").Terminal} Terminal */

/** What a change will say to customers, line by line, before anyone confirms it. */
/** @param {string} site @param {Operation} op @param {string} operator */
export function describe(site, op, operator) {
  const { before, change } = dryRun(site, op, { author: operator, origin: "backup" });
  const touchedBefore = change.incident ? findIncident(site, before, change.incident.id) : null;
  const lines = differences(before, change.state, { before: touchedBefore, after: change.incident });
  const window = change.incident?.scheduled_for && !touchedBefore ? [`Window: ${change.incident.scheduled_for} to ${change.incident.scheduled_until} (UTC)`] : [];
  const notes = (change.notes ?? []).map((n) => `Note: ${n}`);
  const body = lines.length ? lines : ["Nothing customers can see changes."];
  return [...body, ...window, ...notes].map((l) => `  ${l}`).join("\n");
}

/** Who is publishing: known from --operator, the site's config or $USER, else asked once and remembered in the site's config. */
/** @param {{ site: string, io: Terminal, operator: string, config: Record<string, any> }} c */
export async function ensureOperator(c) {
  if (c.operator) return c.operator;
  let name = "";
  try {
    name = (await c.io.ask("Your name, as colleagues know you (recorded with every publish)")).trim();
  } catch (err) {
    if (!(err instanceof UsageError)) throw err;
  }
  if (!name) throw new UsageError("who is publishing? add --operator NAME (asked once when not known, then remembered for this site); nothing was published");
  const file = siteLayout(c.site).config;
  mkdirSync(dirname(file), { recursive: true });
  const config = existsSync(file) ? JSON.parse(readFileSync(file, "utf8")) : {};
  writeFileSync(file, JSON.stringify({ ...config, operator: name }, null, 2) + "\n");
  c.io.print(`Remembered "${name}" for this site in ${file}.`);
  c.operator = name;
  c.config.operator = name;
  return name;
}

/**
 * Preview, confirm, publish, then mirrors and the after-command. Returns the process exit code.
 * `after` from the site's config.json runs only once approved on this machine (see approvals.mjs).
 * @param {{ site: string, op: Operation, operator: string, yes: boolean, io: Terminal, config: Record<string, any>, mirrors: string[], after?: string, afterFromConfig?: boolean, kind?: string, undoes?: string, extra?: Record<string, unknown>, problems?: string[] }} p
 */
export async function publishWith(p) {
  p.io.print(`\nCustomers will see this change on ${p.site}:\n${describe(p.site, p.op, p.operator)}\n`);
  if (!p.yes) {
    const answer = await p.io.ask("Publish this now? (y/n)", "n");
    if (!/^y/i.test(answer)) {
      p.io.print("Nothing was published. (Add --yes to publish without this question.)");
      return 1;
    }
  }
  let after = p.after;
  if (after && p.afterFromConfig) {
    const { approve, isApproved } = await import("./approvals.mjs");
    if (!isApproved(after)) {
      p.io.print(`The site's config.json asks to run this command after publishing:\n  ${after}\nIt has not been approved on this machine.`);
      const answer = p.yes ? "n" : await p.io.ask("Run it, now and from now on? (y/n)", "n");
      if (/^y/i.test(answer)) approve(after);
      else {
        p.io.print(p.yes ? "Not running it: approve it once by publishing without --yes, or pass it with --after." : "Not running it.");
        after = undefined;
      }
    }
  }
  const keyPath = p.config.key ?? join(siteLayout(p.site).root, "journal-key.pem");
  const key = existsSync(keyPath) ? readFileSync(keyPath, "utf8") : null;
  const signEntry = key ? (await import("./signing.mjs")).signEntry : null;
  const result = await publish(p.site, p.op, {
    author: p.operator, origin: "backup", kind: p.kind, undoes: p.undoes, extra: p.extra, waitMs: Number(process.env.SITREP_LOCK_WAIT_MS) || 30_000,
    sign: key && signEntry ? (entry) => ({ sig: signEntry(entry, key) }) : undefined,
    onWait: (holder) => p.io.print(`Waiting: another publisher (the app?) is writing the site right now (${holder.trim()})…`),
  });
  p.io.print(`Published to ${p.site} (release ${result.release}) as ${p.operator}.${result.incident ? ` Incident id: ${result.incident.id}` : ""}`);
  p.io.print(`Customers now see:\n${customerView(result.state, result.incident).map((l) => `  ${l}`).join("\n")}`);
  p.io.print(`Journal: ${siteLayout(p.site).journal}${key ? " (signed)" : ""}`);
  let code = p.problems?.length ? 4 : 0;
  // Mirrors and the bucket (from config.json and --mirror); the after-command below, in the foreground.
  const { runTargets } = await import("./targets.mjs");
  const results = await runTargets(p.site, { mirrors: p.mirrors, bucket: p.config.bucket }, {
    origin: "backup", mayRun: () => true,
    onResult: (r) => p.io.print(r.ok ? `Published to ${r.target}: ${r.detail} (${r.ms} ms).` : `${r.target} FAILED: ${r.detail} (the site itself was published)`),
  });
  if (results.some((r) => !r.ok)) code = 4;
  if (p.after && !after) code = 4;
  if (after) {
    const { spawnSync } = await import("node:child_process");
    const run = spawnSync(after, { shell: true, stdio: "inherit" });
    const status = run.status ?? 1;
    p.io.print(status === 0 ? `After-command finished: ${after}` : `After-command FAILED with exit status ${status}: ${after} (the site itself was published)`);
    if (status !== 0) code = 4;
  }
  return code;
}
