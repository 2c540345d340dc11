// @ts-check
import { createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify } from "node:crypto";

/** Keys sorted at every depth, so the same entry always gives the same bytes. */
/** @param {unknown} v @returns {unknown} */
function sorted(v) {
  if (Array.isArray(v)) return v.map(sorted);
  if (v && typeof v === "object") return Object.fromEntries(Object.keys(v).sort().map((k) => [k, sorted(/** @type {any} */ (v)[k])]));
  return v;
}

/** The bytes that are signed: the whole entry except its signatures (and where a reader found it). */
/** @param {Record<string, unknown>} entry */
export function canonical(entry) {
  const { sig: _sig, mac: _mac, line: _line, start: _start, ...rest } = entry;
  return Buffer.from(JSON.stringify(sorted(rest)));
}

/** A new Ed25519 key pair as PEM text. */
export function generateKeys() {
  const { privateKey, publicKey } = generateKeyPairSync("ed25519");
  return {
    privateKey: privateKey.export({ type: "pkcs8", format: "pem" }).toString(),
    publicKey: publicKey.export({ type: "spki", format: "pem" }).toString(),
  };
}

/** @param {Record<string, unknown>} entry @param {string} privatePem */
export function signEntry(entry, privatePem) {
  return sign(null, canonical(entry), createPrivateKey(privatePem)).toString("base64");
}

/** @param {Record<string, unknown> & { sig?: string }} entry @param {string} publicPem */
export function verifyEntry(entry, publicPem) {
  if (!entry.sig) return false;
  try {
    return verify(null, canonical(entry), createPublicKey(publicPem), Buffer.from(entry.sig, "base64"));
  } catch {
    return false;
  }
}
