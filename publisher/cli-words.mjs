// @ts-check
import { isOpen, overallStatus } from "./state.mjs";

/** @typedef {import("./state.mjs").SiteState} SiteState @typedef {import("./state.mjs").Incident} Incident */

/** A status as customers read it on the page: "partial_outage" -> "Partial outage". */
/** @param {string} status */
export const said = (status) => status.charAt(0).toUpperCase() + status.slice(1).replace(/_/g, " ");

/** @param {string} text @param {number} [max] */
const short = (text, max = 140) => (text.length > max ? `${text.slice(0, max - 1)}…` : text).replace(/\s+/g, " ");

/** @param {SiteState["banner"]} b */
const bannerWords = (b) => (b ? `${b.level} banner: "${short(b.text)}"` : "no banner");

/**
 * What changes for customers between two states of the site, one line per change, in the words the
 * page uses. `touched` adds incidents that live in history files rather than state.json.
 * @param {SiteState} before @param {SiteState} after @param {{ before?: Incident|null, after?: Incident|null }} [touched]
 * @returns {string[]}
 */
export function differences(before, after, touched = {}) {
  const out = [];
  const was = overallStatus(before).description, now = overallStatus(after).description;
  if (was !== now) out.push(`Headline: "${now}" (was "${was}")`);
  if (JSON.stringify(before.banner ?? null) !== JSON.stringify(after.banner ?? null)) {
    out.push(after.banner ? `Banner: ${bannerWords(after.banner)} (was ${bannerWords(before.banner)})` : `Banner removed (was ${bannerWords(before.banner)})`);
  }
  const old = new Map(before.components.map((c) => [c.id, c]));
  for (const c of after.components) {
    const o = old.get(c.id);
    if (o && o.status !== c.status) out.push(`${c.name}: ${said(c.status)} (was ${said(o.status)})`);
  }
  const byId = (/** @type {Incident[]} */ list, /** @type {Incident|null|undefined} */ extra) => new Map([...list, ...(extra ? [extra] : [])].map((i) => [i.id, i]));
  const a = byId(before.incidents, touched.before), b = byId(after.incidents, touched.after);
  for (const [id, i] of b) {
    const o = a.get(id);
    const newest = i.incident_updates[0];
    if (!o) {
      if (i.seq >= before.next_seq) out.push(`New ${i.kind === "maintenance" ? "maintenance" : "incident"} "${i.name}" — ${said(i.status)}: ${short(newest?.body ?? "")}`);
      continue;
    }
    if (i.incident_updates.length > o.incident_updates.length) out.push(`Update on "${i.name}" — ${said(newest.status)}: ${short(newest.body)}`);
    else if (i.incident_updates.length < o.incident_updates.length) out.push(`"${i.name}" loses its latest update${o.incident_updates.length - i.incident_updates.length > 1 ? "s" : ""} (${short(o.incident_updates[0].body, 60)}); it shows ${said(i.status)} again`);
    for (const u of i.incident_updates) {
      const ou = o.incident_updates.find((x) => x.id === u.id);
      if (ou && ou.body !== u.body) out.push(`Update on "${i.name}" (${said(u.status)}) now reads: ${short(u.body)} (was: ${short(ou.body, 80)})`);
    }
  }
  for (const [id, o] of a) if (!b.has(id) && o.seq >= after.next_seq) out.push(`"${o.name}" is taken off the page`);
  return out;
}

/**
 * What customers see on the front page now: the headline, the banner, components not operational,
 * and each open incident (plus `also`, e.g. one just resolved) with its newest update.
 * @param {SiteState} state @param {Incident|null} [also]
 */
export function customerView(state, also = null) {
  const lines = [`Headline: "${overallStatus(state).description}"`];
  if (state.banner) lines.push(`Banner: ${bannerWords(state.banner)}`);
  const affected = state.components.filter((c) => c.status !== "operational");
  lines.push(affected.length ? `Components: ${affected.map((c) => `${c.name} ${said(c.status)}`).join(", ")}` : "Components: all operational");
  const shown = state.incidents.filter(isOpen);
  if (also && !shown.some((i) => i.id === also.id)) shown.unshift(also);
  for (const i of shown) lines.push(`"${i.name}" — ${said(i.incident_updates[0]?.status ?? i.status)}: ${short(i.incident_updates[0]?.body ?? "")}`);
  return lines;
}
