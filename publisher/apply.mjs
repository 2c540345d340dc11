// @ts-check
import { BANNER_LEVELS, COMPONENT_STATUSES, IMPACTS, INCIDENT_STATUSES, LIMITS, MAINTENANCE_STATUSES, findComponent, isOpen, worseStatus } from "./state.mjs";
import { renderMessage } from "./markdown.mjs";
import { offsetLabel, wallToInstant } from "./zone-table.mjs";

/** @typedef {import("./state.mjs").SiteState} SiteState @typedef {import("./state.mjs").Incident} Incident */
/** @typedef {{ author: string, origin: "app"|"backup", now: string, newId: () => string }} Context */
/**
 * @typedef {{ state: SiteState, incident: Incident|null, files?: Map<string, string|Buffer>, remove?: Incident, removeFiles?: string[], notes?: string[],
 *   also?: Incident[], removeAll?: Incident[], journal?: Record<string, unknown> }} Change
 * `also`/`removeAll`: more incidents whose pages change or go (a rollback); `journal`: fields for the journal entry.
 */

export class PublishError extends Error {
  /** @param {string} field @param {string} message */
  constructor(field, message) {
    super(`${field}: ${message}`);
    this.field = field;
  }
}

/** @param {unknown} body */
function checkBody(body) {
  if (typeof body !== "string" || !body.trim()) throw new PublishError("body", "the message must not be empty");
  if (body.length > LIMITS.body) throw new PublishError("body", `longer than ${LIMITS.body} characters`);
  return body.trim();
}

/** @param {unknown} value @param {string} what e.g. "an incident" */
function checkName(value, what) {
  const name = typeof value === "string" ? value.trim() : "";
  if (!name) throw new PublishError("name", `${what} needs a name`);
  if (name.length > LIMITS.name) throw new PublishError("name", `longer than ${LIMITS.name} characters`);
  return name;
}

/** @param {string} field @param {unknown} value @param {readonly string[]} allowed */
function oneOf(field, value, allowed) {
  if (typeof value !== "string" || !allowed.includes(value)) throw new PublishError(field, `"${value}" is not one of ${allowed.join(", ")}`);
  return value;
}

const OFFSET = /(Z|[+-]\d\d:?\d\d)$/i;
const LOCAL = /^(\d{4})-(\d\d)-(\d\d)[T ](\d\d):(\d\d)(?::(\d\d))?$/;

/**
 * A scheduled time: with an offset (2026-12-01T02:00:00Z, …+01:00) it is that instant; without one
 * it is read in the page's time zone, and a note says so, so nobody's machine zone decides.
 * @param {SiteState} state @param {string} field @param {unknown} text @param {string[]} notes
 */
function scheduledTime(state, field, text, notes) {
  const value = typeof text === "string" ? text.trim() : "";
  const example = "e.g. 2026-12-01T02:00:00Z, or 2026-12-01 02:00 in the page's time zone";
  if (OFFSET.test(value) && !Number.isNaN(Date.parse(value))) return new Date(value).toISOString();
  const m = LOCAL.exec(value);
  if (!m) throw new PublishError(field, `must be a date and time, ${example}`);
  const wall = Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5], +(m[6] ?? 0));
  const table = state.page.zone_table;
  const at = table ? wallToInstant(table, wall) : null;
  if (at === null || Number.isNaN(wall)) throw new PublishError(field, `add a UTC offset, ${example}`);
  const offset = Math.round((wall - at) / 60_000);
  notes.push(`${field} ${value} was read in ${state.page.time_zone} (${offsetLabel(offset)}): ${new Date(at).toISOString()}`);
  return new Date(at).toISOString();
}

/** Checks "component id or slug" -> new status, and returns the changes with old and new status. */
/** @param {SiteState} state @param {Record<string, string>|undefined} requested */
function componentChanges(state, requested) {
  return Object.entries(requested ?? {}).map(([key, status]) => {
    const c = findComponent(state, key);
    if (!c) throw new PublishError(`components.${key}`, `no component "${key}"; use one of ${state.components.map((x) => x.slug).join(", ")}`);
    oneOf(`components.${key}`, status, COMPONENT_STATUSES);
    return { code: c.id, name: c.name, old_status: c.status, new_status: status };
  });
}

