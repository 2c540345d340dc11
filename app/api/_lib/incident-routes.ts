import { NextResponse } from "next/server";
import { getDb } from "@/db/connection";
import { getIncident, SaveError, type StoredPostmortem } from "@/db/incidents";
import { serviceSlugs } from "@/db/services";
import { ImportError } from "@/lib/markdown/import";
import { unlistedServices } from "@/lib/references";
import { problem } from "./http";

export type SlugContext = { params: Promise<{ slug: string }> };

/** Turns the domain's refusals into 4xx answers; anything else is a real 500. */
export function handleSaveErrors<T>(fn: () => T): T | NextResponse {
  try {
    return fn();
  } catch (err) {
    if (err instanceof SaveError) return problem(err.status, err.problems, err.current ? { current: err.current } : {});
    if (err instanceof ImportError) return problem(400, err.problems);
    throw err;
  }
}

/** The incident named in the URL, or the 404 to answer with. */
export function incidentOr404(slug: string): StoredPostmortem | NextResponse {
  return getIncident(getDb(), slug) ?? problem(404, [`slug: no incident called "${slug}"`]);
}

/** The stored postmortem with the services it names that the catalog does not list yet (kept, and flagged here). */
export function withUnlisted(incident: StoredPostmortem): StoredPostmortem & { unlistedServices: ReturnType<typeof unlistedServices> } {
  return { ...incident, unlistedServices: unlistedServices(incident, serviceSlugs(getDb())) };
}
