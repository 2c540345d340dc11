// @ts-check
import { esc, label, layout, when } from "./html.mjs";
import { componentNames, isOpen, overallStatus } from "./state.mjs";

/** @typedef {import("./state.mjs").SiteState} SiteState @typedef {import("./state.mjs").Incident} Incident */

const UPTIME_CLASS = { operational: "u0", degraded_performance: "u1", partial_outage: "u2", major_outage: "u3", under_maintenance: "u4" };

/** @param {Incident} i @param {SiteState} state */
function updatesHtml(i, state) {
  return i.incident_updates.map((u) => `<div class="update"><p><span class="st">${label(u.status)}</span> · <span class="muted">${when(u.created_at, state.page.time_zone)}</span></p>${u.body_html}</div>`).join("");
}

/** @param {Incident} i @param {SiteState} state @param {string} root */
function incidentCard(i, state, root) {
  const window = i.kind === "maintenance" && i.scheduled_for && i.scheduled_until
    ? `<p class="muted">Scheduled ${when(i.scheduled_for, state.page.time_zone)} to ${when(i.scheduled_until, state.page.time_zone)}</p>` : "";
  return `<article class="card"><h3><a href="${root}incidents/${esc(i.id)}.html">${esc(i.name)}</a></h3>${window}${updatesHtml(i, state)}</article>`;
}

/** Consecutive days with the same status become one segment, which keeps the page small. */
/** @param {Record<string, string>} days @param {string} today */
function uptimeBar(days, today) {
  /** @type {{ cls: string, n: number }[]} */
  const segments = [];
  const end = Date.parse(`${today}T00:00:00Z`);
  let bad = 0;
  for (let n = 89; n >= 0; n--) {
    const day = new Date(end - n * 86_400_000).toISOString().slice(0, 10);
    const cls = UPTIME_CLASS[/** @type {keyof typeof UPTIME_CLASS} */ (days[day] ?? "operational")] ?? "u0";
    if (cls !== "u0" && cls !== "u4") bad++;
    const last = segments[segments.length - 1];
    if (last && last.cls === cls) last.n++;
    else segments.push({ cls, n: 1 });
  }
  let x = 0;
  const rects = segments.map((s) => `<rect class="${s.cls}" x="${(x += s.n) - s.n}" width="${s.n - 0.15}" height="10"/>`).join("");
  return `<svg class="bar" viewBox="0 0 90 10" preserveAspectRatio="none" aria-hidden="true" focusable="false">${rects}</svg><p class="muted">${90 - bad} of the last 90 days without an outage</p>`;
}

/** @param {SiteState} state @param {string} now */
export function indexPage(state, now) {
  const overall = overallStatus(state);
  const open = state.incidents.filter((i) => i.kind === "incident" && isOpen(i)).sort((a, b) => (a.updated_at < b.updated_at ? 1 : a.updated_at > b.updated_at ? -1 : 0));
  const maint = state.incidents.filter((i) => i.kind === "maintenance" && isOpen(i));
  const past = state.incidents.filter((i) => i.kind === "incident" && !isOpen(i)).sort((a, b) => b.seq - a.seq).slice(0, 5);
  // A component shown only when degraded stays off the page while it is operational, as on Statuspage.
  const shown = state.components.filter((c) => !c.only_show_if_degraded || c.status !== "operational");
  const groups = [...new Set(shown.map((c) => c.group_name || ""))];
  const today = now.slice(0, 10);
  const components = groups.map((g) => `${g ? `<h3>${esc(g)}</h3>` : ""}<div class="card">${shown.filter((c) => (c.group_name || "") === g).sort((a, b) => a.position - b.position).map((c) =>
    `<div><div class="comp"><span>${esc(c.name)}</span><span class="s-${c.status}">${label(c.status)}</span></div>${uptimeBar(state.uptime[c.id] ?? {}, today)}</div>`).join("")}</div>`).join("");
  const body = `<h1>${esc(state.page.name)} status</h1>
${state.banner ? `<p class="banner ${state.banner.level}" role="status">${esc(state.banner.text)}</p>` : ""}
<p class="overall ${overall.indicator}" role="status">${esc(overall.description)}</p>
${open.length ? `<h2>Active incidents</h2>${open.map((i) => incidentCard(i, state, "")).join("")}` : ""}
${maint.length ? `<h2>Scheduled maintenance</h2>${maint.map((i) => incidentCard(i, state, "")).join("")}` : ""}
<h2>Components</h2>${components || "<p>No components yet.</p>"}
<h2>Past incidents</h2>${past.length ? `<ul class="list">${past.map((i) => `<li><a href="incidents/${esc(i.id)}.html">${esc(i.name)}</a> <span class="muted">${when(i.started_at, state.page.time_zone)}</span></li>`).join("")}</ul>` : "<p>No incidents reported.</p>"}
<p class="muted">Last updated ${when(state.page.updated_at, state.page.time_zone)}.${state.page.subscribe_url ? ` <a href="${esc(state.page.subscribe_url)}">Subscribe to updates</a>` : ""}</p>`;
  return layout({ title: `${state.page.name} status`, pageName: state.page.name, root: "", body, drill: state.drill });
}

