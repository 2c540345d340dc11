import "server-only";
import type { Database } from "better-sqlite3";
import { getCatalog } from "@/db/services";
import { independenceWarnings, type Place } from "@/lib/independence";
import { readSiteConfig, recentTargetResults } from "@/publisher/targets.mjs";
import { commandDigest, isApprovedForApp } from "@/publisher/approvals.mjs";
import { pageInfo, siteDir } from "./site-config";

/** What admins need to know about where the public site lives: served from, published to, how that went, and what it depends on. */
export function publishingOverview(db: Database) {
  const site = siteDir();
  const { config, problems } = readSiteConfig(site);
  const servedFrom: Place[] = [
    { label: "Served by this app (npm start's front, from memory)", where: pageInfo().url },
    { label: "Site folder", where: site },
  ];
  const targets: Array<Place & { note?: string }> = [
    ...(config.mirrors ?? []).map((m) => ({ label: "Mirror folder", where: m })),
    ...(config.bucket ? [{ label: "Object-store bucket", where: `${config.bucket.endpoint}/${config.bucket.bucket}${config.bucket.prefix ? `/${config.bucket.prefix}` : ""}` }] : []),
    ...(config.after ? [{
      label: "After-command", where: config.after,
      note: isApprovedForApp(config.after) ? "approved for this app" : `not approved for this app: add ${commandDigest(config.after)} to SITREP_APPROVED_COMMANDS in the app's environment`,
    }] : []),
  ];
  return {
    servedFrom, targets, problems,
    results: recentTargetResults(site, 20),
    warnings: independenceWarnings(getCatalog(db), [...servedFrom.slice(0, 1), ...targets]),
  };
}

export type PublishingOverview = ReturnType<typeof publishingOverview>;
