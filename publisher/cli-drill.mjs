// @ts-check
import { appendFileSync, existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "./cli-args.mjs";
import * as commands from "./cli-commands.mjs";
import { guided } from "./cli-guided.mjs";
import { createSite } from "./publish.mjs";
import { readBucket, readState, siteLayout, SiteError } from "./site.mjs";
import { bucketOf } from "./state.mjs";

/** @typedef {import("./cli-commands.mjs").Ctx} Ctx */
/** @typedef {{ status?: string, updates?: number, all_operational?: boolean, components?: Record<string, string[]> }} Expect */

const HERE = dirname(fileURLToPath(import.meta.url));

/** Splits a typed command line like a shell would for quoted words. */
/** @param {string} line */
export function words(line) {
  return [...line.matchAll(/"([^"]*)"|'([^']*)'|(\S+)/g)].map((m) => m[1] ?? m[2] ?? m[3]);
}

/** What is still missing for a step, in words; empty when the step is done. */
/** @param {import("./state.mjs").SiteState} state @param {string[]} known incidents that existed before the drill @param {Expect} e */
function missing(state, known, e) {
  const incident = state.incidents.filter((i) => !known.includes(i.id)).sort((a, b) => b.seq - a.seq)[0];
  if (!incident) return ["no new incident has been started yet"];
  const out = [];
  if (e.status && incident.status !== e.status) out.push(`its status is ${incident.status}, not ${e.status}`);
  if (e.updates && incident.incident_updates.length < e.updates) out.push(`it has ${incident.incident_updates.length} update(s); post to the same incident (--incident ${incident.id})`);
  for (const [id, allowed] of Object.entries(e.components ?? {})) {
    const c = state.components.find((x) => x.id === id);
    if (c && !allowed.includes(c.status)) out.push(`${c.name} is ${c.status.replace(/_/g, " ")}, expected ${allowed.map((s) => s.replace(/_/g, " ")).join(" or ")}`);
  }
  if (e.all_operational) for (const c of state.components) if (c.status !== "operational") out.push(`${c.name} is still ${c.status.replace(/_/g, " ")}`);
  return out;
}

/**
 * A practice run on a copy of the live site, marked DRILL on every page. Each step is timed; commands
 * that fail or do not meet the step count as wrong turns. The outcome goes to the drill log.
 * @param {Ctx} c
 */
export async function drill(c) {
  const scenarioId = String(c.flags.scenario ?? "kinesis");
  const file = existsSync(scenarioId) ? scenarioId : join(resolve(HERE, "..", "content", "drills"), `${scenarioId}.json`);
  if (!existsSync(file)) throw new SiteError(`no drill scenario "${scenarioId}" (looked for ${file}); pass --scenario FILE`);
  const scenario = JSON.parse(readFileSync(file, "utf8"));
  const live = readState(c.site);
  const sandbox = resolve(String(c.flags.sandbox ?? join(mkdtempSync(join(tmpdir(), "sitrep-drill-")), "site")));
  if (sandbox === c.site) throw new SiteError("the drill sandbox cannot be the live site");
  const all = [];
  for (let b = 0; b <= bucketOf(Math.max(0, live.next_seq - 1)); b++) all.push(...readBucket(c.site, b));
  await createSite(sandbox, { ...live, drill: scenario.title, banner: null }, all.length ? all : live.incidents);
  const known = all.map((i) => i.id).concat(live.incidents.map((i) => i.id));

  c.io.print(`\nDRILL: ${scenario.title}\n${scenario.briefing}\n\nPractice copy: ${sandbox} (the live site is not touched).`);
  c.io.print('Type the command you would run (without --site), e.g. post --name "…" --status investigating --component kinesis-data-streams=major_outage --message "…"');
  c.io.print('or "guided" for the guided mode, "status" to look, "hint" for the step again, "give up" to stop.\n');
  const started = Date.now();
  /** @type {number|null} */
  let firstPublish = null;
  let wrong = 0;
  const steps = [];
  let passed = true;
  for (const [n, step] of scenario.steps.entries()) {
    c.io.print(`Step ${n + 1} of ${scenario.steps.length}: ${step.title}\n  ${step.instruction}`);
    const stepStart = Date.now();
    let stepWrong = 0;
    for (;;) {
      const line = await c.io.ask("drill>");
      if (!line || line === "give up") { passed = false; break; }
      if (line === "hint") { c.io.print(`  ${step.instruction}`); continue; }
      const { command, flags } = parseArgs(line === "guided" ? [] : words(line.replace(/^node\s+\S*cli\.mjs\s*/, "")));
      const ctx = { ...c, site: sandbox, flags: { ...flags, yes: true } };
      try {
        if (line === "guided") await guided({ ...ctx, flags: {} });
        else if (command === "status") commands.status(ctx);
        else if (command && ["post", "resolve", "banner", "maintenance", "undo"].includes(command)) await /** @type {any} */ (commands)[command === "maintenance" ? "maintenanceCommand" : command](ctx);
        else throw new Error(`"${command}" is not a publishing command here`);
      } catch (err) {
        stepWrong++;
        c.io.print(`  That did not work: ${/** @type {Error} */ (err).message}`);
        continue;
      }
      if (command !== "status" && firstPublish === null && readState(sandbox).incidents.some((i) => !known.includes(i.id))) firstPublish = Date.now() - started;
      const gaps = missing(readState(sandbox), known, step.expect);
      if (!gaps.length) break;
      if (command !== "status") {
        stepWrong++;
        c.io.print(`  Not yet: ${gaps.join("; ")}.`);
      }
    }
    wrong += stepWrong;
    steps.push({ title: step.title, ms: Date.now() - stepStart, wrong_turns: stepWrong });
    if (!passed) break;
    c.io.print(`  Done in ${Math.round((Date.now() - stepStart) / 1000)} s.\n`);
  }
  const outcome = {
    id: `drill-${started}`, operator: c.operator, scenario: scenario.id, started_at: new Date(started).toISOString(),
    finished_at: new Date().toISOString(), first_publish_ms: firstPublish, wrong_turns: wrong, passed, steps, sandbox,
  };
  appendFileSync(join(siteLayout(c.site).root, "drills.jsonl"), JSON.stringify(outcome) + "\n");
  c.io.print(`${passed ? "PASSED" : "NOT PASSED"}: ${c.operator}, first publish after ${firstPublish === null ? "-" : `${Math.round(firstPublish / 1000)} s`}, ${wrong} wrong turn(s). Recorded in the drill log.`);
  return passed ? 0 : 1;
}
