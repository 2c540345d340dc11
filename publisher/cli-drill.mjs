// @ts-check
import { appendFileSync, existsSync, mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseCommandLine, nearest, UsageError } from "./cli-args.mjs";
import * as commands from "./cli-commands.mjs";
import { ensureOperator } from "./cli-publish.mjs";
import { createSite } from "./publish.mjs";
import { readBucket, readState, siteLayout, SiteError } from "./site.mjs";
import { bucketOf } from "./state.mjs";
import { currentRelease } from "./write.mjs";

/** @typedef {import("./cli-commands.mjs").Ctx} Ctx @typedef {import("./state.mjs").SiteState} SiteState */
/** @typedef {{ incident?: "new"|"any", status?: string, updates?: number, all_operational?: boolean, components?: Record<string, string[]>, banner?: "set"|"none", latest_body_excludes?: string, mirror?: boolean }} Expect */
/** @typedef {{ id: string, title: string, briefing: string, mirror?: boolean, setup?: string[], components?: { id: string, name: string, description: string }[], steps: { title: string, instruction: string, expect: Expect }[] }} Scenario */

/** The scenarios ship beside this file, so a copied publisher/ folder can drill anywhere. */
const SCENARIOS = join(dirname(fileURLToPath(import.meta.url)), "drills");

/** Splits a typed command line like a shell would for quoted words. */
/** @param {string} line */
export function words(line) {
  return [...line.matchAll(/"([^"]*)"|'([^']*)'|(\S+)/g)].map((m) => m[1] ?? m[2] ?? m[3]);
}

/** @returns {Scenario[]} */
export function scenarios() {
  return readdirSync(SCENARIOS).filter((f) => f.endsWith(".json")).sort().map((f) => JSON.parse(readFileSync(join(SCENARIOS, f), "utf8")));
}

/** @param {string} id a scenario id or a path to a scenario file @returns {Scenario} */
function loadScenario(id) {
  if (id.endsWith(".json") && existsSync(id)) return JSON.parse(readFileSync(id, "utf8"));
  const all = scenarios();
  const found = all.find((s) => s.id === id);
  if (found) return found;
  const guess = nearest(id, all.map((s) => s.id));
  throw new UsageError(`no drill scenario "${id}"${guess ? `; did you mean "${guess}"?` : ""} ("drill --list" names them)`);
}

/** What is still missing for a step, in words; empty when the step is done. */
/** @param {SiteState} state @param {string[]} known incidents that existed before the drill @param {Expect} e @param {string|null} mirror */
function missing(state, known, e, mirror) {
  const pool = e.incident === "any" ? state.incidents : state.incidents.filter((i) => !known.includes(i.id));
  const incident = [...pool].sort((a, b) => b.seq - a.seq)[0];
  const out = [];
  const needsIncident = e.status || e.updates || e.latest_body_excludes;
  if (needsIncident && !incident) return ["no new incident has been started yet"];
  if (incident && e.status && incident.status !== e.status) out.push(`its status is ${incident.status}, not ${e.status}`);
  if (incident && e.updates && incident.incident_updates.length !== e.updates) {
    out.push(incident.incident_updates.length < e.updates ? `it has ${incident.incident_updates.length} update(s); post to the same incident (--incident ${incident.id})` : `it has ${incident.incident_updates.length} updates; this step corrects the published one instead of adding another`);
  }
  if (incident && e.latest_body_excludes && incident.incident_updates.some((u) => u.body.toLowerCase().includes(/** @type {string} */ (e.latest_body_excludes).toLowerCase()))) {
    out.push(`an update still says "${e.latest_body_excludes}"`);
  }
  for (const [id, allowed] of Object.entries(e.components ?? {})) {
    const c = state.components.find((x) => x.id === id);
    if (c && !allowed.includes(c.status)) out.push(`${c.name} is ${c.status.replace(/_/g, " ")}, expected ${allowed.map((s) => s.replace(/_/g, " ")).join(" or ")}`);
  }
  if (e.all_operational) for (const c of state.components) if (c.status !== "operational") out.push(`${c.name} is still ${c.status.replace(/_/g, " ")}`);
  if (e.banner === "set" && !state.banner) out.push("there is no banner yet");
  if (e.banner === "none" && state.banner) out.push(`the banner "${state.banner.text}" is still up`);
  if (e.mirror && mirror) {
    const copy = existsSync(join(mirror, "state.json")) ? JSON.parse(readFileSync(join(mirror, "state.json"), "utf8")) : null;
    const there = copy?.incidents.find((/** @type {{ id: string }} */ i) => i.id === incident?.id);
    if (!there || there.status !== incident?.status) out.push(`the mirror ${mirror} (what customers see while the host is down) does not show it yet; publish with --mirror ${mirror}`);
  }
  return out;
}

