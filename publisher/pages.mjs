// @ts-check
import { duration, esc, label, layout, when, whenWithOffset } from "./html.mjs";
import { componentNames, isOpen, overallStatus, worseStatus } from "./state.mjs";

/** @typedef {import("./state.mjs").SiteState} SiteState @typedef {import("./state.mjs").Incident} Incident */

const UPTIME_CLASS = { operational: "u0", degraded_performance: "u1", partial_outage: "u2", major_outage: "u3", under_maintenance: "u4" };

/** @param {Incident} i @param {SiteState} state */
function updatesHtml(i, state) {
  return i.incident_updates.map((u) => `<div class="update"><p><span class="st">${label(u.status)}</span> · <span class="muted">${when(u.created_at, state.page.time_zone)}</span></p>${u.body_html}</div>`).join("");
}

/** The components an incident affects, each with its status now. @param {Incident} i @param {SiteState} state */
function affectedList(i, state) {
  const names = componentNames(state);
  const rows = i.components.map((id) => {
    const c = state.components.find((x) => x.id === id);
    return `<li>${esc(names.get(id) ?? id)}${c ? `: <span class="s-${c.status}">${label(c.status)}</span>` : ""}</li>`;
  });
  return rows.length ? `<p class="muted">Affected components:</p><ul class="affected">${rows.join("")}</ul>` : "";
}

/** @param {Incident} i @param {SiteState} state @param {string} root */
function incidentCard(i, state, root) {
  const window = i.kind === "maintenance" && i.scheduled_for && i.scheduled_until
    ? `<p class="muted">Scheduled ${whenWithOffset(i.scheduled_for, state.page.time_zone)} to ${whenWithOffset(i.scheduled_until, state.page.time_zone)}</p>` : "";
  const impact = i.kind === "incident" ? `<p class="muted">Impact: ${label(i.impact)}</p>` : "";
  return `<article class="card"><h3><a href="${root}incidents/${esc(i.id)}.html">${esc(i.name)}</a></h3>${impact}${window}${affectedList(i, state)}${updatesHtml(i, state)}</article>`;
}

/**
 * Uptime over the last 90 days, Statuspage style: a day under maintenance is left out; a degraded day
 * is up (slow is not down); a partial outage counts as 30% of a day down and a major outage as a
 * whole day, since only each day's worst status is kept.
 * @param {Record<string, string>} days @param {string} today
 */
export function uptimeOf(days, today) {
  const end = Date.parse(`${today}T00:00:00Z`);
  let counted = 0, down = 0;
  for (let n = 89; n >= 0; n--) {
    const status = days[new Date(end - n * 86_400_000).toISOString().slice(0, 10)] ?? "operational";
    if (status === "under_maintenance") continue;
    counted++;
    down += status === "major_outage" ? 1 : status === "partial_outage" ? 0.3 : 0;
  }
  return counted ? ((counted - down) / counted) * 100 : 100;
}

const DAY_WORDS = { operational: "no incidents", degraded_performance: "degraded performance", partial_outage: "partial outage", major_outage: "major outage", under_maintenance: "maintenance" };

/** Consecutive days with the same status become one segment (small page); each says its dates and status on hover and to screen readers. */
/** @param {Record<string, string>} days @param {string} today @param {string} name */
function uptimeBar(days, today, name) {
  /** @type {{ cls: string, status: string, n: number, from: string, to: string }[]} */
  const segments = [];
  const end = Date.parse(`${today}T00:00:00Z`);
  for (let n = 89; n >= 0; n--) {
    const day = new Date(end - n * 86_400_000).toISOString().slice(0, 10);
    const status = days[day] ?? "operational";
    const cls = UPTIME_CLASS[/** @type {keyof typeof UPTIME_CLASS} */ (status)] ?? "u0";
    const last = segments[segments.length - 1];
    if (last && last.cls === cls) { last.n++; last.to = day; } else segments.push({ cls, status, n: 1, from: day, to: day });
  }
  let x = 0;
  const rects = segments.map((s) => `<rect class="${s.cls}" x="${(x += s.n) - s.n}" width="${s.n - 0.15}" height="10"><title>${s.from === s.to ? s.from : `${s.from} to ${s.to}`}: ${DAY_WORDS[/** @type {keyof typeof DAY_WORDS} */ (s.status)] ?? label(s.status)}</title></rect>`).join("");
  const pct = uptimeOf(days, today);
  const text = `${pct === 100 ? "100" : pct.toFixed(2)}% uptime`;
  return `<svg class="bar" viewBox="0 0 90 10" preserveAspectRatio="none" role="img" aria-label="${esc(name)}: last 90 days, ${text}">${rects}</svg><p class="muted up"><span>90 days ago</span><span>${text}</span><span>Today</span></p>`;
}

