// @ts-check
import { maintenance, postUpdate, setBanner, startIncident } from "./apply.mjs";
import { matchOne, UsageError } from "./cli-args.mjs";
import { need, run, status } from "./cli-commands.mjs";
import { ensureOperator } from "./cli-publish.mjs";
import { said } from "./cli-words.mjs";
import { readState } from "./site.mjs";
import { isOpen } from "./state.mjs";

/** @typedef {import("./cli-commands.mjs").Ctx} Ctx @typedef {import("./state.mjs").SiteState} SiteState */

const COMPONENT_CHOICES = ["degraded_performance", "partial_outage", "major_outage", "operational"];

/**
 * Asks until the answer is one of the choices: its number or its name (any case, or the start of it).
 * With no fallback, Enter is not an answer.
 * @param {Ctx["io"]} io @param {string} question @param {string[]} options @param {number|null} [fallback]
 */
async function choose(io, question, options, fallback = null) {
  io.print(`\n${question}`);
  options.forEach((o, n) => io.print(`  ${n + 1}) ${said(o)}`));
  for (;;) {
    const answer = await io.ask("Choose (number or name)", fallback === null ? "" : String(fallback + 1));
    if (!answer.trim()) {
      io.print("Type a number or a name from the list.");
      continue;
    }
    const n = Number(answer) - 1;
    if (/^\d+$/.test(answer.trim()) && options[n] !== undefined) return n;
    try {
      return options.indexOf(matchOne("choice", answer, options, (o) => [o], (o) => said(o)));
    } catch (err) {
      if (!(err instanceof UsageError)) throw err;
      io.print(`${err.message}.`);
    }
  }
}

/**
 * Which components are affected and their new status. Lists id, name, description and status now;
 * takes numbers, ids or names; asks before going on with none; asks each new status with no default.
 * @param {Ctx} c @param {{ onlyComponents?: boolean }} [opts]
 */
async function askComponents(c, { onlyComponents = false } = {}) {
  const state = readState(c.site);
  c.io.print("\nComponents (what customers see on the page):");
  state.components.forEach((comp, n) => c.io.print(`  ${String(n + 1).padStart(2)}) ${comp.slug.padEnd(22)} ${comp.name} — now ${said(comp.status)}${comp.description ? `\n      ${comp.description}` : ""}`));
  for (;;) {
    const typed = (await c.io.ask("Which are affected? Numbers, ids or names, separated by commas (Enter for none)")).trim();
    if (!typed) {
      const sure = await c.io.ask("No components selected: customers will see no component change. Continue without any? (y/n)", "n");
      if (/^y/i.test(sure)) return {};
      continue;
    }
    /** @type {SiteState["components"]} */
    const picked = [];
    let problem = null;
    for (const word of typed.split(/\s*,\s*|\s+(?=\d)/).filter(Boolean)) {
      const byNumber = /^\d+$/.test(word) ? state.components[Number(word) - 1] : undefined;
      try {
        const comp = byNumber ?? matchOne("component", word, state.components, (x) => [x.id, x.slug, x.name], (x) => `${x.slug} (${x.name})`);
        if (!picked.includes(comp)) picked.push(comp);
      } catch (err) {
        if (!(err instanceof UsageError)) throw err;
        problem = /^\d+$/.test(word) ? `there is no component ${word}; the list goes from 1 to ${state.components.length}` : err.message;
      }
    }
    if (problem) {
      c.io.print(`${problem}. Nothing was picked; type the list again.`);
      continue;
    }
    c.io.print(`Picked: ${picked.map((p) => p.name).join(", ")}`);
    /** @type {Record<string, string>} */
    const out = {};
    for (const comp of picked) {
      out[comp.id] = onlyComponents ? "under_maintenance" : COMPONENT_CHOICES[await choose(c.io, `New status for ${comp.name} (now ${said(comp.status)}):`, COMPONENT_CHOICES)];
    }
    return out;
  }
}

/** @param {Ctx} c @param {string} question */
async function askMessage(c, question, fallback = "") {
  for (;;) {
    const text = await c.io.ask(question, fallback);
    if (text.trim()) return text;
    c.io.print("Customers need a message; write one sentence about what they see and what you are doing.");
  }
}

/**
 * The main menu: each action keeps its key whatever the site's state; one not possible now is
 * shown, greyed, with why.
 * @param {boolean} anyOpen @param {boolean} anyIncident
 */
export function menu(anyOpen, anyIncident) {
  return [
    { key: "n", label: "New incident", why: null },
    { key: "u", label: "Update an open incident", why: anyOpen ? null : "no incident is open" },
    { key: "r", label: "Resolve an open incident", why: anyOpen ? null : "no incident is open" },
    { key: "b", label: "Banner: set or remove", why: null },
    { key: "m", label: "Maintenance: schedule", why: null },
    { key: "e", label: "Edit the wording of a published update", why: anyIncident ? null : "nothing published yet" },
    { key: "s", label: "Show what the site says now", why: null },
    { key: "h", label: "History of publishes", why: null },
    { key: "z", label: "Undo my latest publish", why: null },
    { key: "q", label: "Quit", why: null },
  ];
}

