import type { Database } from "better-sqlite3";
import { enqueue, listSubscribers } from "../db/subscribers";
import { componentPayload, incidentPayload, wants } from "../lib/webhooks";
import { components, incident as incidentShape } from "../publisher/api.mjs";
import { overallStatus, type Incident, type IncidentUpdate, type SiteState } from "../publisher/state.mjs";

/**
 * Queues notifications of one published update: the incident to every subscriber of its components,
 * and each component change to that component's subscribers. Only writes queue rows.
 */
export function enqueueFor(db: Database, state: SiteState, incident: Incident, update: IncidentUpdate, appUrl = process.env.NEXTAUTH_URL ?? ""): number {
  const status = overallStatus(state);
  const touched = [...new Set([...incident.components, ...update.affected_components.map((c) => c.code)])];
  const all = components(state);
  const items: { subscriberId: number; payload: string }[] = [];
  for (const s of listSubscribers(db, { confirmedOnly: true })) {
    if (!wants(s.components, touched)) continue;
    const unsubscribe = `${appUrl.replace(/\/$/, "")}/subscribe/${s.manage_token}`;
    items.push({ subscriberId: s.id, payload: JSON.stringify(incidentPayload(state.page, status, incidentShape(state, incident), unsubscribe)) });
    for (const change of update.affected_components) {
      if (wants(s.components, [change.code])) {
        items.push({ subscriberId: s.id, payload: JSON.stringify(componentPayload(state.page, status, change, all.find((c) => c.id === change.code), update.created_at, unsubscribe)) });
      }
    }
  }
  enqueue(db, items);
  return items.length;
}
