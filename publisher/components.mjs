// @ts-check
import { PublishError } from "./apply.mjs";
import { LIMITS, isOpen } from "./state.mjs";

/** @typedef {import("./state.mjs").SiteState} SiteState @typedef {import("./state.mjs").Component} Component */
/** @typedef {import("./apply.mjs").Context} Context @typedef {import("./apply.mjs").Change} Change */
/** @typedef {{ id: string, name: string, description?: string, group?: string, only_show_if_degraded?: boolean }} WantedComponent */

const ID = /^[a-z0-9][a-z0-9-]{0,79}$/;
export const GROUP_LIMIT = 100;
export const DESCRIPTION_LIMIT = 2000;

/** @param {SiteState} state @param {string} id */
function openIncidentOn(state, id) {
  return state.incidents.find((i) => isOpen(i) && i.components.includes(id)) ?? null;
}

/** @param {unknown} value @param {string} field */
function checkedName(value, field) {
  const name = typeof value === "string" ? value.trim() : "";
  if (!name) throw new PublishError(field, "a component needs a name");
  if (name.length > LIMITS.name) throw new PublishError(field, `longer than ${LIMITS.name} characters`);
  return name;
}

/**
 * Makes the page's components the given list, in that order: adds, renames (the id never changes),
 * describes, groups, reorders, hides until degraded and retires. A retired component leaves the page
 * and the API, but its name is kept so past incidents still read well. Refuses to retire or hide a
 * component an open incident affects, naming the incident. `notes` says every change in words.
 * @param {SiteState} state @param {WantedComponent[]} wanted @param {Context} ctx @returns {Change & { notes: string[] }}
 */
export function syncComponents(state, wanted, ctx) {
  if (!Array.isArray(wanted)) throw new PublishError("components", "must be a list");
  const ids = new Set();
  const names = new Map();
  const current = new Map(state.components.map((c) => [c.id, c]));
  const retired = new Map((state.retired_components ?? []).map((r) => [r.id, r]));
  /** @type {string[]} */
  const notes = [];
  const components = wanted.map((w, n) => {
    const id = typeof w?.id === "string" ? w.id : "";
    if (!ID.test(id)) throw new PublishError(`components[${n}].id`, `"${id}" is not a component id (lowercase letters, digits and hyphens)`);
    if (ids.has(id)) throw new PublishError(`components.${id}`, `"${id}" is listed twice`);
    ids.add(id);
    const name = checkedName(w.name, `components.${id}.name`);
    const twin = names.get(name.toLowerCase());
    if (twin) throw new PublishError(`components.${id}.name`, `"${name}" is already the name of "${twin}"; names must differ`);
    names.set(name.toLowerCase(), id);
    const description = typeof w.description === "string" ? w.description.trim() : "";
    if (description.length > DESCRIPTION_LIMIT) throw new PublishError(`components.${id}.description`, `longer than ${DESCRIPTION_LIMIT} characters`);
    const group = typeof w.group === "string" ? w.group.trim() : "";
    if (group.length > GROUP_LIMIT) throw new PublishError(`components.${id}.group`, `longer than ${GROUP_LIMIT} characters`);
    const old = current.get(id);
    const hidden = w.only_show_if_degraded ?? old?.only_show_if_degraded ?? false;
    const position = n + 1;
    if (!old) {
      notes.push(`add "${name}"${group ? ` in group "${group}"` : ""}${retired.has(id) ? " (back from retirement)" : ""}`);
      return /** @type {Component} */ ({ id, slug: id, name, description, group_name: group, position, status: "operational",
        created_at: ctx.now, updated_at: ctx.now, only_show_if_degraded: hidden });
    }
    const changed = [];
    if (old.name !== name) changed.push(`rename "${old.name}" to "${name}"`);
    if ((old.description ?? "") !== description) changed.push(`change the description of "${name}"`);
    if ((old.group_name ?? "") !== group) changed.push(group ? `move "${name}" to group "${group}"` : `take "${name}" out of group "${old.group_name}"`);
    if (!!old.only_show_if_degraded !== hidden) {
      if (hidden) {
        const open = openIncidentOn(state, id);
        if (open) throw new PublishError(`components.${id}.only_show_if_degraded`, `cannot hide "${old.name}" while the open incident "${open.name}" affects it; resolve it first`);
      }
      changed.push(hidden ? `show "${name}" only while it is not operational` : `always show "${name}"`);
    }
    notes.push(...changed);
    return { ...old, name, description, group_name: group, position, only_show_if_degraded: hidden, updated_at: changed.length ? ctx.now : old.updated_at };
  });
  const gone = state.components.filter((c) => !ids.has(c.id));
  for (const c of gone) {
    const open = openIncidentOn(state, c.id);
    if (open) throw new PublishError(`components.${c.id}`, `cannot retire "${c.name}" while the open incident "${open.name}" affects it; resolve it first`);
    notes.push(`retire "${c.name}" (its past incidents stay on the page)`);
  }
  const oldOrder = state.components.filter((c) => ids.has(c.id)).sort((a, b) => a.position - b.position).map((c) => c.id).join();
  const newOrder = components.filter((c) => current.has(c.id)).map((c) => c.id).join();
  if (oldOrder !== newOrder) notes.push("reorder the components");
  for (const c of components) retired.delete(c.id);
  for (const c of gone) retired.set(c.id, { id: c.id, name: c.name, retired_at: ctx.now });
  if (!notes.length) return { state, incident: null, notes: [] };
  const next = { ...state, components, retired_components: [...retired.values()], page: { ...state.page, updated_at: ctx.now } };
  return { state: next, incident: null, notes };
}