/** The live site copied into the sandbox, with the components the scenario needs added. */
/** @param {Ctx} c @param {Scenario} scenario @param {string} sandbox */
async function makeSandbox(c, scenario, sandbox) {
  const live = readState(c.site);
  const all = [];
  for (let b = 0; b <= bucketOf(Math.max(0, live.next_seq - 1)); b++) all.push(...readBucket(c.site, b));
  const now = new Date().toISOString();
  const extra = (scenario.components ?? []).filter((x) => !live.components.some((y) => y.id === x.id || y.slug === x.id)).map((x, n) => ({
    id: x.id, slug: x.id, name: x.name, description: x.description, group_name: "Drill", position: live.components.length + n, status: /** @type {const} */ ("operational"), created_at: now, updated_at: now,
  }));
  await createSite(sandbox, { ...live, drill: scenario.title, banner: null, components: [...live.components, ...extra] }, all.length ? all : live.incidents);
  return [...all, ...live.incidents].map((i) => i.id);
}

/** @param {Ctx} c @param {string} line @param {string} sandbox @param {string|null} mirror */
async function runTyped(c, line, sandbox, mirror) {
  const typed = line === "guided" ? [] : words(line.replace(/^node\s+\S*cli\.mjs\s*/, "").replace(/\{mirror\}/g, mirror ?? ""));
  const { command, flags } = parseCommandLine(typed);
  // The live site's config (its mirrors, its after-command) never applies to the practice copy.
  const ctx = { ...c, site: sandbox, flags: { ...flags, site: sandbox }, config: { operator: c.operator } };
  if (flags.help) return c.io.print(command ? (await import("./cli-args.mjs")).commandHelp(command) : (await import("./runbook.mjs")).RUNBOOK);
  if (line === "guided") return (await import("./cli-guided.mjs")).guided(ctx);
  if (command === "status") return commands.status(ctx);
  if (command === "post" || command === "resolve" || command === "banner") return commands[command](ctx);
  if (command === "maintenance") return commands.maintenanceCommand(ctx);
  if (command === "edit") return (await import("./cli-edit.mjs")).edit(ctx);
  if (command === "history" || command === "undo" || command === "rollback") return (await import("./cli-history.mjs"))[command](ctx);
  throw new UsageError(`"${command ?? line}" is not something to practise here; use status, post, resolve, banner, edit, history, undo, rollback or guided`);
}

/**
 * A practice run on a copy of the live site, marked DRILL on every page. Each step is timed; commands
 * that fail or do not meet the step count as wrong turns, and the debrief at the end lists them. The
 * confirmation step stays, as in the real thing. The outcome goes to the drill log.
 * @param {Ctx} c
 */
