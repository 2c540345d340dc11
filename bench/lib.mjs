import { execFile, spawn, spawnSync } from "node:child_process";
import { availableParallelism } from "node:os";
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

/**
 * On a machine with few cores a load generator competing with the server for them measures the
 * scheduler, not the server: each side of a serving benchmark gets its own cores when `taskset` is
 * there (the server core 0, the load the rest). null when it cannot be done.
 */
export const cores = (() => {
  const n = availableParallelism();
  if (n < 2 || spawnSync("taskset", ["-V"], { stdio: "ignore" }).status !== 0) return null;
  return { server: "0", load: n === 2 ? "1" : `1-${n - 1}`, loadThreads: Math.max(1, n - 1) };
})();

/** `cmd args` to run on the server's core (unchanged when cores cannot be set). */
export function onServerCore(cmd, args) {
  return cores ? ["taskset", ["-c", cores.server, cmd, ...args]] : [cmd, args];
}

/** Moves this process (the one timing requests during a load) off the server's core. */
export function leaveServerCore() {
  if (cores) spawnSync("taskset", ["-a", "-cp", cores.load, String(process.pid)], { stdio: "ignore" });
}

/**
 * wrk against `url`, asynchronously (so this process can time other requests meanwhile), bounded by
 * its own duration: requests/s, p99 in ms, and errors (socket errors plus non-2xx/3xx answers).
 * @param {string} url @param {{ connections: number, seconds: number, headers?: string[] }} o
 */
export function wrk(url, { connections, seconds, headers = [] }) {
  const [cmd, args] = cores ? ["taskset", ["-c", cores.load, "wrk"]] : ["wrk", []];
  args.push(`-t${cores?.loadThreads ?? 2}`, `-c${connections}`, `-d${seconds}s`, "--timeout", "5s", "--latency", ...headers.flatMap((h) => ["-H", h]), url);
  return new Promise((resolve, reject) => {
    execFile(cmd, args, { encoding: "utf8", timeout: (seconds + 30) * 1000 }, (err, out) => {
      if (err) return reject(err);
      const num = (re) => Number(re.exec(out)?.[1] ?? 0);
      const p99 = /99%\s+([\d.]+)(us|ms|s)/.exec(out);
      const sock = /Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/.exec(out);
      resolve({
        rps: num(/Requests\/sec:\s+([\d.]+)/), p99: p99 ? Number(p99[1]) * { us: 0.001, ms: 1, s: 1000 }[p99[2]] : NaN,
        errors: (sock ? sock.slice(1).reduce((a, b) => a + Number(b), 0) : 0) + num(/Non-2xx or 3xx responses: (\d+)/),
        breakdown: sock ? `connect ${sock[1]}, read ${sock[2]}, write ${sock[3]}, timeout ${sock[4]}` : "none",
      });
    });
  });
}

/**
 * Samples the kernel's accept queue of the server listening on `port` (Recv-Q of the listening socket,
 * from `ss`) until stopped: the most connections seen waiting, and the longest time there were any.
 * Both null without `ss`.
 * @param {number} port
 */
export function acceptQueue(port) {
  const EVERY_MS = 50;
  let most = /** @type {number|null} */ (null), longestMs = /** @type {number|null} */ (null), since = 0;
  // Asynchronous, so the requests this process times meanwhile are not held up by the sampling.
  const sample = () => execFile("ss", ["-ltnH", `sport = :${port}`], (err, stdout) => {
    const waiting = Number(stdout?.trim().split(/\s+/)[1]);
    if (err || !Number.isFinite(waiting)) return;
    const now = performance.now();
    most = Math.max(most ?? 0, waiting);
    if (waiting > 0 && !since) since = now;
    if (waiting === 0) since = 0;
    longestMs = Math.max(longestMs ?? 0, since ? now - since : 0);
  });
  const timer = setInterval(sample, EVERY_MS);
  return { stop: () => { clearInterval(timer); return { most, longestMs }; } };
}
