// @ts-check
import { appendFileSync, existsSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from "node:fs";
import { spawn } from "node:child_process";
import { dirname, join } from "node:path";
import { siteLayout } from "./site.mjs";
import { currentRelease } from "./write.mjs";

/**
 * Where a published site goes besides its own folder, configured once in site.d/config.json for both
 * doors: `mirrors` (folders), `bucket` (an S3-compatible store) and `after` (a shell command).
 * @typedef {{ operator?: string, key?: string, mirrors?: string[], after?: string, bucket?: import("./bucket.mjs").BucketConfig }} SiteConfig
 * `release`: the release that was sent (the live one when the send started).
 * @typedef {{ target: string, ok: boolean, ms: number, detail: string, at: string, origin: string, release?: string|null }} TargetResult
 */

const KNOWN = ["operator", "key", "mirrors", "after", "bucket"];
const BUCKET_KEYS = ["endpoint", "bucket", "region", "prefix", "timeoutMs"];

/**
 * Reads site.d/config.json. Problems are reported in words, never thrown: a bad setting must not stop
 * a status update; the settings that are well-formed still apply.
 * @param {string} site @returns {{ config: SiteConfig, problems: string[] }}
 */
export function readSiteConfig(site) {
  const file = siteLayout(site).config;
  if (!existsSync(file)) return { config: {}, problems: [] };
  let raw;
  try {
    raw = JSON.parse(readFileSync(file, "utf8"));
  } catch (err) {
    return { config: {}, problems: [`${file} is not valid JSON (${/** @type {Error} */ (err).message}); no mirror, bucket or after-command ran`] };
  }
  if (!raw || typeof raw !== "object" || Array.isArray(raw)) return { config: {}, problems: [`${file} must hold one JSON object of settings`] };
  const problems = [];
  /** @type {SiteConfig} */
  const config = {};
  for (const [k, v] of Object.entries(raw)) {
    if (!KNOWN.includes(k)) problems.push(`${file}: unknown setting "${k}" (ignored; known settings: ${KNOWN.join(", ")})`);
    else if ((k === "operator" || k === "key" || k === "after") && typeof v !== "string") problems.push(`${file}: "${k}" must be text`);
    else if (k === "mirrors" && !(Array.isArray(v) && v.every((m) => typeof m === "string" && m))) problems.push(`${file}: "mirrors" must be a list of folder paths`);
    else if (k === "bucket") {
      const bad = typeof v !== "object" || !v ? ["(not an object)"] : Object.keys(v).filter((b) => !BUCKET_KEYS.includes(b));
      if (bad.length) problems.push(`${file}: "bucket" has unknown setting(s) ${bad.join(", ")} (known: ${BUCKET_KEYS.join(", ")}); the bucket was skipped`);
      else if (typeof v.endpoint !== "string" || !/^https?:\/\//.test(v.endpoint) || typeof v.bucket !== "string" || !v.bucket) problems.push(`${file}: "bucket" needs "endpoint" (an http(s) URL) and "bucket" (its name); the bucket was skipped`);
      else config.bucket = v;
    } else /** @type {any} */ (config)[k] = v;
  }
  return { config, problems };
}

/** The bucket's keys come from the environment of whoever publishes, never from the site's folder. */
function bucketCredentials() {
  const accessKeyId = process.env.SITREP_BUCKET_ACCESS_KEY_ID ?? process.env.AWS_ACCESS_KEY_ID;
  const secretAccessKey = process.env.SITREP_BUCKET_SECRET_ACCESS_KEY ?? process.env.AWS_SECRET_ACCESS_KEY;
  return accessKeyId && secretAccessKey ? { accessKeyId, secretAccessKey } : null;
}

/** Runs a shell command without holding the event loop; the last lines of its output explain a failure. */
/** @param {string} command @param {number} timeoutMs @returns {Promise<{ code: number, output: string }>} */
export function runCommand(command, timeoutMs = 120_000) {
  return new Promise((resolve) => {
    const child = spawn(command, { shell: true, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    const keep = (/** @type {Buffer} */ c) => { output = (output + c.toString("utf8")).slice(-2000); };
    child.stdout.on("data", keep);
    child.stderr.on("data", keep);
    const timer = setTimeout(() => { output += `\n(stopped after ${timeoutMs / 1000} s)`; child.kill("SIGTERM"); }, timeoutMs);
    child.on("error", (err) => { output += err.message; });
    child.on("close", (code) => { clearTimeout(timer); resolve({ code: code ?? 1, output: output.trim() }); });
  });
}

/**
 * Sends the live site to every configured target, one after another, and records each result in
 * site.d/targets/log.jsonl (admins read it in Settings; the CLI prints it). Never throws: a target
 * that fails is a result, not a failed publish.
 * @param {string} site @param {SiteConfig} config
 * @param {{ origin: string, mayRun: (command: string) => true | string, extraMirrors?: string[], onResult?: (r: TargetResult) => void }} opts
 * @returns {Promise<TargetResult[]>}
 */
export async function runTargets(site, config, opts) {
  /** @type {TargetResult[]} */
  const results = [];
  const release = currentRelease(site);
  const record = async (/** @type {string} */ target, /** @type {() => Promise<string>} */ work) => {
    const t0 = Date.now();
    let ok = true, detail;
    try {
      detail = await work();
    } catch (err) {
      ok = false;
      detail = /** @type {Error} */ (err).message;
    }
    const r = { target, ok, ms: Date.now() - t0, detail, at: new Date().toISOString(), origin: opts.origin, release };
    results.push(r);
    try {
      keepResult(site, r);
    } catch {
      // The result is still returned and shown; only its record is lost.
    }
    opts.onResult?.(r);
  };
  for (const mirror of [...(config.mirrors ?? []), ...(opts.extraMirrors ?? [])]) {
    await record(`mirror ${mirror}`, async () => {
      try {
        await (await import("./mirror.mjs")).syncMirror(site, mirror);
      } catch (err) {
        const code = /** @type {NodeJS.ErrnoException} */ (err).code;
        if (code === "EACCES" || code === "EPERM" || code === "EROFS" || code === "ENOTDIR") throw new Error(`cannot write to ${mirror} (${code}): give the publisher write access to that folder`);
        throw err;
      }
      return "up to date";
    });
  }
  const bucket = config.bucket;
  if (bucket) {
    await record(`bucket ${bucket.endpoint}/${bucket.bucket}${bucket.prefix ? `/${bucket.prefix}` : ""}`, async () => {
      const cred = bucketCredentials();
      if (!cred) throw new Error("no credentials: set SITREP_BUCKET_ACCESS_KEY_ID and SITREP_BUCKET_SECRET_ACCESS_KEY (or AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY) for whoever publishes");
      const r = await (await import("./bucket.mjs")).uploadToBucket(site, bucket, cred);
      return `${r.uploaded} file(s) uploaded, ${r.removed} removed, ${r.unchanged} unchanged`;
    });
  }
  if (config.after) {
    const after = config.after;
    await record(`after-command ${after}`, async () => {
      const allowed = opts.mayRun(after);
      if (allowed !== true) throw new Error(allowed);
      const run = await runCommand(after);
      if (run.code !== 0) throw new Error(`exit status ${run.code}${run.output ? `: ${run.output.split("\n").slice(-3).join(" / ")}` : ""}`);
      return "finished";
    });
  }
  return results;
}

const LOG_MAX_BYTES = 1_000_000, LOG_KEEP_LINES = 2_000;
/** @param {string} site */
const logFile = (site) => join(siteLayout(site).root, "targets", "log.jsonl");

/** Appends a result to the log; a log grown past its size keeps only its newest lines. */
/** @param {string} site @param {TargetResult} r */
function keepResult(site, r) {
  const file = logFile(site);
  mkdirSync(dirname(file), { recursive: true });
  appendFileSync(file, `${JSON.stringify(r)}\n`);
  if (statSync(file).size <= LOG_MAX_BYTES) return;
  const tmp = `${file}.tmp-${process.pid}`;
  writeFileSync(tmp, `${readFileSync(file, "utf8").trim().split("\n").slice(-LOG_KEEP_LINES).join("\n")}\n`);
  renameSync(tmp, file);
}

/** The last result of each target, newest first (what admins see). */
/** @param {string} site @param {number} [max] @returns {TargetResult[]} */
export function recentTargetResults(site, max = 20) {
  const file = logFile(site);
  if (!existsSync(file)) return [];
  const lines = readFileSync(file, "utf8").trim().split("\n").slice(-500);
  /** @type {TargetResult[]} */
  const out = [];
  for (const line of lines.reverse()) {
    try {
      out.push(JSON.parse(line));
    } catch {
      // A line cut by a crash: skipped.
    }
    if (out.length >= max) break;
  }
  return out;
}
