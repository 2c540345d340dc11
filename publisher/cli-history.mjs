// @ts-check
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { UsageError } from "./cli-args.mjs";
import { run } from "./cli-commands.mjs";
import { ensureOperator } from "./cli-publish.mjs";
import { differences, said } from "./cli-words.mjs";
import { committedEntries, readJournal } from "./journal.mjs";
import { readState, siteLayout, SiteError } from "./site.mjs";
import { currentRelease } from "./write.mjs";
import { recentTargetResults } from "./targets.mjs";

/** @typedef {import("./cli-commands.mjs").Ctx} Ctx @typedef {import("./journal.mjs").JournalEntry} Entry */
/** @typedef {import("./state.mjs").SiteState} SiteState @typedef {import("./state.mjs").Incident} Incident */

/** Every publish that went live, numbered from 1 (the oldest); the numbers never change. */
/** @param {string} site */
export function publishes(site) {
  return committedEntries(readJournal(siteLayout(site).journal), currentRelease(site)).map((entry, n) => ({ n: n + 1, entry }));
}

/** @param {Entry} e */
const door = (e) => (e.origin === "backup" ? "backup CLI" : "app");

/** What one publish changed, in a line. @param {Entry & Record<string, any>} e @param {Map<string, number>} numbers */
export function whatChanged(e, numbers) {
  const name = e.incident ? `"${e.incident.name}"` : "";
  if (e.kind === "edit") return `corrected an update on ${name}: ${e.update?.body.slice(0, 70)}`;
  if (e.kind === "undo") return `undo of #${numbers.get(e.undoes ?? "") ?? "?"}`;
  if (e.kind === "rollback") return `rollback to the site as after #${numbers.get(e.restores ?? "") ?? "?"}`;
  if (e.kind === "keygen") return "published the journal signing key";
  if (e.kind === "seed" || (!e.incident && !e.update && e.banner === undefined)) return e.kind;
  if (!e.incident) return e.banner ? `banner (${/** @type {any} */ (e.banner).level}): ${/** @type {any} */ (e.banner).text.slice(0, 70)}` : "banner removed";
  if (!e.update) return `${name}: ${e.kind}${e.postmortem ? " (postmortem linked)" : ""}`;
  const comps = e.update.affected_components.map((c) => `${c.name ?? c.code} ${said(c.new_status)}`).join(", ");
  return `${name} ${said(e.update.status)}: ${e.update.body.slice(0, 60)}${comps ? ` [${comps}]` : ""}`;
}

/** `history`: the recent publishes, newest last, with their numbers for rollback. */
/** @param {Ctx} c */
export function history(c) {
  const all = publishes(c.site);
  const limit = c.flags.limit === undefined ? 20 : Number(c.flags.limit);
  if (!Number.isInteger(limit) || limit < 1) throw new UsageError(`--limit must be a whole number above 0, not "${c.flags.limit}"`);
  const numbers = new Map(all.map((p) => [p.entry.id, p.n]));
  const shown = all.slice(-limit);
  const sent = targetsByRelease(c.site);
  if (c.flags.json) {
    c.io.print(JSON.stringify(shown.map((p) => ({ n: p.n, at: p.entry.at, author: p.entry.author, door: door(p.entry), kind: p.entry.kind, what: whatChanged(p.entry, numbers), targets: sent.get(p.entry.release) ?? [] }))));
    return 0;
  }
  if (!all.length) {
    c.io.print("Nothing has been published on this site yet.");
    return 0;
  }
  c.io.print(`Publishes on ${c.site} (${all.length} in all; "rollback --to N" goes back to one):`);
  for (const p of shown) {
    c.io.print(`  #${String(p.n).padEnd(4)} ${p.entry.at.slice(0, 16).replace("T", " ")} UTC  ${`${p.entry.author} (${door(p.entry)})`.padEnd(30)} ${whatChanged(p.entry, numbers)}`);
    const results = sent.get(p.entry.release);
    if (results) c.io.print(`        sent to ${results.map((r) => (r.ok ? `${r.target}: ok` : `${r.target}: FAILED (${r.detail})`)).join("; ")}`);
  }
  return 0;
}

/** The last result of each publish target for each release sent (site.d/targets/log.jsonl). */
/** @param {string} site */
function targetsByRelease(site) {
  /** @type {Map<string, import("./targets.mjs").TargetResult[]>} */
  const byRelease = new Map();
  for (const r of recentTargetResults(site, 500).reverse()) {
    if (!r.release) continue;
    const list = byRelease.get(r.release) ?? [];
    byRelease.set(r.release, [...list.filter((x) => x.target !== r.target), r]);
  }
  return byRelease;
}

/** The site as it was right after a release went live, from that release's own state.json. */
/** @param {string} site @param {string|null|undefined} release @param {string} what */
function stateOf(site, release, what) {
  const file = release ? join(siteLayout(site).releases, release, "state.json") : "";
  if (!file || !existsSync(file)) throw new SiteError(`${what} is older than the releases this machine keeps (the last few); "history" shows the numbers, choose a more recent one`);
  return /** @type {SiteState} */ (JSON.parse(readFileSync(file, "utf8")));
}

