// @ts-check
/** The status site's state: everything needed to render it again. Pure data and pure helpers. */

export const COMPONENT_STATUSES = ["operational", "degraded_performance", "partial_outage", "major_outage", "under_maintenance"];
export const INCIDENT_STATUSES = ["investigating", "identified", "monitoring", "resolved", "postmortem"];
export const IMPACTS = ["none", "minor", "major", "critical"];
export const MAINTENANCE_STATUSES = ["scheduled", "in_progress", "verifying", "completed"];
export const BANNER_LEVELS = ["info", "warning", "critical"];
/** Every limit on what is published; both doors (API and CLI) are held to these, here and only here. */
export const LIMITS = { name: 200, body: 10_000, banner: 500 };
export const BUCKET_SIZE = 50;
export const RECENT = 50;

/**
 * @typedef {"operational"|"degraded_performance"|"partial_outage"|"major_outage"|"under_maintenance"} ComponentStatus
 * @typedef {{ id: string, slug: string, name: string, description: string, group_name: string, position: number,
 *   status: ComponentStatus, created_at: string, updated_at: string, only_show_if_degraded?: boolean }} Component
 * @typedef {{ id: string, name: string, retired_at: string }} RetiredComponent
 * @typedef {{ code: string, name: string, old_status: string, new_status: string }} AffectedComponent
 * @typedef {{ id: string, incident_id: string, status: string, body: string, body_html: string, created_at: string,
 *   updated_at: string, display_at: string, affected_components: AffectedComponent[], origin: string }} IncidentUpdate
 * @typedef {{ id: string, seq: number, kind: "incident"|"maintenance", name: string, status: string, impact: string,
 *   created_at: string, updated_at: string, started_at: string, monitoring_at: string|null, resolved_at: string|null,
 *   scheduled_for: string|null, scheduled_until: string|null, postmortem_url: string|null, components: string[],
 *   incident_updates: IncidentUpdate[], postmortem_body?: string, postmortem_published_at?: string }} Incident
 * @typedef {{ text: string, level: "info"|"warning"|"critical", updated_at: string }} Banner
 * @typedef {{ format: 1, page: { id: string, name: string, url: string, time_zone: string, updated_at: string, subscribe_url?: string, journal_key?: string, journal_key_since?: string, zone_table?: import("./zone-table.mjs").Span[],
 *     description?: string, support_url?: string, privacy_url?: string, logo?: string, favicon?: string, accent?: string },
 *   components: Component[], retired_components?: RetiredComponent[], incidents: Incident[], next_seq: number, banner: Banner|null,
 *   uptime: Record<string, Record<string, ComponentStatus>>, drill?: string }} SiteState
 */

const RANK = { operational: 0, under_maintenance: 0, degraded_performance: 1, partial_outage: 2, major_outage: 3 };

/** @param {string} a @param {string} b */
export function worseStatus(a, b) {
  return (RANK[/** @type {keyof typeof RANK} */ (b)] ?? 0) > (RANK[/** @type {keyof typeof RANK} */ (a)] ?? 0) ? b : a;
}

/** @param {SiteState} state @param {string} key an id or a slug */
export function findComponent(state, key) {
  return state.components.find((c) => c.id === key || c.slug === key) ?? null;
}

/** Every component name ever shown, retired ones included, so old incidents keep their words. */
/** @param {SiteState} state @returns {Map<string, string>} */
export function componentNames(state) {
  /** @type {Map<string, string>} */
  const names = new Map();
  for (const r of state.retired_components ?? []) names.set(r.id, r.name);
  for (const c of state.components) names.set(c.id, c.name);
  return names;
}

/** @param {Incident} i */
export const isOpen = (i) => (i.kind === "maintenance" ? i.status !== "completed" : i.status !== "resolved" && i.status !== "postmortem");

/** @param {number} seq */
export const bucketOf = (seq) => Math.floor(seq / BUCKET_SIZE);

/** The page's overall indicator, Statuspage style, from component statuses and open incidents. */
/** @param {SiteState} state @returns {{ indicator: string, description: string }} */
export function overallStatus(state) {
  const worst = state.components.reduce((w, c) => worseStatus(w, c.status), "operational");
  const openImpact = state.incidents.filter((i) => i.kind === "incident" && isOpen(i)).reduce((w, i) => Math.max(w, IMPACTS.indexOf(i.impact)), 0);
  const fromComponents = { operational: 0, under_maintenance: 0, degraded_performance: 1, partial_outage: 2, major_outage: 3 }[worst] ?? 0;
  const level = Math.max(fromComponents, openImpact);
  const maintenance = state.components.some((c) => c.status === "under_maintenance");
  if (level === 0 && maintenance) return { indicator: "maintenance", description: "Service Under Maintenance" };
  return [
    { indicator: "none", description: "All Systems Operational" },
    { indicator: "minor", description: "Minor Service Outage" },
    { indicator: "major", description: "Partial System Outage" },
    { indicator: "critical", description: "Major Service Outage" },
  ][level];
}

/**
 * An incident as the public files may hold it: who published each update is private (it stays in the
 * journal), so an author field left by an older version is dropped.
 * @param {Incident} i @returns {Incident}
 */
export function publicIncident(i) {
  if (!i.incident_updates.some((u) => "author" in u)) return i;
  return { ...i, incident_updates: i.incident_updates.map((u) => {
    const { author: _a, ...rest } = /** @type {IncidentUpdate & { author?: string }} */ (u);
    return rest;
  }) };
}

/** The incidents kept in state.json: every open one and the most recent others; the rest live in buckets. */
/** @param {Incident[]} incidents */
export function hotIncidents(incidents) {
  const sorted = [...incidents].sort((a, b) => b.seq - a.seq);
  return sorted.filter((i, n) => isOpen(i) || n < RECENT).map(publicIncident);
}

/** @param {{ id: string, name: string, url: string, time_zone: string, subscribe_url?: string }} page @param {string} now @returns {SiteState} */
export function emptyState(page, now) {
  return { format: 1, page: { ...page, updated_at: now }, components: [], incidents: [], next_seq: 0, banner: null, uptime: {} };
}
