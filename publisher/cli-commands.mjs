// @ts-check
import { existsSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { maintenance, postUpdate, setBanner, startIncident, PublishError } from "./apply.mjs";
import { componentFlags, incidentStatus, matchOne, resolveComponents, UsageError } from "./cli-args.mjs";
import { ensureOperator, publishWith } from "./cli-publish.mjs";
import { said } from "./cli-words.mjs";
import { readState, siteLayout, SiteError } from "./site.mjs";
import { BANNER_LEVELS, INCIDENT_STATUSES, MAINTENANCE_STATUSES, isOpen, overallStatus } from "./state.mjs";

/** @typedef {import("./cli-io.mjs").Terminal} Terminal */
/** @typedef {{ site: string, flags: Record<string, any>, io: Terminal, operator: string, config: Record<string, any>, problems?: string[] }} Ctx */

/**
 * Publishes with the preview, confirmation, mirrors and after-command every publishing command shares.
 * @param {Ctx} c @param {import("./publish.mjs").Operation} op @param {{ kind?: string, undoes?: string, extra?: Record<string, unknown> }} [entry]
 */
export async function run(c, op, entry = {}) {
  await ensureOperator(c);
  return publishWith({
    site: c.site, op, operator: c.operator, yes: Boolean(c.flags.yes), io: c.io, config: c.config, problems: c.problems, ...entry,
    mirrors: [...(c.config.mirrors ?? []), ...(c.flags.mirror ?? [])], after: c.flags.after ?? c.config.after, afterFromConfig: !c.flags.after && Boolean(c.config.after),
  });
}

/** @param {string|undefined} typed */
const incidentStatusFlag = (typed) => (typed === undefined ? undefined : incidentStatus(typed, INCIDENT_STATUSES.slice(0, 4)));

/**
 * An incident by id, or "latest" for the most recent open one, looked up in the state the operation
 * was given (read under the lock), so an update always applies to the incident as it is now.
 * @param {import("./state.mjs").SiteState} state @param {(id: string) => import("./state.mjs").Incident|null} find @param {string} id
 */
export function need(state, find, id) {
  const found = id === "latest" ? state.incidents.filter(isOpen).sort((a, b) => b.seq - a.seq)[0] ?? null : find(id);
  if (!found) throw new PublishError("incident", id === "latest" ? "no incident is open; start one with post --name" : `no incident "${id}"; run "status" to see the open ones and their ids, "history" for older ones`);
  return found;
}

/** @param {Ctx} c */
export function status(c) {
  const state = readState(c.site);
  const overall = overallStatus(state);
  const open = state.incidents.filter(isOpen);
  if (c.flags.json) {
    c.io.print(JSON.stringify({ overall, banner: state.banner, components: state.components.map((x) => ({ id: x.id, name: x.name, status: x.status })), open: open.map((i) => ({ id: i.id, name: i.name, status: i.status })) }));
    return 0;
  }
  c.io.print(`${state.page.name}: ${overall.description}${state.drill ? "   [DRILL]" : ""}`);
  if (state.banner) c.io.print(`Banner (${state.banner.level}): ${state.banner.text}`);
  c.io.print("\nComponents:");
  for (const comp of state.components) c.io.print(`  ${comp.slug.padEnd(24)} ${comp.name.padEnd(24)} ${said(comp.status)}`);
  c.io.print(open.length ? "\nOpen:" : "\nNo open incidents.");
  for (const i of open) c.io.print(`  ${i.id}  ${i.kind === "maintenance" ? "[maintenance] " : ""}${i.name} (${i.status}): ${i.incident_updates[0]?.body.slice(0, 80) ?? ""}`);
  return 0;
}

/** @param {Ctx} c */
export function post(c) {
  const f = c.flags;
  const pairs = componentFlags(f.component);
  const status = incidentStatusFlag(f.status);
  const components = (/** @type {import("./state.mjs").SiteState} */ s) => (f.component ? resolveComponents(s, pairs) : undefined);
  if (f.incident) return run(c, (s, ctx, find) => postUpdate(s, need(s, find, f.incident), { status, body: f.message, components: components(s) }, ctx));
  if (!f.name) throw new UsageError('a new incident needs --name "…" (or --incident ID to update an open one)');
  return run(c, (s, ctx) => startIncident(s, { name: f.name, status, impact: f.impact, body: f.message, components: components(s) }, ctx));
}

/** @param {Ctx} c */
export function resolve(c) {
  const f = c.flags;
  if (!f.incident) throw new UsageError('which incident? add --incident ID, or --incident latest (see "status")');
  const body = f.message ?? "This incident has been resolved.";
  const pairs = componentFlags(f.component);
  return run(c, (s, ctx, find) => postUpdate(s, need(s, find, f.incident), { status: "resolved", body, components: f.component ? resolveComponents(s, pairs) : undefined }, ctx));
}

/** @param {Ctx} c */
export function banner(c) {
  if (!c.flags.clear && !c.flags.text) throw new UsageError('add --text "…" to set the banner, or --clear to remove it');
  if (c.flags.clear && c.flags.text) throw new UsageError("--clear removes the banner; leave out --text, or leave out --clear to set it");
  const level = c.flags.level === undefined ? undefined : matchOne("banner level", c.flags.level, BANNER_LEVELS, (l) => [l], (l) => l);
  return run(c, (s, ctx) => setBanner(s, { text: c.flags.clear ? "" : c.flags.text, level }, ctx), { kind: "banner" });
}

/** @param {Ctx} c */
export function maintenanceCommand(c) {
  const f = c.flags;
  const status = f.status === undefined ? undefined : matchOne("maintenance status", f.status, MAINTENANCE_STATUSES, (x) => [x], (x) => x);
  if (f.incident) return run(c, (s, ctx, find) => maintenance(s, need(s, find, f.incident), { status, body: f.message }, ctx));
  const keys = (f.component ?? []).map((/** @type {string} */ x) => x.split("=")[0]);
  return run(c, (s, ctx) => maintenance(s, null, {
    name: f.name, body: f.message, scheduled_for: f.from, scheduled_until: f.until, components: Object.keys(resolveComponents(s, keys.map((/** @type {string} */ k) => [k, "under_maintenance"]))),
  }, ctx));
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
  }), { kind: "keygen" });
}
