import "server-only";
import type { Database } from "better-sqlite3";
import type { Incident, IncidentUpdate, SiteState } from "@/publisher/state.mjs";

/** Queues notifications for subscribers (filled in with subscriptions). */
export function enqueueFor(_db: Database, _state: SiteState, _incident: Incident, _update: IncidentUpdate): number {
  return 0;
}
