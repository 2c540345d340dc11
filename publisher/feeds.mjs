// @ts-check
import { escapeHtml as esc } from "./markdown.mjs";

/** @typedef {import("./state.mjs").SiteState} SiteState @typedef {import("./state.mjs").Incident} Incident */

const FEED_SIZE = 50;

/** One entry per incident update, newest first, from the incidents given (the recent ones). */
/** @param {Incident[]} incidents */
export function feedEntries(incidents) {
  return incidents
    .flatMap((i) => i.incident_updates.map((u) => ({ incident: i, update: u })))
    .sort((a, b) => (a.update.created_at < b.update.created_at ? 1 : a.update.created_at > b.update.created_at ? -1 : 0))
    .slice(0, FEED_SIZE);
}

/** @param {string} base @param {string} path */
const link = (base, path) => (base ? `${base.replace(/\/$/, "")}/${path}` : path);

/**
 * Ids carry the page's id, which is unique to each installation, so two Sitrep pages never share one.
 * @param {SiteState} state @param {ReturnType<typeof feedEntries>} entries @param {{ title?: string, selfPath?: string, selfHref?: string }} [opts]
 */
export function atomFeed(state, entries, opts = {}) {
  const base = state.page.url;
  const self = opts.selfHref ?? (opts.selfPath ? null : link(base, "feed.atom"));
  const title = opts.title ?? `${state.page.name} status`;
  const items = entries.map(({ incident: i, update: u }) => `  <entry>
    <id>tag:sitrep,${u.created_at.slice(0, 10)}:${esc(state.page.id)}/${esc(i.id)}/${esc(u.id)}</id>
    <title>${esc(`${i.name}: ${u.status.replace(/_/g, " ")}`)}</title>
    <updated>${esc(u.created_at)}</updated>
    <link rel="alternate" type="text/html" href="${esc(link(base, `incidents/${i.id}.html`))}"/>
    <content type="html">${esc(u.body_html)}</content>
  </entry>`).join("\n");
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en">
  <id>tag:sitrep,2020:${esc(state.page.id)}${opts.selfPath ? `/${esc(opts.selfPath)}` : ""}</id>
  <title>${esc(title)}</title>
  <updated>${esc(entries[0]?.update.created_at ?? state.page.updated_at)}</updated>
  <author><name>${esc(state.page.name)}</name></author>
  <link rel="alternate" type="text/html" href="${esc(link(base, "index.html"))}"/>
${self ? `  <link rel="self" type="application/atom+xml" href="${esc(self)}"/>\n` : ""}${items}
</feed>
`;
}

/** @param {string} iso */
const rfc822 = (iso) => new Date(iso).toUTCString();

/** @param {SiteState} state @param {ReturnType<typeof feedEntries>} entries */
export function rssFeed(state, entries) {
  const base = state.page.url;
  const items = entries.map(({ incident: i, update: u }) => `    <item>
      <title>${esc(`${i.name}: ${u.status.replace(/_/g, " ")}`)}</title>
      <link>${esc(link(base, `incidents/${i.id}.html`))}</link>
      <guid isPermaLink="false">${esc(state.page.id)}/${esc(i.id)}/${esc(u.id)}</guid>
      <pubDate>${rfc822(u.created_at)}</pubDate>
      <description>${esc(u.body_html)}</description>
    </item>`).join("\n");
  return `<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom">
  <channel>
    <title>${esc(`${state.page.name} status`)}</title>
    <link>${esc(link(base, "index.html"))}</link>
    <atom:link href="${esc(link(base, "feed.rss"))}" rel="self" type="application/rss+xml"/>
    <language>en</language>
    <description>${esc(`Incident updates for ${state.page.name}`)}</description>
    <lastBuildDate>${rfc822(entries[0]?.update.created_at ?? state.page.updated_at)}</lastBuildDate>
${items}
  </channel>
</rss>
`;
}