/** `ESC[2m` dims text on a terminal; piped output stays plain. */
const dim = (/** @type {string} */ t) => (process.stdout.isTTY ? `\x1b[2m${t}\x1b[0m` : t);

/** No arguments: one question at a time, with what the site says now shown first. */
/** @param {Ctx} c */
export async function guided(c) {
  const state = readState(c.site);
  const open = state.incidents.filter((i) => i.kind === "incident" && isOpen(i));
  if (!c.operator) {
    c.io.print(`Sitrep backup publisher for "${state.page.name}". Every publish records who made it.`);
    await ensureOperator(c);
  }
  c.io.print(`Sitrep backup publisher for "${state.page.name}" (${c.site}).${c.operator ? ` You are posting as ${c.operator} (--operator NAME to change).` : ""}`);
  const items = menu(open.length > 0, state.incidents.length > 0);
  c.io.print("\nWhat do you want to do? (type the letter)");
  for (const i of items) c.io.print(i.why ? dim(`  ${i.key}  ${i.label}  — not now: ${i.why}`) : `  ${i.key}  ${i.label}`);
  let action;
  for (;;) {
    const typed = (await c.io.ask("Letter")).trim().toLowerCase();
    const item = items.find((i) => i.key === typed) ?? items.find((i) => typed.length > 1 && i.label.toLowerCase().startsWith(typed));
    if (!item) {
      c.io.print(`"${typed}" is not one of the letters above (${items.map((i) => i.key).join(", ")}).`);
      continue;
    }
    if (item.why) {
      c.io.print(`${item.label} is not possible now: ${item.why}.`);
      continue;
    }
    action = item.key;
    break;
  }
  const lazy = async (/** @type {string} */ name) => /** @type {any} */ (await import("./cli-history.mjs"))[name](c);
  if (action === "q") return 0;
  if (action === "s") return status(c);
  if (action === "h") return lazy("history");
  if (action === "z") return lazy("undo");
  if (action === "n") {
    const name = await askMessage(c, "Title customers will see (e.g. Elevated errors for Kinesis)");
    const st = ["investigating", "identified", "monitoring"][await choose(c.io, "Status:", ["investigating", "identified", "monitoring"])];
    const components = await askComponents(c);
    const body = await askMessage(c, "Message for customers");
    return run(c, (s, ctx) => startIncident(s, { name, status: st, body, components }, ctx));
  }
  if (action === "u" || action === "r") {
    // Only the id is kept: the update is applied to the incident as it is when publishing, not as it was when asked.
    const incident = open.length === 1 ? open[0] : open[await choose(c.io, "Which incident?", open.map((i) => `${i.name} (${i.status})`))];
    c.io.print(`Incident: ${incident.name} (${said(incident.status)})`);
    if (action === "r") {
      const body = await askMessage(c, "Message for customers", "This incident has been resolved.");
      return run(c, (s, ctx, find) => postUpdate(s, need(s, find, incident.id), { status: "resolved", body }, ctx));
    }
    const statuses = ["investigating", "identified", "monitoring", "resolved"];
    const st = statuses[await choose(c.io, `Status (now ${said(incident.status)}):`, statuses)];
    const components = await askComponents(c);
    const body = await askMessage(c, "Message for customers");
    return run(c, (s, ctx, find) => postUpdate(s, need(s, find, incident.id), { status: st, body, components }, ctx));
  }
  if (action === "e") {
    const recent = [...state.incidents].sort((a, b) => b.seq - a.seq).slice(0, 9);
    const incident = recent[await choose(c.io, "Which incident's update?", recent.map((i) => `${i.name} (${i.status})`))];
    const updates = incident.incident_updates;
    const u = updates.length === 1 ? updates[0] : updates[await choose(c.io, "Which update?", updates.map((x) => `${x.status}: ${x.body.slice(0, 60)}`))];
    c.io.print(`It reads now: ${u.body}`);
    const body = await askMessage(c, "Corrected wording");
    const { editUpdate } = await import("./apply.mjs");
    const { incidentToEdit } = await import("./cli-edit.mjs");
    return run(c, (s, ctx, find) => editUpdate(s, incidentToEdit(s, find, incident.id), { update: u.id, body }, ctx));
  }
  if (action === "b") {
    const text = await c.io.ask(state.banner ? `Banner text (Enter keeps "${state.banner.text.slice(0, 40)}"; type - to remove it)` : "Banner text (type - for no banner)", state.banner?.text ?? "-");
    if (text.trim() === "-") return run(c, (s, ctx) => setBanner(s, { text: "" }, ctx), { kind: "banner" });
    const level = ["info", "warning", "critical"][await choose(c.io, "Level:", ["info", "warning", "critical"])];
    return run(c, (s, ctx) => setBanner(s, { text, level }, ctx), { kind: "banner" });
  }
  const name = await askMessage(c, "Maintenance title");
  const from = await c.io.ask("Starts (e.g. 2026-12-01T02:00:00Z, or 2026-12-01 02:00 in the page's time zone)");
  const until = await c.io.ask("Ends");
  const chosen = Object.keys(await askComponents(c, { onlyComponents: true }));
  const body = await askMessage(c, "Message for customers");
  return run(c, (s, ctx) => maintenance(s, null, { name, body, scheduled_for: from, scheduled_until: until, components: chosen }, ctx));
}

