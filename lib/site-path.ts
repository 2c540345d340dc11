import { sep } from "node:path";

/** Longer than any file name the renderer writes; longer segments are answered 404 without touching the disk. */
export const MAX_SEGMENT_LENGTH = 255;
export const MAX_SEGMENTS = 16;

export type SitePath = { ok: true; segments: string[] } | { ok: false; status: 400 | 404; reason: string };

/**
 * Turns the still-encoded segments of a public URL path into file-name segments, or says why not.
 * Each segment is decoded exactly once; a decoded segment that could name another folder
 * (a slash, a backslash, "..", a leading dot, NUL or other control characters) is refused, as is
 * percent-encoding that is not valid UTF-8 (such as the overlong "%c0%ae").
 */
export function decodeSitePath(raw: readonly string[]): SitePath {
  if (raw.length > MAX_SEGMENTS) return { ok: false, status: 404, reason: "too many segments" };
  const segments: string[] = [];
  for (const encoded of raw) {
    if (encoded.length > MAX_SEGMENT_LENGTH * 3) return { ok: false, status: 404, reason: "segment too long" };
    let s: string;
    try {
      s = decodeURIComponent(encoded);
    } catch {
      return { ok: false, status: 400, reason: "bad percent-encoding" };
    }
    if (s.length > MAX_SEGMENT_LENGTH) return { ok: false, status: 404, reason: "segment too long" };
    if (!s || s.startsWith(".") || s.includes("/") || s.includes("\\") || s.includes("..") || /[\u0000-\u001f\u007f]/.test(s)) {
      return { ok: false, status: 404, reason: "not a file name" };
    }
    segments.push(s);
  }
  return { ok: true, segments };
}

/** The still-encoded segments of a URL path after `prefix` (for example "/status"). */
export function rawSegmentsAfter(pathname: string, prefix: string): string[] {
  const rest = pathname.startsWith(prefix) ? pathname.slice(prefix.length) : pathname;
  const parts = rest.split("/");
  if (parts[0] === "") parts.shift();
  if (parts.length && parts[parts.length - 1] === "") parts.pop();
  return parts;
}

/** Whether a resolved real path is one of `roots` or inside one of them. */
export function isInsideAny(real: string, roots: readonly string[]): boolean {
  return roots.some((root) => real === root || real.startsWith(root.endsWith(sep) ? root : root + sep));
}
