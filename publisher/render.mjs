// @ts-check
import { apiFiles } from "./api.mjs";
import { atomFeed, feedEntries, rssFeed } from "./feeds.mjs";
import { historyIndex, historyPage, incidentPage, indexPage } from "./pages.mjs";
import { bucketOf, hotIncidents, publicIncident } from "./state.mjs";
import { useZoneTable } from "./html.mjs";
import { faviconFile } from "./favicon.mjs";

/** @typedef {import("./state.mjs").SiteState} SiteState @typedef {import("./state.mjs").Incident} Incident */

/**
 * state -> the site's files, by path. Pure. Always renders the pages that summarise the present
 * (index, feeds, JSON, state.json); renders history pages and incident pages only for the buckets
 * given, and within them only `incidentIds` if given, so a publish costs the same at any history size.
 * @param {SiteState} state
 * @param {{ now: string, buckets?: Map<number, Incident[]>, incidentIds?: Set<string> }} opts
 * @returns {Map<string, string|Buffer>}
 */
export function render(state, { now, buckets = new Map(), incidentIds }) {
  useZoneTable(state.page.time_zone, state.page.zone_table);
  const files = new Map();
  files.set("index.html", indexPage(state, now));
  const entries = feedEntries(state.incidents);
  files.set("feed.atom", atomFeed(state, entries));
  files.set("feed.rss", rssFeed(state, entries));
  for (const [path, content] of apiFiles(state, now)) files.set(path, content);
  const lastBucket = bucketOf(Math.max(0, state.next_seq - 1));
  files.set("history/index.html", historyIndex(state, lastBucket));
  for (const [bucket, list] of buckets) {
    files.set(`history/page-${bucket}.html`, historyPage(state, bucket, lastBucket, list));
    files.set(`state/bucket-${bucket}.json`, JSON.stringify({ bucket, incidents: list.map(publicIncident) }) + "\n");
    for (const i of list) if (!incidentIds || incidentIds.has(i.id)) files.set(`incidents/${i.id}.html`, incidentPage(state, i));
  }
  // A site without any incident still needs the page that history/index.html links to.
  if (state.next_seq === 0) files.set("history/page-0.html", historyPage(state, 0, 0, []));
  files.set("favicon.ico", faviconFile(state.page));
  if (state.page.journal_key) files.set("journal-key.pub", state.page.journal_key);
  files.set("state.json", JSON.stringify({ ...state, incidents: hotIncidents(state.incidents) }, null, 1) + "\n");
  return files;
}

/** Groups incidents by history bucket, for a full render. */
/** @param {Incident[]} incidents */
export function bucketsOf(incidents) {
  /** @type {Map<number, Incident[]>} */
  const map = new Map();
  for (const i of incidents) map.set(bucketOf(i.seq), [...(map.get(bucketOf(i.seq)) ?? []), i]);
  return map;
}
