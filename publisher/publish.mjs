// @ts-check
import { randomBytes } from "node:crypto";
import { mkdirSync } from "node:fs";
import { appendJournal } from "./journal.mjs";
import { withLock } from "./lock.mjs";
import { bucketsOf, render } from "./render.mjs";
import { incidentPage, indexPage } from "./pages.mjs";
import { readBucket, readState, siteLayout } from "./site.mjs";
import { BUCKET_SIZE, bucketOf, hotIncidents } from "./state.mjs";
import { stageRelease, writeRelease } from "./write.mjs";
import { zoneTable } from "./zone-table.mjs";

/** @typedef {import("./state.mjs").SiteState} SiteState @typedef {import("./state.mjs").Incident} Incident */
/** @typedef {import("./apply.mjs").Context} Context @typedef {import("./apply.mjs").Change} Change */
/** @typedef {(state: SiteState, ctx: Context, find: (id: string) => Incident|null) => Change} Operation */

const ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";
/** Statuspage-style opaque ids: 12 lowercase letters and digits. */
export function newId() {
  return [...randomBytes(12)].map((b) => ALPHABET[b % 36]).join("");
}

/** An incident by id: a recent one from state.json, an older one from its history bucket. */
/** @param {string} site @param {SiteState} state @param {string} id */
export function findIncident(site, state, id) {
  const hot = state.incidents.find((i) => i.id === id);
  if (hot) return hot;
  for (let b = bucketOf(Math.max(0, state.next_seq - 1)); b >= 0; b--) {
    const found = readBucket(site, b).find((i) => i.id === id);
    if (found) return found;
  }
  return null;
}

/**
 * Only the history buckets of the changed incidents are re-rendered (and the one before, when a new
 * bucket starts); removed incidents (an undone start, a rollback) leave their history page again.
 * @param {string} site @param {Incident[]} changed @param {Incident[]} removed
 */
function touchedBuckets(site, changed, removed) {
  /** @type {Map<number, Incident[]>} */
  const buckets = new Map();
  const bucket = (/** @type {number} */ b) => {
    if (!buckets.has(b)) buckets.set(b, readBucket(site, b));
    return /** @type {Incident[]} */ (buckets.get(b));
  };
  for (const incident of changed) {
    const b = bucketOf(incident.seq);
    const list = bucket(b).filter((i) => i.id !== incident.id);
    if (b > 0 && incident.seq % BUCKET_SIZE === 0 && list.length === 0) bucket(b - 1);
    buckets.set(b, [...list, incident].sort((x, y) => x.seq - y.seq));
  }
  for (const gone of removed) buckets.set(bucketOf(gone.seq), bucket(bucketOf(gone.seq)).filter((i) => i.id !== gone.id));
  return buckets;
}

/**
 * The one way anything is published, from the app or from the backup CLI: under the site's lock,
 * read the site's state, apply the operation, render what changed into a release nobody sees yet,
 * journal it (durably, naming the release), then swap it in. The swap is the commit: an entry whose
 * release never went live was not published (see classifyEntries). A failure before the swap leaves
 * the live site exactly as it was.
 * @param {string} site
 * @param {Operation} op
 * @param {{ author: string, origin: "app"|"backup", now?: string, waitMs?: number, onWait?: (holder: string) => void,
 *   sign?: (entry: import("./journal.mjs").JournalEntry) => Record<string, string>|undefined, kind?: string, undoes?: string, postmortem?: string, extra?: Record<string, unknown> }} opts
 */
