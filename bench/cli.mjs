import { spawnSync } from "node:child_process";
import { lstatSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { measure, median } from "./lib.mjs";
import { createSite, newId } from "../publisher/publish.mjs";
import { emptyState } from "../publisher/state.mjs";
import { postUpdate, startIncident } from "../publisher/apply.mjs";
import { FIRST_TIMER } from "../publisher/cli-test.helper.mjs";

/**
 * An operator's shell. This machine sets NODE_EXTRA_CA_CERTS, which makes every Node start parse a
 * CA bundle before any code runs (over 100 ms here); NODE_OPTIONS would carry the bench's own loader.
 * Both are measured separately below rather than hidden.
 */
const operatorEnv = Object.fromEntries(Object.entries(process.env).filter(([k]) => k !== "NODE_EXTRA_CA_CERTS" && k !== "NODE_OPTIONS"));

/** The backup CLI from a cold `node` start to the new release swapped in, on a site with 1,000 past incidents. */
export async function cliRows({ runs = 15 } = {}) {
  const dir = mkdtempSync(join(tmpdir(), "sitrep-bench-cli-"));
  try {
    const t0 = Date.parse("2024-01-01T00:00:00Z");
    let state = emptyState({ id: "bench", name: "Example Cloud", url: "https://status.example.com", time_zone: "UTC" }, new Date(t0).toISOString());
    state.components = ["api", "web", "kinesis-data-streams", "cognito"].map((id, position) => ({ id, slug: id, name: id, description: "", group_name: "", position, status: "operational", created_at: state.page.updated_at, updated_at: state.page.updated_at }));
    const all = [];
    for (let n = 0; n < 1000; n++) {
      const ctx = (m) => ({ author: "bench", origin: "app", now: new Date(t0 + n * 3_600_000 + m * 60_000).toISOString(), newId });
      let r = startIncident(state, { name: `Past ${n}`, body: "Investigating.", components: { api: "partial_outage" } }, ctx(0));
      r = postUpdate(r.state, r.incident, { status: "resolved", body: "Resolved." }, ctx(20));
      state = { ...r.state, incidents: r.state.incidents.slice(0, 60) };
      all.push(r.incident);
    }
    const site = join(dir, "site");
    await createSite(site, state, all);
    const cli = (args, input, env = operatorEnv) => spawnSync(process.execPath, ["publisher/cli.mjs", ...args, "--site", site, "--operator", "bench"], { encoding: "utf8", input, env });
    const first = cli(["post", "--name", "Bench", "--message", "start", "--component", "web=degraded_performance", "--yes"]);
    if (first.status !== 0) throw new Error(first.stderr);
    const mirror = join(dir, "cell-b");
    cli(["post", "--incident", "latest", "--message", "first copy", "--mirror", mirror, "--yes"]);
    spawnSync("sync"); // start with the disk idle, not busy writing back the site just made
    // One publish of each kind per round, interleaved, so this machine's noise falls on all of them alike.
    const samples = { swapped: [], exited: [], mirrored: [], machine: [], bare: [], bareMachine: [] };
    const timed = (args, env) => {
      const wall = Date.now(), t = performance.now();
      const r = cli(args, undefined, env);
      if (r.status !== 0) throw new Error(r.stderr);
      // The swap is one rename of a symlink made just before it, so the link's mtime is the moment the new site went live.
      return { exited: performance.now() - t, swapped: lstatSync(site).mtimeMs - wall };
    };
    const bare = (env) => {
      const t = performance.now();
      spawnSync(process.execPath, ["-e", "0"], { env });
      return performance.now() - t;
    };
    for (let i = 0; i < runs; i++) {
      const clean = timed(["post", "--incident", "latest", "--message", `update ${i}`, "--yes"], operatorEnv);
      samples.swapped.push(clean.swapped);
      samples.exited.push(clean.exited);
      samples.mirrored.push(timed(["post", "--incident", "latest", "--message", `mirrored ${i}`, "--mirror", mirror, "--yes"], operatorEnv).exited);
      samples.machine.push(timed(["post", "--incident", "latest", "--message", `machine ${i}`, "--yes"], process.env).swapped);
      samples.bare.push(bare(operatorEnv));
      samples.bareMachine.push(bare(process.env));
    }
    const row = (name, values, extra = {}) => ({ name, unit: "ms", value: median(values), runs, ...extra });
    const typed = [
      'post --name "Kinesis errors" --status investigating --message "Investigating." --component kinesis-data-streams=major_outage --component cognito=major_outage', "y",
      'post --incident latest --status identified --message "Found."', "y",
      'resolve --incident latest --message "Recovered."', "y",
    ].join("\n") + "\n";
    const drill = await measure(5, (i) => {
      const r = cli(["drill", "--sandbox", join(dir, `drill-${i}`)], typed);
      if (r.status !== 0) throw new Error(r.stdout + r.stderr);
      const log = JSON.parse(readFileSync(join(dir, "site.d", "drills.jsonl"), "utf8").trim().split("\n").at(-1));
      return log.first_publish_ms;
    });
    // A first-timer's whole four-step run (post with two components, banner, update, resolve and clear), scripted, from `node` start to exit.
    let wrongTurns = 0;
    const firstTimer = await measure(5, (i) => {
      const t = performance.now();
      const r = cli(["drill", "--scenario", "first-timer", "--sandbox", join(dir, `first-${i}`)], FIRST_TIMER.join("\n") + "\n");
      const took = performance.now() - t;
      if (r.status !== 0) throw new Error(r.stdout + r.stderr);
      wrongTurns += JSON.parse(readFileSync(join(dir, "site.d", "drills.jsonl"), "utf8").trim().split("\n").at(-1)).wrong_turns;
      return took;
    });
    return [
      row("CLI publish, cold start to site swapped (1,000 past incidents)", samples.swapped, { target: "< 150 ms" }),
      row("CLI publish, cold start to process exit", samples.exited),
      row("CLI publish with one --mirror, cold start to exit", samples.mirrored),
      row("reference: bare `node -e 0`", samples.bare),
      row("CLI publish to site swapped, with this machine's environment", samples.machine),
      row("reference: bare `node -e 0`, with this machine's environment", samples.bareMachine),
      { name: "scripted drill (Kinesis scenario): time to first publish", unit: "ms", ...drill },
      { name: `scripted first-timer drill, 4 steps incl. confirmations (1,000 past incidents): total time (${wrongTurns} wrong turns)`, unit: "ms", ...firstTimer },
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
