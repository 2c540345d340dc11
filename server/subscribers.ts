import type { Database } from "better-sqlite3";
import { enqueue, listSubscribers } from "../db/subscribers";
import { componentPayload, incidentPayload, wants } from "../lib/webhooks";
import { components, incident as incidentShape } from "../publisher/api.mjs";
import { overallStatus, type Incident, type IncidentUpdate, type SiteState } from "../publisher/state.mjs";

/** When an update reached the app later than it was published (the backup CLI while the app was down). */
export type Lateness = { published_at: string; via: string } | null;

/**
 * Queues notifications of one published update: the incident to every subscriber of its components,
 * and each component change to that component's subscribers. The payloads are built once; only the
 * unsubscribe link differs per subscriber. Only writes queue rows.
 */
export function enqueueFor(db: Database, state: SiteState, incident: Incident, update: IncidentUpdate, opts: { appUrl?: string; late?: Lateness } = {}): number {
  const appUrl = (opts.appUrl ?? process.env.NEXTAUTH_URL ?? "").replace(/\/$/, "");
  const status = overallStatus(state);
  const touched = [...new Set([...incident.components, ...update.affected_components.map((c) => c.code)])];
  const all = components(state);
  const PLACEHOLDER = "\u0000unsubscribe\u0000";
  const withMeta = <T extends { meta: object }>(p: T) => JSON.stringify(opts.late ? { ...p, meta: { ...p.meta, delivered_late: true, ...opts.late } } : p);
  const incidentTemplate = withMeta(incidentPayload(state.page, status, incidentShape(state, incident), PLACEHOLDER));
  const changeTemplates = update.affected_components.map((change) => ({
    code: change.code, json: withMeta(componentPayload(state.page, status, change, all.find((c) => c.id === change.code), update.created_at, PLACEHOLDER)),
  }));
  const quoted = JSON.stringify(PLACEHOLDER);
  const items: { subscriberId: number; payload: string }[] = [];
  for (const s of listSubscribers(db, { confirmedOnly: true })) {
    if (!wants(s.components, touched)) continue;
    const unsubscribe = JSON.stringify(`${appUrl}/subscribe/${s.manage_token}`);
    items.push({ subscriberId: s.id, payload: incidentTemplate.replace(quoted, unsubscribe) });
    for (const t of changeTemplates) if (wants(s.components, [t.code])) items.push({ subscriberId: s.id, payload: t.json.replace(quoted, unsubscribe) });
  }
  enqueue(db, items);
  return items.length;
}
