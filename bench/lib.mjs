import { spawn, spawnSync } from "node:child_process";
import { performance } from "node:perf_hooks";

export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Runs fn `runs` times and returns the median of its timings in ms (fn may return its own figure). */
export async function measure(runs, fn) {
  const samples = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    const own = await fn(i);
    samples.push(typeof own === "number" ? own : performance.now() - start);
  }
  return { value: median(samples), runs };
}

export function run(cmd, args, opts = {}) {
  const result = spawnSync(cmd, args, { stdio: "pipe", encoding: "utf8", ...opts });
  if (result.status !== 0) throw new Error(`${cmd} ${args.join(" ")} failed:\n${result.stderr || result.stdout}`);
  return result.stdout;
}

/** Starts a server process; resolves with the ms until `url` first answers 200. The caller stops it. */
export async function timeToFirst200(cmd, args, opts, url, limitMs = 60_000) {
  const start = performance.now();
  const child = spawn(cmd, args, { stdio: "ignore", detached: false, ...opts });
  try {
    while (performance.now() - start < limitMs) {
      try {
        const res = await fetch(url, { redirect: "manual" });
        if (res.status === 200) return { ms: performance.now() - start, child };
      } catch {
        /* not listening yet */
      }
      await new Promise((r) => setTimeout(r, 25));
    }
    throw new Error(`${url} gave no 200 within ${limitMs} ms`);
  } catch (err) {
    child.kill("SIGTERM");
    throw err;
  }
}

export function stop(child) {
  return new Promise((resolve) => {
    if (child.exitCode !== null) return resolve();
    child.once("exit", resolve);
    child.kill("SIGTERM");
  });
}

export function formatValue(v, unit) {
  if (unit === "ms") return v >= 10_000 ? `${(v / 1000).toFixed(1)} s` : `${v.toFixed(v < 10 ? 2 : 0)} ms`;
  if (unit === "KB") return `${v.toFixed(1)} KB`;
  if (unit === "req/s") return `${Math.round(v).toLocaleString("en-US")} req/s`;
  if (unit === "x") return `${v.toFixed(2)}x`;
  return `${v.toFixed(2)} ${unit}`;
}

export function printTable(rows) {
  const table = [["benchmark", "median", "runs", "target"], ...rows.map((r) => [r.name, formatValue(r.value, r.unit), String(r.runs), r.target ?? ""])];
  const widths = table[0].map((_, i) => Math.max(...table.map((row) => row[i].length)));
  const line = (row) => `| ${row.map((c, i) => c.padEnd(widths[i])).join(" | ")} |`;
  console.log([line(table[0]), `| ${widths.map((w) => "-".repeat(w)).join(" | ")} |`, ...table.slice(1).map(line)].join("\n"));
}
