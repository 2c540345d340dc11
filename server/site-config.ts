import { join } from "node:path";
import { dataDir } from "@/db/connection";
import { newId } from "@/publisher/publish.mjs";

/** The published status site: where it lives and how it introduces itself. */
export function siteDir(): string {
  return process.env.SITREP_SITE_DIR || join(dataDir(), "site");
}

/** Read once, when the site is created: later the page's own state (and its settings) is the truth. */
export function pageInfo() {
  const base = (process.env.NEXTAUTH_URL || "http://127.0.0.1:3000").replace(/\/$/, "");
  return {
    // Each installation its own page id, as Statuspage gives each page one; it names the feeds and API objects.
    id: process.env.SITREP_PAGE_ID || newId(),
    name: process.env.SITREP_PAGE_NAME || "Example Cloud",
    url: process.env.SITREP_PUBLIC_URL || `${base}/status`,
    time_zone: process.env.SITREP_PAGE_TIME_ZONE || "America/Los_Angeles",
    subscribe_url: `${base}/subscribe`,
  };
}
