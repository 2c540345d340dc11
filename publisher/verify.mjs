// @ts-check
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { bucketOf } from "./state.mjs";

/** @typedef {import("./state.mjs").SiteState} SiteState @typedef {import("./state.mjs").Incident} Incident */

/** @param {string} path */
function readOr(path) {
  try {
    return readFileSync(path, "utf8");
  } catch {
    return null;
  }
}

/**
 * Checks that the site a reader sees is one whole release: every page linked from the front page
 * exists, every incident page matches the state the release was rendered from (no page ahead of or
 * behind state.json), the JSON agrees with state.json, and no two incidents share a number.
 * Returns the problems found, in words; an empty list means the site is consistent.
 * @param {string} site
 * @returns {string[]}
 */
export function verifySite(site) {
  const problems = [];
  const stateText = readOr(join(site, "state.json"));
  if (stateText === null) return ["state.json is missing"];
  /** @type {SiteState} */
  let state;
  try {
    state = JSON.parse(stateText);
  } catch {
    return ["state.json is not JSON"];
  }
  /** @type {Map<string, Incident>} */
  const all = new Map();
  const seqs = new Map();
  const lastBucket = bucketOf(Math.max(0, state.next_seq - 1));
  for (let b = 0; b <= lastBucket; b++) {
    const text = readOr(join(site, "state", `bucket-${b}.json`));
    if (text === null) {
      if (state.next_seq > 0 && b === lastBucket) problems.push(`history bucket ${b} is missing`);
      continue;
    }
    for (const i of JSON.parse(text).incidents ?? []) {
      if (seqs.has(i.seq) && seqs.get(i.seq) !== i.id) problems.push(`incidents ${seqs.get(i.seq)} and ${i.id} share number ${i.seq}`);
      seqs.set(i.seq, i.id);
      all.set(i.id, i);
    }
  }
  for (const i of state.incidents) {
    const inBucket = all.get(i.id);
    if (!inBucket) problems.push(`incident ${i.id} (${i.name}) is in state.json but not in its history bucket`);
    else if (inBucket.updated_at !== i.updated_at) problems.push(`incident ${i.id}: state.json and its bucket disagree`);
    all.set(i.id, i);
  }
  const index = readOr(join(site, "index.html")) ?? "";
  if (!/<\/html>\n$/.test(index)) problems.push("index.html is not a whole page");
  for (const m of index.matchAll(/href="(incidents\/[a-z0-9]+\.html)"/g)) if (!existsSync(join(site, m[1]))) problems.push(`index.html links ${m[1]}, which does not exist`);
  const pagesDir = join(site, "incidents");
  for (const file of existsSync(pagesDir) ? readdirSync(pagesDir).filter((f) => f.endsWith(".html")) : []) {
    const id = file.slice(0, -5);
    const incident = all.get(id);
    const page = readOr(join(pagesDir, file)) ?? "";
    if (!incident) {
      problems.push(`incidents/${file} belongs to no incident of this release`);
      continue;
    }
    const shown = (page.match(/<div class="update">/g) ?? []).length;
    if (shown !== incident.incident_updates.length) problems.push(`incidents/${file} shows ${shown} updates, the release has ${incident.incident_updates.length}`);
  }
  for (const i of all.values()) if (!existsSync(join(pagesDir, `${i.id}.html`))) problems.push(`incident ${i.id} has no page`);
  const summaryText = readOr(join(site, "api", "v2", "summary.json"));
  if (summaryText === null) problems.push("api/v2/summary.json is missing");
  else {
    const summary = JSON.parse(summaryText);
    const open = state.incidents.filter((i) => i.kind === "incident" && i.status !== "resolved" && i.status !== "postmortem").map((i) => `${i.id}:${i.status}`).sort();
    const listed = summary.incidents.map((/** @type {{ id: string, status: string }} */ i) => `${i.id}:${i.status}`).sort();
    if (JSON.stringify(open) !== JSON.stringify(listed)) problems.push("api/v2/summary.json disagrees with state.json about open incidents");
  }
  return problems;
}

/**
 * Every update body the reader can find on the site, by incident: what "published" means to a customer.
 * @param {string} site
 * @returns {Map<string, Incident>}
 */
export function allIncidents(site) {
  const state = JSON.parse(readFileSync(join(site, "state.json"), "utf8"));
  /** @type {Map<string, Incident>} */
  const all = new Map();
  for (let b = 0; b <= bucketOf(Math.max(0, state.next_seq - 1)); b++) {
    const text = readOr(join(site, "state", `bucket-${b}.json`));
    for (const i of text ? JSON.parse(text).incidents ?? [] : []) all.set(i.id, i);
  }
  for (const i of state.incidents) all.set(i.id, i);
  return all;
}
