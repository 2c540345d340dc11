// @ts-check
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { maintenance, postUpdate, setBanner, startIncident, PublishError } from "./apply.mjs";
import { componentFlags } from "./cli-args.mjs";
import { publishWith } from "./cli-publish.mjs";
import { readJournal } from "./journal.mjs";
import { readState, siteLayout, SiteError } from "./site.mjs";
import { isOpen, overallStatus } from "./state.mjs";
import { currentRelease } from "./write.mjs";

/** @typedef {import("./cli-io.mjs").Terminal} Terminal */
/** @typedef {{ site: string, flags: Record<string, any>, io: Terminal, operator: string, config: Record<string, any>, problems?: string[] }} Ctx */

/** @param {Ctx} c @param {import("./publish.mjs").Operation} op @param {string} [kind] @param {string} [undoes] */
const run = (c, op, kind, undoes) => publishWith({
  site: c.site, op, operator: c.operator, yes: Boolean(c.flags.yes), io: c.io, config: c.config, kind, undoes, problems: c.problems,
  mirrors: [...(c.config.mirrors ?? []), ...(c.flags.mirror ?? [])], after: c.flags.after ?? c.config.after, afterFromConfig: !c.flags.after && Boolean(c.config.after),
});

/**
 * An incident by id, or "latest" for the most recent open one, looked up in the state the operation
 * was given (read under the lock), so an update always applies to the incident as it is now.
 * @param {import("./state.mjs").SiteState} state @param {(id: string) => import("./state.mjs").Incident|null} find @param {string} id
 */
export function need(state, find, id) {
  const found = id === "latest" ? state.incidents.filter(isOpen).sort((a, b) => b.seq - a.seq)[0] ?? null : find(id);
  if (!found) throw new PublishError("incident", `no incident "${id}"; run "status" to see the open ones and their ids`);
  return found;
}

/** @param {Ctx} c */
export function status(c) {
  const state = readState(c.site);
  const overall = overallStatus(state);
  const open = state.incidents.filter(isOpen);
  c.io.print(`${state.page.name}: ${overall.description}${state.drill ? "   [DRILL]" : ""}`);
  if (state.banner) c.io.print(`Banner (${state.banner.level}): ${state.banner.text}`);
  c.io.print("\nComponents:");
  for (const comp of state.components) c.io.print(`  ${comp.slug.padEnd(28)} ${comp.status.replace(/_/g, " ")}`);
  c.io.print(open.length ? "\nOpen:" : "\nNo open incidents.");
  for (const i of open) c.io.print(`  ${i.id}  ${i.kind === "maintenance" ? "[maintenance] " : ""}${i.name} (${i.status}): ${i.incident_updates[0]?.body.slice(0, 80) ?? ""}`);
  return 0;
}

/** @param {Ctx} c */
export function post(c) {
  const f = c.flags;
  const input = { name: f.name, status: f.status, impact: f.impact, body: f.message, components: f.component ? componentFlags(f.component) : undefined };
  if (f.incident) return run(c, (s, ctx, find) => postUpdate(s, need(s, find, f.incident), input, ctx));
  if (!f.name) throw new PublishError("name", 'a new incident needs --name "…" (or --incident ID to update an open one)');
  return run(c, (s, ctx) => startIncident(s, input, ctx));
}

/** @param {Ctx} c */
export function resolve(c) {
  const f = c.flags;
  if (!f.incident) throw new PublishError("incident", "which incident? add --incident ID (see \"status\")");
  const body = f.message ?? "This incident has been resolved.";
  return run(c, (s, ctx, find) => postUpdate(s, need(s, find, f.incident), { status: "resolved", body, components: f.component ? componentFlags(f.component) : undefined }, ctx));
}

/** @param {Ctx} c */
export function banner(c) {
  if (!c.flags.clear && !c.flags.text) throw new PublishError("text", 'add --text "…" to set the banner, or --clear to remove it');
  return run(c, (s, ctx) => setBanner(s, { text: c.flags.clear ? "" : c.flags.text, level: c.flags.level }, ctx), "banner");
}

/** @param {Ctx} c */
export function maintenanceCommand(c) {
  const f = c.flags;
  if (f.incident) return run(c, (s, ctx, find) => maintenance(s, need(s, find, f.incident), { status: f.status, body: f.message }, ctx));
  const components = (f.component ?? []).map((/** @type {string} */ x) => x.split("=")[0]);
  return run(c, (s, ctx) => maintenance(s, null, { name: f.name, body: f.message, scheduled_for: f.from, scheduled_until: f.until, components }, ctx));
}

/** Rolls back the last publish made with this tool, if nothing was published after it. */
/** @param {Ctx} c */
export async function undo(c) {
  const journal = readJournal(siteLayout(c.site).journal);
  const undone = new Set(journal.map((e) => e.undoes).filter(Boolean));
  const last = [...journal].reverse().find((e) => e.origin === "backup" && e.kind !== "undo" && !undone.has(e.id));
  if (!last) throw new SiteError("there is no publish from this tool to undo");
  if (currentRelease(c.site) !== last.release) throw new SiteError("the site changed after that publish (someone else published since); post a correction instead of undoing");
  if (!last.previous) throw new SiteError("that publish created the site; there is nothing before it to go back to");
  const earlierFile = join(siteLayout(c.site).releases, last.previous, "state.json");
  if (!existsSync(earlierFile)) throw new SiteError(`release ${last.previous} is no longer kept, so it cannot be restored`);
  const earlier = JSON.parse(readFileSync(earlierFile, "utf8"));
  c.io.print(`Undoing: ${last.incident?.name ?? "banner"}${last.update ? ` (${last.update.status}: ${last.update.body.slice(0, 60)})` : ""}`);
  // The undo's own journal entry names what it undid, so the journal is only ever appended to.
  return run(c, (_state, _ctx, find) => {
    const before = last.incident ? earlier.incidents.find((/** @type {{ id: string }} */ i) => i.id === last.incident?.id) ?? null : null;
    const now = last.incident ? find(last.incident.id) : null;
    return { state: earlier, incident: before, remove: !before && now ? now : undefined };
  }, "undo", last.id);
}

/** Creates the signing key and publishes its public half on the site. */
/** @param {Ctx} c */
export async function keygen(c) {
  const l = siteLayout(c.site);
  const keyFile = c.config.key ?? join(l.root, "journal-key.pem");
  if (existsSync(keyFile)) throw new SiteError(`a key already exists at ${keyFile}; remove it first if you really want a new one`);
  const { privateKey, publicKey } = (await import("./signing.mjs")).generateKeys();
  writeFileSync(keyFile, privateKey, { mode: 0o600 });
  c.io.print(`Private key written to ${keyFile} (keep it with the operators' runbook, never on the public site).`);
  return run({ ...c, flags: { ...c.flags, yes: true } }, (s, ctx) => ({
    state: { ...s, page: { ...s.page, journal_key: publicKey, journal_key_since: ctx.now, updated_at: ctx.now } }, incident: null,
  }), "keygen");
}