export async function publish(site, op, opts) {
  const l = siteLayout(site);
  mkdirSync(l.root, { recursive: true });
  return withLock(l.lock, () => {
    const state = readState(site);
    const now = opts.now ?? new Date().toISOString();
    const change = op(state, { author: opts.author, origin: opts.origin, now, newId }, (id) => findIncident(site, state, id));
    const touched = [...(change.incident ? [change.incident] : []), ...(change.also ?? [])];
    const removed = [...(change.remove ? [change.remove] : []), ...(change.removeAll ?? [])];
    const buckets = touchedBuckets(site, touched, removed);
    const next = { ...change.state, incidents: hotIncidents(change.state.incidents) };
    const files = render(next, { now, buckets, incidentIds: new Set(touched.map((i) => i.id)) });
    for (const [path, content] of change.files ?? []) files.set(path, content);
    const staged = stageRelease(site, files, { remove: [...removed.map((i) => `incidents/${i.id}.html`), ...(change.removeFiles ?? [])] });
    const { release, previous } = staged;
    const update = change.incident?.incident_updates[0] ?? null;
    const fresh = update && update.created_at === now;
    /** @type {import("./journal.mjs").JournalEntry} */
    const entry = {
      id: fresh ? update.id : newId(), at: now, author: opts.author, origin: opts.origin, kind: opts.kind ?? (fresh ? "update" : "change"), release, previous,
      incident: change.incident ? { id: change.incident.id, name: change.incident.name, status: change.incident.status, impact: change.incident.impact, kind: change.incident.kind } : null,
      update: fresh ? { id: update.id, status: update.status, body: update.body, affected_components: update.affected_components } : null,
      ...(change.incident ? {} : { banner: next.banner }),
      ...(opts.undoes ? { undoes: opts.undoes } : {}),
      ...(opts.postmortem ? { postmortem: opts.postmortem } : {}),
      ...change.journal, ...opts.extra,
    };
    try {
      appendJournal(l.journal, { ...entry, ...opts.sign?.(entry) });
    } catch (err) {
      staged.abort();
      throw new JournalWriteError(l.journal, /** @type {NodeJS.ErrnoException} */ (err));
    }
    staged.commit();
    return { state: next, incident: change.incident, update: fresh ? update : null, release, previous, entry };
  }, { waitMs: opts.waitMs, onWait: opts.onWait });
}

/**
 * Runs an operation against the site as it is, writing nothing: the state before, the change, and when.
 * @param {string} site @param {Operation} op @param {{ author: string, origin: "app"|"backup" }} opts
 */
export function dryRun(site, op, opts) {
  const before = readState(site);
  const now = new Date().toISOString();
  const change = op(before, { ...opts, now, newId }, (id) => findIncident(site, before, id));
  return { before, change, now };
}

/** What an operation would publish: the front page and the incident's page, rendered but not written. */
/** @param {string} site @param {Operation} op @param {{ author: string, origin: "app"|"backup" }} opts */
export function preview(site, op, opts) {
  const { change, now } = dryRun(site, op, opts);
  const next = { ...change.state, incidents: hotIncidents(change.state.incidents) };
  return { index: indexPage(next, now), incident: change.incident ? incidentPage(next, change.incident) : null };
}

/**
 * Creates a site from a full state (every incident given), or rebuilds one completely. `journal`
 * entries (the updates the state was made from, e.g. seed data) are journaled as part of this release.
 * @param {string} site @param {SiteState} state @param {Incident[]} all @param {string} [now]
 * @param {{ journal?: Omit<import("./journal.mjs").JournalEntry, "release"|"previous">[], sign?: (entry: import("./journal.mjs").JournalEntry) => Record<string, string>|undefined, files?: Map<string, string> }} [opts]
 * `files`: pages published with the site that are not rendered from its state (postmortems).
 */
export async function createSite(site, state, all, now = new Date().toISOString(), { journal = [], sign, files = new Map() } = {}) {
  const l = siteLayout(site);
  mkdirSync(l.root, { recursive: true });
  return withLock(l.lock, () => {
    // The zone's offsets are worked out once here, so later publishes format times without ICU.
    const page = state.page.zone_table ? state.page : { ...state.page, zone_table: zoneTable(state.page.time_zone) };
    const next = { ...state, page, incidents: hotIncidents(all) };
    const rendered = render(next, { now, buckets: bucketsOf(all) });
    for (const [path, content] of files) rendered.set(path, content);
    if (!journal.length) return writeRelease(site, rendered);
    const staged = stageRelease(site, rendered);
    try {
      for (const e of journal) {
        const entry = { ...e, release: staged.release, previous: staged.previous };
        appendJournal(l.journal, { ...entry, ...sign?.(entry) });
      }
    } catch (err) {
      staged.abort();
      throw new JournalWriteError(l.journal, /** @type {NodeJS.ErrnoException} */ (err));
    }
    staged.commit();
    return { release: staged.release, previous: staged.previous };
  });
}

/** The journal could not be appended to, so nothing was published. */
export class JournalWriteError extends Error {
  /** @param {string} path @param {NodeJS.ErrnoException} cause */
  constructor(path, cause) {
    super(`${cause.code === "ENOSPC" ? "the disk is full" : "cannot write"} the journal ${path} (${cause.code ?? cause.message})`);
    this.code = cause.code;
  }
}
