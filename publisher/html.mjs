// @ts-check
import { escapeHtml } from "./markdown.mjs";
import { formatFromTable, offsetAt, offsetLabel } from "./zone-table.mjs";
import { DEFAULT_ACCENT, faviconSvg } from "./favicon.mjs";

export const esc = escapeHtml;

const CSS = `:root{--bg:#fff;--fg:#1b1c1e;--muted:#5a5e66;--line:#dfe1e4;--ok:#1d7a3d;--minor:#8a6a00;--major:#b7470a;--critical:#b42318;--maint:#2456a6;--card:#f6f7f8}
@media (prefers-color-scheme:dark){:root{--bg:#121314;--fg:#e8e9eb;--muted:#a3a7ae;--line:#34373c;--ok:#5fcf86;--minor:#e3c24f;--major:#ff9d5c;--critical:#ff8a80;--maint:#8fb3ff;--card:#1c1e21}}
*{box-sizing:border-box}body{margin:0;background:var(--bg);color:var(--fg);font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif}
main{max-width:46rem;margin:0 auto;padding:1rem}a{color:var(--maint)}h1{font-size:1.5rem;margin:.5rem 0}h2{font-size:1.15rem;margin:1.5rem 0 .5rem}h3{font-size:1rem;margin:0}
.overall{padding:1rem;border-radius:8px;font-weight:650;font-size:1.1rem;color:#fff;background:var(--ok)}.overall.minor{background:var(--minor)}.overall.major{background:var(--major)}.overall.critical{background:var(--critical)}.overall.maintenance{background:var(--maint)}
@media (prefers-color-scheme:dark){.overall{color:#111}}
.banner,.drill{border:2px solid var(--major);border-radius:8px;padding:.6rem .9rem;margin:.75rem 0}.banner.critical{border-color:var(--critical)}.banner.info{border-color:var(--maint)}
.drill{border-color:var(--critical);font-weight:700;text-align:center}
.card{background:var(--card);border:1px solid var(--line);border-radius:8px;padding:.75rem 1rem;margin:.75rem 0}
.update{border-top:1px solid var(--line);padding:.5rem 0}.update:first-of-type{border-top:0}.update p{margin:.25rem 0}
.st{font-weight:650;text-transform:capitalize}.muted{color:var(--muted);font-size:.9rem}
.comp{display:flex;justify-content:space-between;gap:1rem;padding:.5rem 0;border-top:1px solid var(--line)}.comp:first-child{border-top:0}
.s-operational{color:var(--ok)}.s-degraded_performance{color:var(--minor)}.s-partial_outage{color:var(--major)}.s-major_outage{color:var(--critical)}.s-under_maintenance{color:var(--maint)}
.bar{display:block;width:100%;height:1.4rem;margin:.25rem 0 .1rem}.bar rect{fill:var(--ok)}.bar .u1{fill:var(--minor)}.bar .u2{fill:var(--major)}.bar .u3{fill:var(--critical)}.bar .u4{fill:var(--maint)}
ul.list{padding-left:1.1rem}nav.pages{display:flex;justify-content:space-between;margin:1rem 0}footer{margin:2rem 0 1rem;color:var(--muted);font-size:.85rem}
@media (max-width:30rem){main{padding:.6rem}.comp{flex-direction:column;gap:0}}
.scroll{overflow-x:auto;max-width:100%}.scroll:focus-visible{outline:3px solid var(--maint)}table{border-collapse:collapse}th,td{text-align:left;padding:.3rem .5rem;border-bottom:1px solid var(--line);vertical-align:top}
pre{overflow-x:auto;max-width:100%}.card{overflow-wrap:break-word}`;

/** The page's own look (accent, header with logo and Subscribe, groups, cards); kept apart from the base rules. */
const BRAND_CSS = `header.top{display:flex;align-items:center;justify-content:space-between;gap:.75rem;flex-wrap:wrap;border-bottom:3px solid var(--accent);padding:.25rem 0 .6rem;margin-bottom:.5rem}
header.top .name{display:flex;align-items:center;gap:.5rem;font-weight:650;color:var(--fg);text-decoration:none}header.top img{max-height:2rem;width:auto}
.btn{display:inline-block;background:var(--accent);color:var(--on-accent);padding:.45rem .9rem;border-radius:6px;font-weight:650;text-decoration:none}
.lead{margin:.25rem 0 .75rem;color:var(--muted)}
details.group{border-top:1px solid var(--line)}details.group:first-child{border-top:0}details.group>summary{display:flex;justify-content:space-between;gap:1rem;padding:.5rem 0;cursor:pointer;font-weight:650}
details.group>summary>span:first-child::before{content:"\\25B8";display:inline-block;width:1.1em}details.group[open]>summary>span:first-child::before{content:"\\25BE"}
.row{padding:.35rem 0 .35rem .9rem}.row .comp{border:0;padding:.1rem 0}.up{display:flex;justify-content:space-between;gap:.5rem}
.affected{margin:.25rem 0;padding-left:1.1rem}.tag{font-weight:650}
.banner.critical .tag{color:var(--critical)}
@media (max-width:30rem){.row .comp{flex-direction:row}}`;