/** @param {SiteState} state @param {ReturnType<typeof componentChanges>} changes @param {string} now */
function applyComponents(state, changes, now) {
  const day = now.slice(0, 10);
  const uptime = { ...state.uptime };
  const components = state.components.map((c) => {
    const change = changes.find((x) => x.code === c.id);
    if (!change) return c;
    const days = { ...(uptime[c.id] ?? {}) };
    days[day] = /** @type {any} */ (worseStatus(days[day] ?? "operational", change.new_status));
    uptime[c.id] = Object.fromEntries(Object.entries(days).sort().slice(-90));
    return { ...c, status: /** @type {any} */ (change.new_status), updated_at: now };
  });
  return { ...state, components, uptime };
}

/** @param {Incident} incident @param {string} status @param {string} body @param {ReturnType<typeof componentChanges>} changes @param {Context} ctx */
function withUpdate(incident, status, body, changes, ctx) {
  const update = {
    id: ctx.newId(), incident_id: incident.id, status, body, body_html: renderMessage(body), created_at: ctx.now, updated_at: ctx.now,
    display_at: ctx.now, affected_components: changes, origin: ctx.origin,
  };
  return {
    ...incident, status, updated_at: ctx.now,
    monitoring_at: status === "monitoring" ? ctx.now : incident.monitoring_at,
    resolved_at: status === "resolved" || status === "completed" ? ctx.now : incident.resolved_at,
    components: [...new Set([...incident.components, ...changes.map((c) => c.code)])],
    incident_updates: [update, ...incident.incident_updates],
  };
}

/** @param {SiteState} state @param {Incident} incident */
function store(state, incident) {
  const others = state.incidents.filter((i) => i.id !== incident.id);
  return { ...state, incidents: [incident, ...others], page: { ...state.page, updated_at: incident.updated_at } };
}

/** Starts a new incident with its first update. */
/** @param {SiteState} state @param {{ name?: string, status?: string, impact?: string, body?: string, components?: Record<string,string> }} input @param {Context} ctx @returns {Change} */
export function startIncident(state, input, ctx) {
  const name = checkName(input.name, "an incident");
  const status = oneOf("status", input.status ?? "investigating", INCIDENT_STATUSES.slice(0, 4));
  const body = checkBody(input.body);
  const changes = componentChanges(state, input.components);
  const worst = changes.reduce((w, c) => worseStatus(w, c.new_status), "operational");
  const impact = input.impact ?? { major_outage: "critical", partial_outage: "major", degraded_performance: "minor" }[worst] ?? "minor";
  oneOf("impact", impact, IMPACTS);
  /** @type {Incident} */
  const blank = {
    id: ctx.newId(), seq: state.next_seq, kind: "incident", name, status, impact, created_at: ctx.now, updated_at: ctx.now,
    started_at: ctx.now, monitoring_at: null, resolved_at: null, scheduled_for: null, scheduled_until: null, postmortem_url: null,
    components: [], incident_updates: [],
  };
  const incident = withUpdate(blank, status, body, changes, ctx);
  return { state: store({ ...applyComponents(state, changes, ctx.now), next_seq: state.next_seq + 1 }, incident), incident };
}

/** Posts an update to an open incident; resolving puts its components back to operational unless told otherwise. */
/** @param {SiteState} state @param {Incident} incident @param {{ status?: string, body?: string, components?: Record<string,string> }} input @param {Context} ctx @returns {Change} */
export function postUpdate(state, incident, input, ctx) {
  if (incident.kind !== "incident") throw new PublishError("incident", "is a maintenance; use the maintenance command");
  if (!isOpen(incident)) throw new PublishError("incident", `"${incident.name}" is already resolved; start a new incident instead`);
  const status = oneOf("status", input.status ?? incident.status, INCIDENT_STATUSES.slice(0, 4));
  const body = checkBody(input.body);
  let requested = input.components ?? {};
  if (status === "resolved" && !input.components) {
    requested = Object.fromEntries(incident.components.filter((id) => findComponent(state, id)?.status !== "operational").map((id) => [id, "operational"]));
  }
  const changes = componentChanges(state, requested);
  const updated = withUpdate(incident, status, body, changes, ctx);
  return { state: store(applyComponents(state, changes, ctx.now), updated), incident: updated };
}

