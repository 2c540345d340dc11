// @ts-check
import { maintenance, postUpdate, setBanner, startIncident } from "./apply.mjs";
import { publishWith } from "./cli-publish.mjs";
import { need, status, undo } from "./cli-commands.mjs";
import { readState } from "./site.mjs";
import { isOpen } from "./state.mjs";

/** @typedef {import("./cli-commands.mjs").Ctx} Ctx */

const CHANGES = ["degraded_performance", "partial_outage", "major_outage", "operational"];

/** Asks for a choice from a numbered list; accepts the number or the name. */
/** @param {Ctx["io"]} io @param {string} question @param {string[]} options @param {number} [fallback] */
async function choose(io, question, options, fallback = 0) {
  io.print(`\n${question}`);
  options.forEach((o, n) => io.print(`  ${n + 1}) ${o}`));
  for (;;) {
    const answer = await io.ask("Choose", String(fallback + 1));
    const n = Number(answer) - 1;
    if (options[n] !== undefined) return n;
    const byName = options.findIndex((o) => o.toLowerCase().startsWith(answer.toLowerCase()));
    if (byName >= 0) return byName;
    io.print(`"${answer}" is not one of the choices; type its number.`);
  }
}

/** Which components changed, and to what; Enter means none. */
/** @param {Ctx} c @param {string} fallbackStatus */
async function askComponents(c, fallbackStatus) {
  const state = readState(c.site);
  c.io.print("\nComponents:");
  state.components.forEach((comp, n) => c.io.print(`  ${n + 1}) ${comp.name} (now ${comp.status.replace(/_/g, " ")})`));
  const picked = (await c.io.ask("Which are affected? Numbers separated by commas, Enter for none", "")).split(/[\s,]+/).filter(Boolean);
  /** @type {Record<string, string>} */
  const out = {};
  for (const p of picked) {
    const comp = state.components[Number(p) - 1];
    if (!comp) {
      c.io.print(`No component ${p}; skipped.`);
      continue;
    }
    const n = await choose(c.io, `New status for ${comp.name}:`, CHANGES.map((s) => s.replace(/_/g, " ")), CHANGES.indexOf(fallbackStatus));
    out[comp.id] = CHANGES[n];
  }
  return out;
}

/** @param {Ctx} c @param {string} question */
async function askMessage(c, question, fallback = "") {
  for (;;) {
    const text = await c.io.ask(question, fallback);
    if (text.trim()) return text;
    c.io.print("Customers need a message; write one sentence about what they see and what you are doing.");
  }
}

/** No arguments: one question at a time, with what the site says now as the defaults. */
/** @param {Ctx} c */
export async function guided(c) {
  const state = readState(c.site);
  const open = state.incidents.filter((i) => i.kind === "incident" && isOpen(i));
  c.io.print(`Sitrep backup publisher for "${state.page.name}" (${c.site}). You are posting as ${c.operator}.`);
  const actions = ["Start a new incident", ...(open.length ? ["Update an open incident", "Resolve an open incident"] : []), "Set or clear the banner", "Schedule maintenance", "Show the current status", "Undo my last publish"];
  const action = actions[await choose(c.io, "What do you want to do?", actions, 0)];
  const publishOp = (/** @type {import("./publish.mjs").Operation} */ op) => publishWith({ site: c.site, op, operator: c.operator, yes: false, io: c.io, config: c.config, problems: c.problems, mirrors: c.config.mirrors ?? [], after: c.config.after, afterFromConfig: Boolean(c.config.after) });

  if (action === "Show the current status") return status(c);
  if (action === "Undo my last publish") return undo(c);
  if (action === "Start a new incident") {
    const name = await askMessage(c, "Title customers will see (e.g. Elevated errors for Kinesis)");
    const st = ["investigating", "identified", "monitoring"][await choose(c.io, "Status:", ["investigating", "identified", "monitoring"], 0)];
    const components = await askComponents(c, "major_outage");
    const body = await askMessage(c, "Message for customers");
    return publishOp((s, ctx) => startIncident(s, { name, status: st, body, components }, ctx));
  }
  if (action === "Update an open incident" || action === "Resolve an open incident") {
    // Only the id is kept: the update is applied to the incident as it is when publishing, not as it was when asked.
    const incident = open[await choose(c.io, "Which incident?", open.map((i) => `${i.name} (${i.status})`), 0)];
    if (action === "Resolve an open incident") {
      const body = await askMessage(c, "Message for customers", "This incident has been resolved.");
      return publishOp((s, ctx, find) => postUpdate(s, need(s, find, incident.id), { status: "resolved", body }, ctx));
    }
    const statuses = ["investigating", "identified", "monitoring", "resolved"];
    const st = statuses[await choose(c.io, "Status:", statuses, Math.max(0, statuses.indexOf(incident.status)))];
    const components = await askComponents(c, "operational");
    const body = await askMessage(c, "Message for customers");
    return publishOp((s, ctx, find) => postUpdate(s, need(s, find, incident.id), { status: st, body, components }, ctx));
  }
  if (action === "Set or clear the banner") {
    const text = await c.io.ask("Banner text (Enter to remove the banner)", state.banner?.text ?? "");
    const level = ["info", "warning", "critical"][await choose(c.io, "Level:", ["info", "warning", "critical"], 1)];
    return publishOp((s, ctx) => setBanner(s, { text, level }, ctx));
  }
  const name = await askMessage(c, "Maintenance title");
  const from = await c.io.ask("Starts (e.g. 2026-12-01T02:00:00Z)");
  const until = await c.io.ask("Ends");
  const chosen = Object.keys(await askComponents(c, "under_maintenance"));
  const body = await askMessage(c, "Message for customers");
  return publishOp((s, ctx) => maintenance(s, null, { name, body, scheduled_for: from, scheduled_until: until, components: chosen }, ctx));
}
