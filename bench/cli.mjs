import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { measure } from "./lib.mjs";
import { createSite, newId } from "../publisher/publish.mjs";
import { emptyState } from "../publisher/state.mjs";
import { postUpdate, startIncident } from "../publisher/apply.mjs";

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
    const cli = (args, input) => spawnSync(process.execPath, ["publisher/cli.mjs", ...args, "--site", site, "--operator", "bench"], { encoding: "utf8", input });
    const first = cli(["post", "--name", "Bench", "--message", "start", "--component", "web=degraded_performance", "--yes"]);
    if (first.status !== 0) throw new Error(first.stderr);
    const publish = await measure(runs, (i) => {
      const t = performance.now();
      const r = cli(["post", "--incident", "latest", "--message", `update ${i}`, "--yes"]);
      if (r.status !== 0) throw new Error(r.stderr);
      return performance.now() - t;
    });
    const typed = [
      'post --name "Kinesis errors" --status investigating --message "Investigating." --component kinesis-data-streams=major_outage --component cognito=major_outage',
      'post --incident latest --status identified --message "Found."',
      'resolve --incident latest --message "Recovered."',
    ].join("\n") + "\n";
    const drill = await measure(5, (i) => {
      const r = cli(["drill", "--sandbox", join(dir, `drill-${i}`)], typed);
      if (r.status !== 0) throw new Error(r.stdout + r.stderr);
      const log = JSON.parse(readFileSync(join(dir, "site.d", "drills.jsonl"), "utf8").trim().split("\n").at(-1));
      return log.first_publish_ms;
    });
    // For reference: what starting Node itself costs on this machine, measured the same way.
    const bare = await measure(runs, () => {
      const t = performance.now();
      spawnSync(process.execPath, ["-e", "0"]);
      return performance.now() - t;
    });
    return [
      { name: "CLI publish, cold start to site swapped (1,000 past incidents)", unit: "ms", target: "< 150 ms", ...publish },
      { name: "reference: bare `node -e 0` on this machine", unit: "ms", ...bare },
      { name: "scripted drill (Kinesis scenario): time to first publish", unit: "ms", ...drill },
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