/** Schedules maintenance, or moves it along: in progress puts its components under maintenance, completed restores them. */
/** @param {SiteState} state @param {Incident|null} existing @param {{ name?: string, status?: string, body?: string, scheduled_for?: string, scheduled_until?: string, components?: string[] }} input @param {Context} ctx @returns {Change} */
export function maintenance(state, existing, input, ctx) {
  const status = oneOf("status", input.status ?? "scheduled", MAINTENANCE_STATUSES);
  const body = checkBody(input.body);
  let incident = existing;
  /** @type {string[]} */
  const notes = [];
  if (!incident) {
    const name = checkName(input.name, "maintenance");
    const from = scheduledTime(state, "scheduled_for", input.scheduled_for, notes);
    const until = scheduledTime(state, "scheduled_until", input.scheduled_until, notes);
    if (Date.parse(until) <= Date.parse(from)) throw new PublishError("scheduled_until", "must be after scheduled_for");
    for (const key of input.components ?? []) if (!findComponent(state, key)) throw new PublishError(`components.${key}`, `no component "${key}"`);
    incident = {
      id: ctx.newId(), seq: state.next_seq, kind: "maintenance", name, status, impact: "maintenance", created_at: ctx.now, updated_at: ctx.now,
      started_at: ctx.now, monitoring_at: null, resolved_at: null, scheduled_for: from, scheduled_until: until,
      postmortem_url: null, components: (input.components ?? []).map((k) => /** @type {any} */ (findComponent(state, k)).id), incident_updates: [],
    };
    state = { ...state, next_seq: state.next_seq + 1 };
  } else if (!isOpen(incident)) throw new PublishError("incident", "this maintenance is already completed");
  const target = status === "in_progress" ? "under_maintenance" : status === "completed" ? "operational" : null;
  const changes = target ? componentChanges(state, Object.fromEntries(incident.components.map((id) => [id, target]))) : [];
  const updated = withUpdate(incident, status, body, changes, ctx);
  return { state: store(applyComponents(state, changes, ctx.now), updated), incident: updated, notes };
}

/** @param {SiteState} state @param {{ text?: string|null, level?: string }} input @param {Context} ctx @returns {Change} */
export function setBanner(state, input, ctx) {
  const text = typeof input.text === "string" ? input.text.trim() : "";
  if (text.length > LIMITS.banner) throw new PublishError("text", `a banner is at most ${LIMITS.banner} characters`);
  const level = oneOf("level", input.level ?? "info", BANNER_LEVELS);
  const banner = text ? { text, level: /** @type {any} */ (level), updated_at: ctx.now } : null;
  return { state: { ...state, banner, page: { ...state.page, updated_at: ctx.now } }, incident: null };
}

/**
 * Links a postmortem from a resolved incident: an http(s) address, or a page published with the site
 * (`postmortems/<slug>.html`, given as `page`), whose HTML the caller has already sanitised.
 * @param {SiteState} state @param {Incident} incident @param {{ url?: string, page?: { slug: string, html: string } }} input @param {Context} ctx @returns {Change}
 */
