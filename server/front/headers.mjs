// @ts-check
import { wireHead } from "./wire.mjs";

/** The same headers next.config.js gives every page of the app. */
export const SECURITY = { "x-content-type-options": "nosniff", "referrer-policy": "same-origin", "x-frame-options": "DENY" };
const CACHE = "public, max-age=10, stale-while-revalidate=30";

/** @param {string[]} styleHashes the page's inline styles, the only thing it may load besides its images */
function csp(styleHashes) {
  return ["default-src 'none'", `style-src ${styleHashes.join(" ") || "'none'"}`, "img-src 'self' data:", "form-action 'self'", "base-uri 'none'", "frame-ancestors 'none'"].join("; ");
}

/**
 * The response headers of one body, as the flat list `writeHead` takes, for a full answer and for a
 * 304, and the same again as bytes (status line and header lines) for the front's own HTTP/1.1 path.
 * Built once per release: at the busiest hour each request then costs a lookup, not a header build.
 * @param {{ type: string, etag: string, length: number, encoding: "gzip"|"br"|null, styleHashes: string[] }} b
 * @returns {{ full: string[], notModified: string[], wire: { full: Buffer, notModified: Buffer } }}
 */
export function prepareHeaders(b) {
  const common = ["content-type", b.type, "etag", b.etag, "cache-control", CACHE, "vary", "Accept-Encoding", ...Object.entries(SECURITY).flat()];
  if (b.type.startsWith("text/html")) common.push("content-security-policy", csp(b.styleHashes));
  const full = [...common, ...(b.encoding ? ["content-encoding", b.encoding] : []), "content-length", String(b.length)];
  return { notModified: common, full, wire: { full: wireHead(200, full), notModified: wireHead(304, common) } };
}