/** @param {SiteState} state @param {Incident} i */
export function incidentPage(state, i) {
  const names = componentNames(state);
  const affected = i.components.map((id) => esc(names.get(id) ?? id)).join(", ");
  const body = `<h1>${esc(i.name)}</h1>
<p class="muted">${i.kind === "maintenance" ? "Maintenance" : `Impact: ${label(i.impact)}`} · ${isOpen(i) ? `<span class="st">${label(i.status)}</span>` : "Resolved"}${affected ? ` · Affected: ${affected}` : ""}</p>
${i.postmortem_url ? `<p><a href="${esc(/^https?:/.test(i.postmortem_url) ? i.postmortem_url : `../${i.postmortem_url}`)}">Read the postmortem</a></p>` : ""}
<section class="card" aria-label="Updates">${updatesHtml(i, state)}</section>`;
  return layout({ title: `${i.name} · ${state.page.name} status`, pageName: state.page.name, root: "../", body, drill: state.drill });
}

/** A page of history holds a fixed bucket of incidents (by creation order), so older pages never change. */
/** @param {SiteState} state @param {number} bucket @param {number} lastBucket @param {Incident[]} incidents */
export function historyPage(state, bucket, lastBucket, incidents) {
  const sorted = [...incidents].sort((a, b) => b.seq - a.seq);
  const nav = `<nav class="pages" aria-label="History pages">${bucket < lastBucket ? `<a href="page-${bucket + 1}.html">Newer incidents</a>` : "<span></span>"}${bucket > 0 ? `<a href="page-${bucket - 1}.html">Older incidents</a>` : "<span></span>"}</nav>`;
  const list = sorted.map((i) => `<li><a href="../incidents/${esc(i.id)}.html">${esc(i.name)}</a> <span class="muted">${when(i.started_at, state.page.time_zone)} · ${label(i.status)}</span></li>`).join("");
  const body = `<h1>Incident history</h1><p class="muted">Page ${bucket + 1} of ${lastBucket + 1}</p><ul class="list">${list || "<li>No incidents.</li>"}</ul>${nav}`;
  return layout({ title: `Incident history (page ${bucket + 1}) · ${state.page.name} status`, pageName: state.page.name, root: "../", body, drill: state.drill });
}

/** history/index.html: a tiny page that points at the newest history page (no JavaScript redirects). */
/** @param {SiteState} state @param {number} lastBucket */
export function historyIndex(state, lastBucket) {
  const links = Array.from({ length: lastBucket + 1 }, (_, n) => lastBucket - n).map((n) => `<li><a href="page-${n}.html">Page ${n + 1}</a></li>`).join("");
  return layout({ title: `Incident history · ${state.page.name} status`, pageName: state.page.name, root: "../", drill: state.drill, body: `<h1>Incident history</h1><ul class="list">${links}</ul>` });
}

/** A published postmortem as a page of the site; `bodyHtml` was sanitised by the app that rendered it. */
/** @param {SiteState} state @param {string} title @param {string} bodyHtml */
export function postmortemPage(state, title, bodyHtml) {
  return layout({ title: `Postmortem: ${title} · ${state.page.name} status`, pageName: state.page.name, root: "../", drill: state.drill,
    body: `<h1>Postmortem: ${esc(title)}</h1><article class="card">${bodyHtml}</article>` });
}