/**
 * The operation that makes the site say again what `target` said, published as a new release (old
 * releases are never linked again: their shared pages live in store generations that have changed
 * since). Incidents started after it are taken off; the page's own settings (keys, time zone) and
 * uptime stay as they are now. The journal entry lists the updates customers stop or start seeing,
 * so the app can follow.
 * @param {SiteState} target @returns {import("./publish.mjs").Operation}
 */
function restore(target) {
  return (now, ctx, find) => {
    const removeAll = now.incidents.filter((i) => i.seq >= target.next_seq);
    /** @type {Incident[]} */
    const also = [];
    /** @type {string[]} */
    const withdraws = removeAll.flatMap((i) => i.incident_updates.map((u) => u.id));
    /** @type {{ id: string, body: string }[]} */
    const rewords = [];
    /** @type {Record<string, unknown>[]} */
    const reinstates = [];
    for (const then of target.incidents) {
      const current = find(then.id);
      if (current && JSON.stringify(current) === JSON.stringify(then)) continue;
      also.push(then);
      const ids = new Set(then.incident_updates.map((u) => u.id));
      for (const u of current?.incident_updates ?? []) if (!ids.has(u.id)) withdraws.push(u.id);
      for (const u of then.incident_updates) {
        const was = current?.incident_updates.find((x) => x.id === u.id);
        if (!was) reinstates.push({ id: u.id, status: u.status, body: u.body, affected_components: u.affected_components, at: u.created_at, incident: { id: then.id, name: then.name, status: then.status, impact: then.impact, kind: then.kind } });
        else if (was.body !== u.body) rewords.push({ id: u.id, body: u.body });
      }
    }
    const state = { ...target, page: { ...now.page, updated_at: ctx.now }, uptime: now.uptime, ...(now.drill ? { drill: now.drill } : {}) };
    return { state, incident: null, also, removeAll, journal: { withdraws, rewords, reinstates } };
  };
}

/** Shows what customers will see change, then publishes the restore after asking. */
/** @param {Ctx} c @param {SiteState} target @param {string} heading @param {Record<string, unknown>} entry */
async function restoreWithPreview(c, target, heading, entry) {
  const lines = differences(readState(c.site), target);
  c.io.print(heading);
  if (!lines.length) {
    c.io.print("Customers would see no difference; nothing to publish.");
    return 1;
  }
  return run(c, restore(target), entry);
}

/** `rollback --to N`: the site as it was after publish N, as a new publish. */
/** @param {Ctx} c */
export async function rollback(c) {
  if (c.flags.to === undefined) throw new UsageError('which publish? add --to N with a number from "history"');
  const all = publishes(c.site);
  const n = Number(String(c.flags.to).replace(/^#/, ""));
  const chosen = all.find((p) => p.n === n);
  if (!chosen) throw new UsageError(`no publish #${c.flags.to}; "history" lists them (1 to ${all.length})`);
  if (chosen.n === all.length) throw new UsageError(`#${n} is what the site shows now; choose an earlier number from "history"`);
  const target = stateOf(c.site, chosen.entry.release, `publish #${n}`);
  const numbers = new Map(all.map((p) => [p.entry.id, p.n]));
  return restoreWithPreview(c, target, `Going back to the site as it was after #${n} (${chosen.entry.author}, ${chosen.entry.at.slice(0, 16).replace("T", " ")} UTC: ${whatChanged(chosen.entry, numbers)}).`,
    { kind: "rollback", extra: { restores: chosen.entry.id } });
}

/**
 * `undo`: takes back your own latest publish (which may itself be an undo). When someone else has
 * published since, it says who and what, and points to rollback instead of guessing.
 * @param {Ctx} c
 */
export async function undo(c) {
  const me = await ensureOperator(c);
  const all = publishes(c.site);
  const numbers = new Map(all.map((p) => [p.entry.id, p.n]));
  const latest = all.at(-1);
  if (!latest) throw new SiteError("nothing has been published on this site yet, so there is nothing to undo");
  const line = (/** @type {typeof latest} */ p) => `#${p.n} by ${p.entry.author} (${door(p.entry)}) at ${p.entry.at.slice(11, 16)} UTC: ${whatChanged(p.entry, numbers)}`;
  if (latest.entry.author.toLowerCase() !== me.toLowerCase()) {
    const mine = [...all].reverse().find((p) => p.entry.author.toLowerCase() === me.toLowerCase());
    throw new SiteError(`the latest publish is ${line(latest)}; undo takes back only your own latest publish${mine ? ` (yours is #${mine.n})` : ""}. To go back further, see "history" and use "rollback --to N"`);
  }
  if (latest.n === 1) throw new SiteError(`${line(latest)} created the site; there is nothing before it to go back to`);
  const target = stateOf(c.site, latest.entry.previous ?? all[latest.n - 2].entry.release, `the site before #${latest.n}`);
  return restoreWithPreview(c, target, `Undoing your latest publish, ${line(latest)}.`, { kind: "undo", undoes: latest.entry.id });
}
