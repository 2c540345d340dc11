import { join } from "node:path";
import { dataDir } from "@/db/connection";

/** The published status site: where it lives and how it introduces itself. */
export function siteDir(): string {
  return process.env.SITREP_SITE_DIR || join(dataDir(), "site");
}

export function pageInfo() {
  const base = (process.env.NEXTAUTH_URL || "http://127.0.0.1:3000").replace(/\/$/, "");
  return {
    id: process.env.SITREP_PAGE_ID || "sitrep",
    name: process.env.SITREP_PAGE_NAME || "Example Cloud",
    url: process.env.SITREP_PUBLIC_URL || `${base}/status`,
    time_zone: process.env.SITREP_PAGE_TIME_ZONE || "America/Los_Angeles",
    subscribe_url: `${base}/subscribe`,
  };
}