/** Text on the accent colour: white or near-black, whichever reads better (WCAG contrast). @param {string} hex */
function onAccent(hex) {
  const lin = (/** @type {number} */ v) => (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
  const [r, g, b] = [1, 3, 5].map((i) => lin(parseInt(hex.slice(i, i + 2), 16) / 255));
  const l = 0.2126 * r + 0.7152 * g + 0.0722 * b;
  return (1.05) / (l + 0.05) >= (l + 0.05) / 0.0611 ? "#fff" : "#111";
}

/** The page's time zone formatter, cached per zone. */
const formatters = new Map();
/** @type {Map<string, import("./zone-table.mjs").Span[]>} */
const tables = new Map();

/** Lets `when` format this zone from a precomputed table instead of initialising Intl. */
/** @param {string} zone @param {import("./zone-table.mjs").Span[]|undefined} table */
export function useZoneTable(zone, table) {
  if (table?.length) tables.set(zone, table);
}

/** @param {string} iso @param {string} zone */
export function when(iso, zone) {
  const fromTable = tables.has(zone) ? formatFromTable(/** @type {any} */ (tables.get(zone)), Date.parse(iso)) : null;
  if (fromTable) return `<time datetime="${esc(iso)}">${esc(fromTable)}</time>`;
  let f = formatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", { timeZone: zone, month: "short", day: "numeric", year: "numeric", hour: "2-digit", minute: "2-digit", hourCycle: "h23", timeZoneName: "short" });
    formatters.set(zone, f);
  }
  return `<time datetime="${esc(iso)}">${esc(f.format(new Date(iso)))}</time>`;
}

/** A time with the zone's UTC offset spelled out (for maintenance windows people plan around). */
/** @param {string} iso @param {string} zone */
export function whenWithOffset(iso, zone) {
  const table = tables.get(zone);
  const offset = table ? offsetAt(table, Date.parse(iso)) : null;
  return `${when(iso, zone)}${offset === null ? "" : ` (${offsetLabel(offset)})`}`;
}

/** "2 h 15 min", "3 days": how long something lasted. @param {string} from @param {string|null} to */
export function duration(from, to) {
  if (!to) return "ongoing";
  const min = Math.max(0, Math.round((Date.parse(to) - Date.parse(from)) / 60_000));
  if (min < 60) return `${min} min`;
  if (min < 48 * 60) return `${Math.floor(min / 60)} h${min % 60 ? ` ${min % 60} min` : ""}`;
  return `${Math.round(min / 1440)} days`;
}

/** @param {string} status */
export const label = (status) => esc(status.replace(/_/g, " "));

/**
 * A whole page. `root` is the relative path back to the site root ("" or "../"), so the same files
 * work under /status/ in the app and at the root of any static host. Logo and favicon are data
 * URIs, so a page is still one request.
 * @param {{ title: string, pageName: string, root: string, body: string, drill?: string, description?: string,
 *   page?: import("./state.mjs").SiteState["page"] }} p
 */
export function layout(p) {
  const drill = p.drill ? `<p class="drill" role="alert">DRILL — not a real incident. ${esc(p.drill)}</p>` : "";
  const page = p.page;
  const accent = page?.accent || DEFAULT_ACCENT;
  const icon = page?.favicon || faviconSvg(accent);
  const logo = page?.logo ? `<img src="${esc(page.logo)}" alt="">` : "";
  const subscribe = page?.subscribe_url ? `<a class="btn" href="${esc(page.subscribe_url)}">Subscribe to updates</a>` : "";
  const links = [page?.support_url ? `<a href="${esc(page.support_url)}">Support</a>` : "", page?.privacy_url ? `<a href="${esc(page.privacy_url)}">Privacy</a>` : ""].filter(Boolean);
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(p.title)}</title><meta name="description" content="${esc(p.description ?? `Current status of ${p.pageName}`)}">
<link rel="alternate" type="application/atom+xml" title="${esc(p.pageName)} incidents (Atom)" href="${p.root}feed.atom">
<link rel="alternate" type="application/rss+xml" title="${esc(p.pageName)} incidents (RSS)" href="${p.root}feed.rss">
<link rel="icon" href="${esc(icon)}">
<style>${CSS}
:root{--accent:${accent};--on-accent:${onAccent(accent)}}
${BRAND_CSS}</style></head>
<body><main>${drill}
<header class="top"><a class="name" href="${p.root}index.html">${logo}<span>${esc(p.pageName)} status</span></a>${subscribe}</header>
${p.body}
<footer><a href="${p.root}history/index.html">Incident history</a> · <a href="${p.root}feed.atom">Atom</a> · <a href="${p.root}feed.rss">RSS</a> · <a href="${p.root}api/v2/summary.json">JSON</a>${links.map((l) => ` · ${l}`).join("")}</footer>
</main></body></html>
`;
}
