// @ts-check
import { createHash, createHmac } from "node:crypto";

/** @param {string|Buffer} data */
export const sha256Hex = (data) => createHash("sha256").update(data).digest("hex");
/** @param {Buffer|string} key @param {string} data */
const hmac = (key, data) => createHmac("sha256", key).update(data).digest();

/** RFC 3986 encoding as Signature V4 wants it ("/" kept in paths). */
/** @param {string} s @param {boolean} keepSlash */
export function uriEncode(s, keepSlash) {
  return [...Buffer.from(s, "utf8")].map((b) => {
    const c = String.fromCharCode(b);
    if (/[A-Za-z0-9\-._~]/.test(c) || (keepSlash && c === "/")) return c;
    return `%${b.toString(16).toUpperCase().padStart(2, "0")}`;
  }).join("");
}

/**
 * AWS Signature Version 4 for one request with no query string: returns the headers to send (the
 * given ones plus x-amz-date, x-amz-content-sha256 and authorization). Signing names every header
 * sent, so a proxy cannot change one unnoticed.
 * @param {{ method: string, host: string, path: string, headers: Record<string, string>, payloadHash: string, region: string, service?: string, accessKeyId: string, secretAccessKey: string, now?: Date }} r
 */
export function signV4(r) {
  const service = r.service ?? "s3";
  const amzDate = (r.now ?? new Date()).toISOString().replace(/[-:]/g, "").replace(/\.\d{3}/, "");
  const day = amzDate.slice(0, 8);
  /** @type {Record<string, string>} */
  const headers = { ...r.headers, host: r.host, "x-amz-date": amzDate, "x-amz-content-sha256": r.payloadHash };
  const names = Object.keys(headers).map((h) => h.toLowerCase()).sort();
  const lower = Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), String(v).trim().replace(/\s+/g, " ")]));
  const canonical = [r.method, r.path, "", ...names.map((n) => `${n}:${lower[n]}`), "", names.join(";"), r.payloadHash].join("\n");
  const scope = `${day}/${r.region}/${service}/aws4_request`;
  const toSign = ["AWS4-HMAC-SHA256", amzDate, scope, sha256Hex(canonical)].join("\n");
  const key = hmac(hmac(hmac(hmac(`AWS4${r.secretAccessKey}`, day), r.region), service), "aws4_request");
  const signature = createHmac("sha256", key).update(toSign).digest("hex");
  return { ...headers, authorization: `AWS4-HMAC-SHA256 Credential=${r.accessKeyId}/${scope}, SignedHeaders=${names.join(";")}, Signature=${signature}` };
}
