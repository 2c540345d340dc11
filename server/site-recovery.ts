import { existsSync, lstatSync } from "node:fs";
import { join } from "node:path";
import { classifyEntries, readJournal } from "../publisher/journal.mjs";
import { siteLayout } from "../publisher/site.mjs";
import { relink, releases } from "../publisher/write.mjs";
import { verifySite } from "../publisher/verify.mjs";

export type SiteCondition = "live" | "link-lost" | "none";

/** Whether the status site is there, is gone entirely, or has lost its `site` link but kept its releases. */
export function siteCondition(site: string): SiteCondition {
  if (existsSync(join(site, "state.json"))) return "live";
  let linkExists = false;
  try {
    linkExists = lstatSync(site).isSymbolicLink();
  } catch {
    linkExists = false;
  }
  return releases(site).length || linkExists ? "link-lost" : "none";
}

/**
 * Points a site whose link was lost back at its newest release the journal shows was (or may just have
 * been) live: releases a later publish started from, and the release of the last entry (fully written
 * before it was journaled). Never rebuilds the site from seed data. Returns what it did, in words.
 */
export function recoverSiteLink(site: string): string {
  const kept = releases(site).filter((r) => existsSync(join(siteLayout(site).releases, r, "state.json")));
  if (!kept.length) throw new Error(`the status site at ${site} has lost its link and no release is left to restore; restore ${site}.d from a backup or a mirror`);
  const journal = readJournal(siteLayout(site).journal);
  const { committed } = classifyEntries(journal, null);
  const candidates = new Set([...committed.map((e) => e.release), ...journal.slice(-1).map((e) => e.release)]);
  const chosen = [...kept].reverse().find((r) => candidates.has(r)) ?? kept[kept.length - 1];
  relink(site, chosen);
  const problems = verifySite(site);
  return `restored the link to release ${chosen} (of ${kept.length} kept)${problems.length ? `; it reports: ${problems.join("; ")}` : ""}`;
}