export function linkPostmortem(state, incident, input, ctx) {
  if (isOpen(incident)) throw new PublishError("incident", "resolve the incident before linking its postmortem");
  const path = input.page ? `postmortems/${input.page.slug}.html` : null;
  if (path && !/^[a-z0-9][a-z0-9-]*$/.test(input.page?.slug ?? "")) throw new PublishError("postmortem", "not a valid slug");
  const url = path ?? input.url ?? "";
  if (!path && !/^https?:\/\//.test(url)) throw new PublishError("url", "must be an http(s) address");
  // Statuspage's postmortem_body: the customer's text of a postmortem published with the site.
  const text = input.page ? input.page.html.replace(/<(head|header|footer|script|style)\b[\s\S]*?<\/\1>/gi, "").replace(/<\/(p|h[1-6]|li|tr|div)>/gi, "\n").replace(/<[^>]*>/g, "")
    .replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, "&").replace(/\n\s*\n+/g, "\n\n").trim().slice(0, 50_000) : undefined;
  const updated = { ...incident, postmortem_url: url, status: "postmortem", updated_at: ctx.now, postmortem_published_at: ctx.now, ...(text ? { postmortem_body: text } : {}) };
  const files = path && input.page ? new Map([[path, input.page.html]]) : undefined;
  return { state: store(state, updated), incident: updated, files };
}

/**
 * Publishes the customer version of a postmortem with the site (Statuspage's shape): the incident goes
 * to `postmortem` with `postmortem_body`, links the page, and gains a `postmortem` update so the feeds
 * (and, unless the journal entry says otherwise, subscribers) hear of it. `html` is the rendered page.
 * @param {SiteState} state @param {Incident} incident @param {{ slug: string, html: string, body: string, note: string }} input @param {Context} ctx @returns {Change}
 */
export function publishCustomerPostmortem(state, incident, input, ctx) {
  if (isOpen(incident)) throw new PublishError("incident", "resolve the incident before publishing its postmortem");
  if (!/^[a-z0-9][a-z0-9-]*$/.test(input.slug)) throw new PublishError("postmortem", "not a valid slug");
  if (!input.body.trim()) throw new PublishError("body", "the public postmortem must not be empty");
  const path = `postmortems/${input.slug}.html`;
  const withNote = withUpdate(incident, "postmortem", checkBody(input.note), [], ctx);
  const updated = { ...withNote, resolved_at: incident.resolved_at, postmortem_url: path, postmortem_body: input.body.trim(), postmortem_published_at: ctx.now };
  return { state: store(state, updated), incident: updated, files: new Map([[path, input.html]]) };
}

/**
 * Takes a published postmortem off the site again (it went back to draft or review): the incident no
 * longer links it, and its page is removed once the new release is live.
 * @param {SiteState} state @param {Incident} incident @param {Context} ctx @returns {Change}
 */
export function unlinkPostmortem(state, incident, ctx) {
  const url = incident.postmortem_url;
  if (!url) throw new PublishError("incident", "has no postmortem linked");
  const updated = { ...incident, postmortem_url: null, status: incident.status === "postmortem" ? "resolved" : incident.status, updated_at: ctx.now };
  return { state: store(state, updated), incident: updated, removeFiles: /^postmortems\/[a-z0-9-]+\.html$/.test(url) ? [url] : [] };
}

/**
 * A correction: the wording of a published update, on an open or resolved incident, replaced. Its
 * status, time and components stay as published; the journal entry names the update it corrects.
 * @param {SiteState} state @param {Incident} incident @param {{ update?: string, body?: string }} input @param {Context} ctx @returns {Change}
 */
export function editUpdate(state, incident, input, ctx) {
  const target = input.update && input.update !== "latest" ? incident.incident_updates.find((u) => u.id === input.update) : incident.incident_updates[0];
  if (!target) throw new PublishError("update", `"${incident.name}" has no update "${input.update}"; its updates are ${incident.incident_updates.map((u) => u.id).join(", ")}`);
  const body = checkBody(input.body);
  if (body === target.body) throw new PublishError("body", "the new wording is the same as the published one");
  const edited = { ...target, body, body_html: renderMessage(body), updated_at: ctx.now };
  const updated = { ...incident, updated_at: ctx.now, incident_updates: incident.incident_updates.map((u) => (u.id === target.id ? edited : u)) };
  const stored = state.incidents.some((i) => i.id === incident.id) ? store(state, updated) : { ...state, page: { ...state.page, updated_at: ctx.now } };
  return {
    state: stored, incident: updated,
    journal: { kind: "edit", update: { id: edited.id, status: edited.status, body, affected_components: edited.affected_components }, edits: target.id, was: target.body },
  };
}
