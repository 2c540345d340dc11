// @ts-check

/** @typedef {import("./release.mjs").Release} Release @typedef {import("./release.mjs").Entry} Entry */
/** @typedef {import("node:http").IncomingMessage} Req @typedef {import("node:http").ServerResponse} Res */

import { SECURITY } from "./headers.mjs";

/**
 * Which file of the published site a public URL names, or what else to answer. Only these prefixes
 * are the front's; `null` hands the request to the app.
 * @param {string} pathname
 * @returns {{ file: string, cors: boolean } | { redirect: string } | { missing: true } | null}
 */
export function route(pathname) {
  let rest, cors = false;
  if (pathname === "/status") return { redirect: "/status/" };
  if (pathname.startsWith("/status/")) rest = pathname.slice("/status/".length);
  else if (pathname.startsWith("/api/v2/")) rest = pathname.slice(1);
  else if (pathname === "/feed.atom" || pathname === "/feed.rss" || pathname === "/favicon.ico") rest = pathname.slice(1);
  else return null;
  let decoded;
  try {
    decoded = decodeURIComponent(rest);
  } catch {
    return { missing: true };
  }
  const segments = decoded.split("/");
  // Names are looked up in the release's own list, so nothing else is reachable; odd names are refused early.
  if (segments.slice(0, -1).some((s) => !s) || segments.some((s) => s.startsWith(".") || s.includes("\\") || s.includes("\0"))) return { missing: true };
  if (decoded.startsWith("api/v2/")) cors = true;
  return { file: decoded === "" || decoded.endsWith("/") ? `${decoded}index.html` : decoded, cors };
}

/** Browsers and monitors send a handful of distinct headers: each is parsed once. */
const picked = new Map();

/** @param {string|undefined} header @returns {"br"|"gzip"|null} the best encoding the client takes */
export function pickEncoding(header) {
  if (!header) return null;
  let enc = picked.get(header);
  if (enc === undefined) {
    enc = parseEncoding(header);
    if (picked.size >= 256) picked.clear();
    picked.set(header, enc);
  }
  return enc;
}

/** @param {string} header @returns {"br"|"gzip"|null} */
function parseEncoding(header) {
  const q = new Map(header.split(",").map((part) => {
    const [name, ...params] = part.trim().toLowerCase().split(";");
    const qp = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
    return [name.trim(), qp ? Number(qp.slice(2)) : 1];
  }));
  const ok = (/** @type {string} */ name) => (q.get(name) ?? q.get("*") ?? 0) > 0;
  return ok("br") ? "br" : ok("gzip") ? "gzip" : null;
}

/** @param {string|undefined} header @param {string} etag */
function matches(header, etag) {
  if (!header) return false;
  if (header.trim() === "*") return true;
  return header.split(",").some((t) => t.trim().replace(/^W\//, "") === etag);
}

/**
 * Which body of a file to send for these request headers, and whether the client's copy is still it.
 * @param {Entry} entry @param {string|undefined} acceptEncoding @param {string|undefined} ifNoneMatch
 */
export function choose(entry, acceptEncoding, ifNoneMatch) {
  const enc = pickEncoding(acceptEncoding);
  const chosen = (enc && entry[enc]) || entry.identity;
  return { chosen, fresh: matches(ifNoneMatch, chosen.etag) };
}

/** @param {Res} res @param {number} status @param {string} text @param {Record<string, string>} [extra] */
function plain(res, status, text, extra = {}) {
  res.writeHead(status, { "content-type": "text/plain; charset=utf-8", "content-length": Buffer.byteLength(text), "cache-control": "public, max-age=10", ...SECURITY, ...extra });
  res.end(text);
}

/**
 * Answers one public request from the release in memory. Returns false when the request is not the
 * front's to answer (another path, or no release loaded yet).
 * @param {Req} req @param {Res} res @param {Release|null} release
 */
export function respond(req, res, release) {
  const url = req.url ?? "/";
  const q = url.indexOf("?");
  const r = route(q < 0 ? url : url.slice(0, q));
  if (!r || !release) return false;
  if ("redirect" in r) {
    res.writeHead(308, { location: r.redirect + (q < 0 ? "" : url.slice(q)), ...SECURITY, "content-length": 0 });
    res.end();
    return true;
  }
  const isApi = "cors" in r && r.cors;
  /** @type {Record<string, string>} */
  const cors = isApi ? { "access-control-allow-origin": "*" } : {};
  if (req.method === "OPTIONS" && isApi) {
    res.writeHead(204, { ...cors, "access-control-allow-methods": "GET, HEAD", "access-control-max-age": "86400", ...SECURITY });
    res.end();
    return true;
  }
  if (req.method !== "GET" && req.method !== "HEAD") {
    plain(res, 405, "Only GET and HEAD are answered here\n", { allow: "GET, HEAD", ...cors });
    return true;
  }
  const entry = "file" in r ? release.files.get(r.file) ?? (release.files.has(`${r.file}/index.html`) ? "dir" : undefined) : undefined;
  if (entry === "dir") {
    res.writeHead(308, { location: `${(q < 0 ? url : url.slice(0, q))}/${q < 0 ? "" : url.slice(q)}`, ...SECURITY, "content-length": 0 });
    res.end();
    return true;
  }
  if (!entry) {
    plain(res, 404, "Not found\n", cors);
    return true;
  }
  const { chosen, fresh } = choose(entry, /** @type {string|undefined} */ (req.headers["accept-encoding"]), /** @type {string|undefined} */ (req.headers["if-none-match"]));
  const headers = fresh ? chosen.headers.notModified : chosen.headers.full;
  res.writeHead(fresh ? 304 : 200, isApi ? [...headers, "access-control-allow-origin", "*"] : headers);
  res.end(fresh || req.method === "HEAD" ? undefined : chosen.bytes);
  return true;
}
