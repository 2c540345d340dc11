// @ts-check
import { existsSync, lstatSync, readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { UsageError } from "./cli-args.mjs";
import { customerView } from "./cli-words.mjs";
import { createSite } from "./publish.mjs";
import { readState, SiteError } from "./site.mjs";
import { isOpen } from "./state.mjs";

/** @typedef {import("./cli-commands.mjs").Ctx} Ctx @typedef {import("./state.mjs").Incident} Incident */

/**
 * Everything a plain copy of the public site (a CDN or mirror download) holds that a working site is
 * made from: its state.json, every history bucket, and the postmortem pages published with it.
 * @param {string} from
 */
export function readCopy(from) {
  const state = readState(from);
  /** @type {Map<string, Incident>} */
  const byId = new Map();
  const bucketDir = join(from, "state");
  const buckets = existsSync(bucketDir) ? readdirSync(bucketDir).filter((f) => /^bucket-\d+\.json$/.test(f)) : [];
  for (const f of buckets) {
    for (const i of JSON.parse(readFileSync(join(bucketDir, f), "utf8")).incidents ?? []) byId.set(i.id, i);
  }
  // state.json is written with every publish, so its copy of a recent incident is the newest.
  for (const i of state.incidents) byId.set(i.id, i);
  const pmDir = join(from, "postmortems");
  const postmortems = new Map(existsSync(pmDir) ? readdirSync(pmDir).filter((f) => /^[a-z0-9][a-z0-9-]*\.html$/.test(f)).map((f) => [`postmortems/${f}`, readFileSync(join(pmDir, f), "utf8")]) : []);
  const missingBuckets = Math.max(0, Math.floor(Math.max(0, state.next_seq - 1) / 50) + 1 - buckets.length);
  return { state, incidents: [...byId.values()], postmortems, buckets: buckets.length, missingBuckets };
}

/** `adopt --from COPY --site NEW`: a working site (releases, journal, lock) made from a plain copy. */
/** @param {Ctx} c */
export async function adopt(c) {
  if (!c.flags.from) throw new UsageError("where is the copy? add --from DIR (the folder with index.html and state.json)");
  if (!c.flags.site) throw new UsageError("where should the working site go? add --site DIR (a path that does not exist yet)");
  const from = resolve(String(c.flags.from));
  if (!existsSync(join(from, "state.json"))) throw new SiteError(`${from} has no state.json: download the whole public site (index.html, state.json, state/, incidents/, postmortems/) and try again`);
  if (existsSync(c.site) || (() => { try { return lstatSync(c.site).isSymbolicLink(); } catch { return false; } })()) {
    throw new UsageError(`${c.site} already exists; give --site a new path (the copy in ${from} is only read)`);
  }
  const copy = readCopy(from);
  const open = copy.incidents.filter(isOpen);
  const summary = [
    `Recovered from ${from}:`,
    `  Page: ${copy.state.page.name} (${copy.state.page.url}), time zone ${copy.state.page.time_zone}`,
    `  ${copy.state.components.length} components, ${copy.incidents.length} incidents (${open.length} open), ${copy.postmortems.size} postmortem page(s), ${copy.state.banner ? "a banner" : "no banner"}`,
    ...customerView(copy.state).map((l) => `  ${l}`),
    ...(copy.missingBuckets ? [`  Note: ${copy.missingBuckets} history file(s) were not in the copy; incidents in them are not recovered`] : []),
    "  Not in a public copy: the journal (this site starts a new one) and the signing key (keygen makes a new one)",
  ];
  c.io.print(summary.join("\n"));
  if (!c.flags.yes && !/^y/i.test(await c.io.ask(`Make the working site ${c.site} from this? (y/n)`, "n"))) {
    c.io.print("Nothing was made.");
    return 1;
  }
  const { journal_key: _k, journal_key_since: _s, ...page } = copy.state.page;
  await createSite(c.site, { ...copy.state, page }, copy.incidents, undefined, { files: copy.postmortems });
  c.io.print(`Working site made at ${c.site}. Publish to it with --site ${c.site}; point the web server (or --mirror) at it.`);
  return 0;
}
