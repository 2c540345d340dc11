// @ts-check
import { componentNames, isOpen, overallStatus } from "./state.mjs";

/** Statuspage-compatible JSON (api/v2): the same field names and enums, so existing clients work unchanged. */

/** @typedef {import("./state.mjs").SiteState} SiteState @typedef {import("./state.mjs").Incident} Incident */

/** Statuspage sends every time with milliseconds (…T01:47:00.000Z); strict clients refuse anything else. */
/** @param {string|null|undefined} iso @returns {string|null} */
export const stamp = (iso) => (iso ? new Date(iso).toISOString() : null);

/** @param {SiteState} state */
function page(state) {
  const { id, name, url, time_zone, updated_at } = state.page;
  return { id, name, url, time_zone, updated_at: stamp(updated_at) };
}

/** Links inside the site made absolute against the page's public address. @param {SiteState} state @param {string|null} path */
function absolute(state, path) {
  if (!path) return null;
  return /^https?:\/\//.test(path) ? path : `${state.page.url.replace(/\/$/, "")}/${path.replace(/^\//, "")}`;
}

/** Components, with each group as a component of its own (group: true) as Statuspage lists them. */
/** @param {SiteState} state */
export function components(state) {
  const groups = [...new Set(state.components.map((c) => c.group_name).filter(Boolean))];
  const groupId = (/** @type {string} */ g) => `group-${g.toLowerCase().replace(/[^a-z0-9]+/g, "-")}`;
  const created = state.components.reduce((min, c) => (c.created_at < min ? c.created_at : min), state.page.updated_at);
  const list = [...state.components].sort((a, b) => a.position - b.position).map((c, n) => ({
    id: c.id, name: c.name, status: c.status, created_at: stamp(c.created_at), updated_at: stamp(c.updated_at), position: n + 1,
    description: c.description || null, showcase: true, start_date: null, group_id: c.group_name ? groupId(c.group_name) : null,
    page_id: state.page.id, group: false, only_show_if_degraded: !!c.only_show_if_degraded,
  }));
  const groupRows = groups.map((g, n) => {
    const members = list.filter((c) => c.group_id === groupId(g));
    const worst = ["major_outage", "partial_outage", "degraded_performance", "under_maintenance"].find((s) => members.some((m) => m.status === s)) ?? "operational";
    return { id: groupId(g), name: g, status: worst, created_at: stamp(created), updated_at: stamp(state.page.updated_at), position: list.length + n + 1, description: null,
      showcase: false, start_date: null, group_id: null, page_id: state.page.id, group: true, only_show_if_degraded: false, components: members.map((m) => m.id) };
  });
  return [...list, ...groupRows];
}

/** @param {SiteState} state @param {Incident} i */
export function incident(state, i) {
  const names = componentNames(state);
  const shape = {
    id: i.id, name: i.name, status: i.status, impact: i.kind === "maintenance" ? "maintenance" : i.impact, created_at: stamp(i.created_at),
    updated_at: stamp(i.updated_at), monitoring_at: stamp(i.monitoring_at), resolved_at: stamp(i.resolved_at), started_at: stamp(i.started_at), page_id: state.page.id,
    shortlink: absolute(state, `incidents/${i.id}.html`), postmortem_body: i.status === "postmortem" ? i.postmortem_body ?? null : null,
    postmortem_body_last_updated_at: i.status === "postmortem" ? stamp(i.updated_at) : null, postmortem_published_at: i.status === "postmortem" ? stamp(i.postmortem_published_at ?? i.updated_at) : null,
    postmortem_url: absolute(state, i.postmortem_url),
    components: components(state).filter((c) => i.components.includes(c.id)),
    incident_updates: i.incident_updates.map((u) => ({
      id: u.id, incident_id: u.incident_id, status: u.status, body: u.body, created_at: stamp(u.created_at), updated_at: stamp(u.updated_at),
      display_at: stamp(u.display_at), affected_components: u.affected_components.map((a) => ({ ...a, name: names.get(a.code) ?? a.name })),
    })),
  };
  return i.kind === "maintenance" ? { ...shape, scheduled_for: stamp(i.scheduled_for), scheduled_until: stamp(i.scheduled_until) } : shape;
}

/** Every api/v2 file, keyed by its path under the site root. */
/** @param {SiteState} state @param {string} now */
export function apiFiles(state, now) {
  const p = page(state);
  const byNewest = [...state.incidents].sort((a, b) => b.seq - a.seq);
  const incidents = byNewest.filter((i) => i.kind === "incident");
  const maint = byNewest.filter((i) => i.kind === "maintenance");
  const upcoming = maint.filter((m) => m.status === "scheduled");
  const active = maint.filter((m) => m.status === "in_progress" || m.status === "verifying");
  const json = (/** @type {unknown} */ v) => JSON.stringify(v, null, 1) + "\n";
  const shape = (/** @type {Incident[]} */ list) => list.map((i) => incident(state, i));
  void now;
  return new Map([
    ["api/v2/status.json", json({ page: p, status: overallStatus(state) })],
    ["api/v2/components.json", json({ page: p, components: components(state) })],
    ["api/v2/incidents.json", json({ page: p, incidents: shape(incidents.slice(0, 50)) })],
    ["api/v2/incidents/unresolved.json", json({ page: p, incidents: shape(incidents.filter(isOpen)) })],
    ["api/v2/scheduled-maintenances.json", json({ page: p, scheduled_maintenances: shape(maint.slice(0, 50)) })],
    ["api/v2/scheduled-maintenances/upcoming.json", json({ page: p, scheduled_maintenances: shape(upcoming) })],
    ["api/v2/scheduled-maintenances/active.json", json({ page: p, scheduled_maintenances: shape(active) })],
    ["api/v2/summary.json", json({
      page: p, status: overallStatus(state), components: components(state), incidents: shape(incidents.filter(isOpen)),
      scheduled_maintenances: shape([...active, ...upcoming]),
    })],
  ]);
}
