import "server-only";
import { existsSync, readFileSync } from "node:fs";
import type { Database } from "better-sqlite3";
import { importDrills, type DrillLogEntry } from "@/db/drills";
import { siteLayout } from "@/publisher/site.mjs";
import { siteDir } from "./site-config";

/** Reads the CLI's drill log next to the site and records any outcomes not seen yet. */
export function syncDrillLog(db: Database): number {
  const file = `${siteLayout(siteDir()).root}/drills.jsonl`;
  if (!existsSync(file)) return 0;
  const entries = readFileSync(/*turbopackIgnore: true*/ file, "utf8").split("\n").flatMap((line) => {
    try {
      return line.trim() ? [JSON.parse(line) as DrillLogEntry] : [];
    } catch {
      return [];
    }
  });
  return importDrills(db, entries);
}
