import { createHash, randomBytes } from "node:crypto";

export const TOKEN_PREFIX = "sitrep_";

/** A new API token; only its hash is ever stored. */
export function generateToken(): string {
  return TOKEN_PREFIX + randomBytes(24).toString("base64url");
}

export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** The token in an "Authorization: Bearer …" header, if any. */
export function bearerToken(header: string | null): string | null {
  const m = /^Bearer\s+(\S+)$/i.exec(header ?? "");
  return m && m[1].startsWith(TOKEN_PREFIX) ? m[1] : null;
}