/** @param {import("./state.mjs").Component} c @param {string} today @param {SiteState} state */
function componentRow(c, today, state) {
  return `<div class="row"><div class="comp"><span>${esc(c.name)}</span><span class="s-${c.status}">${label(c.status)}</span></div>${uptimeBar(state.uptime[c.id] ?? {}, today, c.name)}</div>`;
}

/** @param {SiteState} state @param {string} now */
export function indexPage(state, now) {
  const overall = overallStatus(state);
  const open = state.incidents.filter((i) => i.kind === "incident" && isOpen(i)).sort((a, b) => (a.updated_at < b.updated_at ? 1 : a.updated_at > b.updated_at ? -1 : 0));
  const maint = state.incidents.filter((i) => i.kind === "maintenance" && isOpen(i)).sort((a, b) => String(a.scheduled_for).localeCompare(String(b.scheduled_for)));
  const past = state.incidents.filter((i) => i.kind === "incident" && !isOpen(i)).sort((a, b) => b.seq - a.seq).slice(0, 5);
  // A component shown only when degraded stays off the page while it is operational, as on Statuspage.
  const shown = state.components.filter((c) => !c.only_show_if_degraded || c.status !== "operational").sort((a, b) => a.position - b.position);
  const groups = [...new Set(shown.map((c) => c.group_name || ""))];
  const today = now.slice(0, 10);
  const components = groups.map((g) => {
    const members = shown.filter((c) => (c.group_name || "") === g);
    const rows = members.map((c) => componentRow(c, today, state)).join("");
    if (!g) return rows;
    const worst = members.reduce((w, c) => worseStatus(w, c.status), "operational");
    const status = members.some((c) => c.status === "under_maintenance") && worst === "operational" ? "under_maintenance" : worst;
    // Closed unless something in the group is wrong, so twenty components fit on a phone screen or two.
    return `<details class="group"${status === "operational" ? "" : " open"}><summary><span>${esc(g)} <span class="muted">(${members.length})</span></span><span class="s-${status}">${label(status)}</span></summary>${rows}</details>`;
  }).join("");
  const bannerWord = { info: "Notice", warning: "Warning", critical: "Critical" };
  const body = `<h1>${esc(state.page.name)} status</h1>
${state.page.description ? `<p class="lead">${esc(state.page.description)}</p>` : ""}
${state.banner ? `<p class="banner ${state.banner.level}" role="status"><strong class="tag">${bannerWord[state.banner.level] ?? "Notice"}:</strong> ${esc(state.banner.text)}</p>` : ""}
<p class="overall ${overall.indicator}" role="status">${esc(overall.description)}</p>
${open.length ? `<h2>Active incidents</h2>${open.map((i) => incidentCard(i, state, "")).join("")}` : ""}
${maint.length ? `<h2>Scheduled maintenance</h2>${maint.map((i) => incidentCard(i, state, "")).join("")}` : ""}
<h2>Components</h2>${components ? `<div class="card">${components}</div>` : "<p>No components yet.</p>"}
<h2>Past incidents</h2>${past.length ? `<ul class="list">${past.map((i) => `<li><a href="incidents/${esc(i.id)}.html">${esc(i.name)}</a> <span class="muted">${when(i.started_at, state.page.time_zone)} · ${duration(i.started_at, i.resolved_at)}</span></li>`).join("")}</ul>` : "<p>No incidents reported.</p>"}
<p class="muted">Last updated ${when(state.page.updated_at, state.page.time_zone)}.</p>`;
  return layout({ title: `${state.page.name} status`, pageName: state.page.name, page: state.page, root: "", body, drill: state.drill, description: state.page.description || undefined });
}