export async function drill(c) {
  if (c.flags.list) {
    c.io.print("Drill scenarios (drill --scenario ID):");
    for (const s of scenarios()) c.io.print(`  ${s.id.padEnd(18)} ${s.title} (${s.steps.length} steps)`);
    return 0;
  }
  const scenario = loadScenario(String(c.flags.scenario ?? "kinesis"));
  await ensureOperator(c);
  const sandbox = resolve(String(c.flags.sandbox ?? join(mkdtempSync(join(tmpdir(), "sitrep-drill-")), "site")));
  if (sandbox === c.site) throw new SiteError("the drill sandbox cannot be the live site");
  const mirror = scenario.mirror ? `${sandbox}-mirror` : null;
  const fill = (/** @type {string} */ t) => t.replace(/\{mirror\}/g, mirror ?? "");
  const known = await makeSandbox(c, scenario, sandbox);
  for (const line of scenario.setup ?? []) {
    const { flags, command } = parseCommandLine(words(line));
    const setupCtx = { ...c, site: sandbox, flags: { ...flags, yes: true }, config: {}, operator: String(flags.operator ?? "colleague"), io: { ...c.io, print: () => {} } };
    if (command === "post") await commands.post(setupCtx);
    else if (command === "banner") await commands.banner(setupCtx);
  }

  c.io.print(`\nDRILL: ${scenario.title}\n${fill(scenario.briefing)}\n\nPractice copy: ${sandbox} (the live site is not touched). You are ${c.operator}.`);
  c.io.print('Type the command you would run (without --site), e.g. post --name "…" --status investigating --component NAME=major --message "…"');
  c.io.print('or "guided" for the guided mode, "status" to look, "hint" for the step again, "give up" to stop. Publishes ask to confirm, as for real.\n');
  const started = Date.now();
  /** @type {number|null} */
  let firstPublish = null;
  /** @type {{ step: number, typed: string, why: string }[]} */
  const turns = [];
  const steps = [];
  let passed = true;
  for (const [n, step] of scenario.steps.entries()) {
    c.io.print(`Step ${n + 1} of ${scenario.steps.length}: ${step.title}\n  ${fill(step.instruction)}`);
    const stepStart = Date.now();
    let stepWrong = 0;
    const wrong = (/** @type {string} */ typed, /** @type {string} */ why) => {
      stepWrong++;
      turns.push({ step: n + 1, typed, why });
    };
    for (;;) {
      let line;
      try {
        line = (await c.io.ask("drill>")).trim();
      } catch {
        line = "";
      }
      if (!line || line === "give up") { passed = false; break; }
      if (line === "hint") { c.io.print(`  ${fill(step.instruction)}`); continue; }
      const releaseBefore = currentRelease(sandbox);
      const gapsBefore = missing(readState(sandbox), known, step.expect, mirror);
      try {
        await runTyped(c, line, sandbox, mirror);
      } catch (err) {
        const why = /** @type {Error} */ (err).message;
        wrong(line, why);
        c.io.print(`  That did not work: ${why}`);
        continue;
      }
      const published = currentRelease(sandbox) !== releaseBefore;
      if (published && firstPublish === null) firstPublish = Date.now() - started;
      const gaps = missing(readState(sandbox), known, step.expect, mirror);
      if (!gaps.length) break;
      // A publish that gets closer (resolving before clearing the banner) is a step, not a wrong turn.
      if (published && gaps.length < gapsBefore.length) c.io.print(`  Good. Still to do: ${gaps.join("; ")}.`);
      else if (published) {
        wrong(line, `not yet: ${gaps.join("; ")}`);
        c.io.print(`  Not yet: ${gaps.join("; ")}.`);
      }
    }
    steps.push({ title: step.title, ms: Date.now() - stepStart, wrong_turns: stepWrong });
    if (!passed) break;
    c.io.print(`  Done in ${Math.round((Date.now() - stepStart) / 1000)} s.\n`);
  }
  const outcome = {
    id: `drill-${started}-${process.pid}`, operator: c.operator, scenario: scenario.id, started_at: new Date(started).toISOString(),
    finished_at: new Date().toISOString(), first_publish_ms: firstPublish, wrong_turns: turns.length, passed, steps, wrong: turns, sandbox,
  };
  appendFileSync(join(siteLayout(c.site).root, "drills.jsonl"), JSON.stringify(outcome) + "\n");
  c.io.print(`${passed ? "PASSED" : "NOT PASSED"}: ${c.operator}, first publish after ${firstPublish === null ? "-" : `${Math.round(firstPublish / 1000)} s`}, ${turns.length} wrong turn(s), ${Math.round((Date.now() - started) / 1000)} s in all. Recorded in the drill log.`);
  c.io.print(turns.length ? `\nDebrief: the wrong turns, to do differently next time:\n${turns.map((t) => `  step ${t.step}: ${t.typed}\n    -> ${t.why}`).join("\n")}` : "\nDebrief: no wrong turns.");
  return passed ? 0 : 1;
}
