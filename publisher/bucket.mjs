// @ts-check
import { existsSync, mkdirSync, readdirSync, readFileSync, realpathSync, renameSync, statSync, writeFileSync } from "node:fs";
import { request as httpRequest } from "node:http";
import { request as httpsRequest } from "node:https";
import { extname, join } from "node:path";
import { sha256Hex, signV4, uriEncode } from "./sigv4.mjs";
import { siteLayout } from "./site.mjs";

/**
 * @typedef {{ endpoint: string, bucket: string, region?: string, prefix?: string, timeoutMs?: number }} BucketConfig
 * @typedef {{ accessKeyId: string, secretAccessKey: string }} Credentials
 */

const TYPES = /** @type {Record<string, string>} */ ({
  ".html": "text/html; charset=utf-8", ".json": "application/json; charset=utf-8", ".atom": "application/atom+xml; charset=utf-8",
  ".rss": "application/rss+xml; charset=utf-8", ".txt": "text/plain; charset=utf-8",
});
const PARALLEL = 4;

/** Every file of the live release, by its path in the site. */
/** @param {string} site @returns {Map<string, Buffer>} */
function liveFiles(site) {
  const root = realpathSync(site);
  /** @type {Map<string, Buffer>} */
  const out = new Map();
  const walk = (/** @type {string} */ dir, /** @type {string} */ prefix) => {
    for (const name of readdirSync(dir)) {
      if (name.includes(".tmp-")) continue;
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path, `${prefix}${name}/`);
      else out.set(`${prefix}${name}`, readFileSync(path));
    }
  };
  walk(root, "");
  return out;
}

/** Pages go last, the front page very last, so no page is up before what it links to. */
/** @param {string} path */
const phase = (path) => (path === "index.html" ? 2 : extname(path) === ".html" ? 1 : 0);

export class TargetError extends Error {}

/**
 * One signed request; resolves with the status, rejects with a message a person can act on.
 * @param {BucketConfig} cfg @param {Credentials} cred @param {string} method @param {string} key @param {Buffer|null} body @param {Record<string, string>} extra
 */
function send(cfg, cred, method, key, body, extra = {}) {
  const url = new URL(cfg.endpoint);
  const path = `${url.pathname.replace(/\/$/, "")}/${uriEncode(cfg.bucket, false)}/${uriEncode(key, true)}`;
  const payload = body ?? Buffer.alloc(0);
  const headers = signV4({
    method, host: url.host, path, region: cfg.region ?? "us-east-1", payloadHash: sha256Hex(payload),
    headers: { ...extra, ...(body ? { "content-length": String(payload.length) } : {}) }, ...cred,
  });
  const timeout = cfg.timeoutMs ?? 15_000;
  return new Promise((resolve, reject) => {
    const req = (url.protocol === "https:" ? httpsRequest : httpRequest)({ host: url.hostname, port: url.port, method, path, headers, timeout }, (res) => {
      const chunks = /** @type {Buffer[]} */ ([]);
      res.on("data", (c) => chunks.push(c));
      res.on("end", () => {
        const status = res.statusCode ?? 0;
        if (status >= 200 && status < 300) return resolve(status);
        const text = Buffer.concat(chunks).toString("utf8");
        const code = /<Code>([^<]*)<\/Code>/.exec(text)?.[1];
        const why = status === 403 ? "access denied: check the access key, its secret and the bucket's policy" : status === 404 ? "no such bucket" : "the store refused it";
        reject(new TargetError(`${method} ${key}: ${status}${code ? ` ${code}` : ""} (${why})`));
      });
    });
    req.on("timeout", () => req.destroy(new TargetError(`${method} ${key}: no answer from ${url.host} within ${timeout / 1000} s`)));
    req.on("error", (err) => reject(err instanceof TargetError ? err : new TargetError(`${method} ${key}: cannot reach ${url.host} (${/** @type {NodeJS.ErrnoException} */ (err).code ?? err.message})`)));
    req.end(body ?? undefined);
  });
}

/** Where the last upload to a bucket is remembered: path -> content hash of what the bucket holds. */
/** @param {string} site @param {BucketConfig} cfg */
function manifestFile(site, cfg) {
  return join(siteLayout(site).root, "targets", `bucket-${sha256Hex(`${cfg.endpoint}|${cfg.bucket}|${cfg.prefix ?? ""}`).slice(0, 16)}.json`);
}

/**
 * Uploads the live release to an S3-compatible bucket: only files whose bytes changed since the last
 * upload, data first and pages last (the front page very last), then removes what the site no longer
 * has. A failure stops before the pages of that step, so the bucket never shows a page ahead of what
 * it links to; what did go up is remembered, and the next publish sends the rest.
 * @param {string} site @param {BucketConfig} cfg @param {Credentials} cred
 * @returns {Promise<{ uploaded: number, removed: number, unchanged: number }>}
 */
export async function uploadToBucket(site, cfg, cred) {
  const files = liveFiles(site);
  const file = manifestFile(site, cfg);
  /** @type {Record<string, string>} */
  const known = existsSync(file) ? JSON.parse(readFileSync(file, "utf8")) : {};
  const remembered = { ...known };
  const save = () => {
    mkdirSync(join(siteLayout(site).root, "targets"), { recursive: true });
    writeFileSync(`${file}.tmp`, JSON.stringify(remembered));
    renameSync(`${file}.tmp`, file);
  };
  const prefix = cfg.prefix ? `${cfg.prefix.replace(/\/$/, "")}/` : "";
  const changed = [...files].filter(([path, bytes]) => known[path] !== sha256Hex(bytes));
  let uploaded = 0, failed = false;
  try {
    for (const p of [0, 1, 2]) {
      const queue = changed.filter(([path]) => phase(path) === p);
      const worker = async () => {
        for (let next = queue.shift(); next && !failed; next = queue.shift()) {
          const [path, bytes] = next;
          await send(cfg, cred, "PUT", prefix + path, bytes, { "content-type": TYPES[extname(path)] ?? "application/octet-stream", "cache-control": "public, max-age=10, stale-while-revalidate=30" });
          remembered[path] = sha256Hex(bytes);
          uploaded++;
        }
      };
      await Promise.all(Array.from({ length: PARALLEL }, () => worker().catch((err) => {
        failed = true;
        throw err;
      })));
    }
    let removed = 0;
    for (const path of Object.keys(known).filter((p) => !files.has(p))) {
      await send(cfg, cred, "DELETE", prefix + path, null);
      delete remembered[path];
      removed++;
    }
    return { uploaded, removed, unchanged: files.size - changed.length };
  } finally {
    save();
  }
}