/** @param {SiteState} state @param {Incident} i */
export function incidentPage(state, i) {
  const names = componentNames(state);
  const affected = i.components.map((id) => esc(names.get(id) ?? id)).join(", ");
  const body = `<h1>${esc(i.name)}</h1>
<p class="muted">${i.kind === "maintenance" ? "Maintenance" : `Impact: ${label(i.impact)}`} · ${isOpen(i) ? `<span class="st">${label(i.status)}</span>` : "Resolved"}${affected ? ` · Affected: ${affected}` : ""}</p>
${i.postmortem_url ? `<p><a href="${esc(/^https?:/.test(i.postmortem_url) ? i.postmortem_url : `../${i.postmortem_url}`)}">Read the postmortem</a></p>` : ""}
<section class="card" aria-label="Updates">${updatesHtml(i, state)}</section>`;
  return layout({ title: `${i.name} · ${state.page.name} status`, pageName: state.page.name, page: state.page, root: "../", body, drill: state.drill });
}

/** A page of history holds a fixed bucket of incidents (by creation order), so older pages never change. */
/** @param {SiteState} state @param {number} bucket @param {number} lastBucket @param {Incident[]} incidents */
export function historyPage(state, bucket, lastBucket, incidents) {
  const sorted = [...incidents].sort((a, b) => b.seq - a.seq);
  const nav = `<nav class="pages" aria-label="History pages">${bucket < lastBucket ? `<a href="page-${bucket + 1}.html">Newer incidents</a>` : "<span></span>"}${bucket > 0 ? `<a href="page-${bucket - 1}.html">Older incidents</a>` : "<span></span>"}</nav>`;
  const list = sorted.map((i) => `<li><a href="../incidents/${esc(i.id)}.html">${esc(i.name)}</a> <span class="muted">${when(i.started_at, state.page.time_zone)} · ${label(i.status)}</span></li>`).join("");
  const body = `<h1>Incident history</h1><p class="muted">Page ${bucket + 1} of ${lastBucket + 1}</p><ul class="list">${list || "<li>No incidents.</li>"}</ul>${nav}`;
  return layout({ title: `Incident history (page ${bucket + 1}) · ${state.page.name} status`, pageName: state.page.name, page: state.page, root: "../", body, drill: state.drill });
}

const MONTH_NAMES = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

/**
 * history/index.html: the recent incidents by month with their durations, then the numbered pages
 * that hold everything (no JavaScript redirects).
 * @param {SiteState} state @param {number} lastBucket
 */
export function historyIndex(state, lastBucket) {
  const recent = [...state.incidents].sort((a, b) => b.seq - a.seq);
  /** @type {Map<string, Incident[]>} */
  const months = new Map();
  for (const i of recent) {
    const key = (i.scheduled_for ?? i.started_at).slice(0, 7);
    months.set(key, [...(months.get(key) ?? []), i]);
  }
  const sections = [...months].map(([key, list]) => `<h2>${MONTH_NAMES[+key.slice(5) - 1]} ${key.slice(0, 4)}</h2><ul class="list">${list.map((i) =>
    `<li><a href="../incidents/${esc(i.id)}.html">${esc(i.name)}</a> <span class="muted">${i.kind === "maintenance" ? "Maintenance · " : ""}${when(i.scheduled_for ?? i.started_at, state.page.time_zone)} · ${duration(i.scheduled_for ?? i.started_at, i.resolved_at)}</span></li>`).join("")}</ul>`).join("");
  const pages = Array.from({ length: lastBucket + 1 }, (_, n) => lastBucket - n).map((n) => `<li><a href="page-${n}.html">Page ${n + 1}</a></li>`).join("");
  return layout({ title: `Incident history · ${state.page.name} status`, pageName: state.page.name, page: state.page, root: "../", drill: state.drill,
    body: `<h1>Incident history</h1>${sections || "<p>No incidents reported.</p>"}<h2>All incidents, page by page</h2><ul class="list">${pages}</ul>` });
}

/** A published postmortem as a page of the site; `bodyHtml` was sanitised by the app that rendered it. */
/** @param {SiteState} state @param {string} title @param {string} bodyHtml */
export function postmortemPage(state, title, bodyHtml) {
  return layout({ title: `Postmortem: ${title} · ${state.page.name} status`, pageName: state.page.name, page: state.page, root: "../", drill: state.drill,
    body: `<h1>Postmortem: ${esc(title)}</h1><article class="card">${scrollTables(bodyHtml)}</article>` });
}

/** Wide tables scroll inside their own focusable box, so the page itself never scrolls sideways on a phone. */
/** @param {string} html */
function scrollTables(html) {
  let n = 0;
  return html.replace(/<table>/g, () => `<div class="scroll" role="region" aria-label="Table ${++n} (scrolls sideways)" tabindex="0"><table>`)
    .replace(/<\/table>/g, "</table></div>");
}
