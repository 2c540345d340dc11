// @ts-check
import { escapeHtml } from "./markdown.mjs";
import { formatFromTable } from "./zone-table.mjs";

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

/** @param {string} status */
export const label = (status) => esc(status.replace(/_/g, " "));

/**
 * A whole page. `root` is the relative path back to the site root ("" or "../"), so the same files
 * work under /status/ in the app and at the root of any static host.
 * @param {{ title: string, pageName: string, root: string, body: string, drill?: string, description?: string }} p
 */
export function layout(p) {
  const drill = p.drill ? `<p class="drill" role="alert">DRILL — not a real incident. ${esc(p.drill)}</p>` : "";
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(p.title)}</title><meta name="description" content="${esc(p.description ?? `Current status of ${p.pageName}`)}">
<link rel="alternate" type="application/atom+xml" title="${esc(p.pageName)} incidents (Atom)" href="${p.root}feed.atom">
<link rel="alternate" type="application/rss+xml" title="${esc(p.pageName)} incidents (RSS)" href="${p.root}feed.rss">
<style>${CSS}</style></head>
<body><main>${drill}
<header><p><a href="${p.root}index.html">${esc(p.pageName)} status</a></p></header>
${p.body}
<footer><a href="${p.root}history/index.html">Incident history</a> · <a href="${p.root}feed.atom">Atom</a> · <a href="${p.root}feed.rss">RSS</a> · <a href="${p.root}api/v2/summary.json">JSON</a></footer>
</main></body></html>
`;
}
