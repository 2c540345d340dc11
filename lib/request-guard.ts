/**
 * Rules every request passes before it reaches a page or route: paths that are well-formed,
 * cookie-authenticated writes only from our own origin and only in the body types the route
 * documents, and the security headers for workbench pages. Pure: the proxy applies them.
 */
import { MAX_SEGMENT_LENGTH } from "./site-path";

export const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/** 400 for percent-encoding that is not UTF-8, 404 for a segment longer than any name we serve, else null. */
export function malformedPath(pathname: string): 400 | 404 | null {
  for (const segment of pathname.split("/")) {
    let decoded: string;
    try {
      decoded = decodeURIComponent(segment);
    } catch {
      return 400;
    }
    if (decoded.length > MAX_SEGMENT_LENGTH) return 404;
  }
  return null;
}

/** The body types each write accepts; everything not listed takes JSON only. */
const BODY_TYPES: [RegExp, string[]][] = [
  // Markdown, or a batch: files from the import form (multipart) or one archive as the body.
  [/^\/api\/incidents\/import$/, ["text/markdown", "text/x-markdown", "multipart/form-data", "application/zip", "application/gzip", "application/x-gzip", "application/x-tar", "application/octet-stream"]],
  [/^\/api\/auth\//, ["application/x-www-form-urlencoded", "application/json"]],
];

export interface GuardedRequest {
  method: string;
  pathname: string;
  header(name: string): string | null;
}

/**
 * Why a write must be refused as a possible cross-site request forgery, or null. Browsers mark
 * where a request came from (Sec-Fetch-Site, Origin); a write from another origin — including
 * another port of the same host — is refused. A body must have the content type the route
 * documents, so a plain HTML form (which can only send form or text types) cannot pose as JSON.
 */
export function forgeryProblem(req: GuardedRequest, ownOrigins: readonly string[]): string | null {
  if (SAFE_METHODS.has(req.method)) return null;
  const site = req.header("sec-fetch-site");
  if (site && site !== "same-origin" && site !== "none") return `origin: writes are accepted only from this site's own pages (this came from a ${site} page)`;
  const origin = req.header("origin");
  if (origin && !ownOrigins.includes(origin)) return `origin: writes are accepted only from this site's own pages, not from ${origin.slice(0, 100)}`;
  const type = (req.header("content-type") ?? "").split(";")[0].trim().toLowerCase();
  const length = req.header("content-length");
  const hasBody = type !== "" || (length !== null && length !== "0") || req.header("transfer-encoding") !== null;
  if (!hasBody) return null;
  const allowed = BODY_TYPES.find(([re]) => re.test(req.pathname))?.[1] ?? ["application/json"];
  if (!allowed.includes(type)) return `content-type: this call accepts ${allowed.join(" or ")}, not ${type || "a body without a type"}`;
  return null;
}

/** Paths of the public status site, served as files with their own (script-free) policy. */
export function isPublicSitePath(pathname: string): boolean {
  return /^\/(status(\/|$)|api\/v2\/|feed\.(atom|rss)$|feeds\/)/.test(pathname);
}

export const PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()";

/**
 * The workbench's policy: scripts only with this response's nonce (Next's own scripts carry it),
 * images only from this site (so Markdown cannot make a reader's browser call out), no frames.
 */
export function workbenchCsp(nonce: string): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/** HSTS only when the app's public URL is https: sent over plain http it would lock people out. */
export function strictTransport(publicUrl: string | undefined): string | null {
  return publicUrl?.startsWith("https://") ? "max-age=31536000; includeSubDomains" : null;
}

/** The origins this app is reached at: the one the request names and its configured public URL. */
export function ownOrigins(requestOrigin: string, configuredUrl: string | undefined): string[] {
  const origins = [requestOrigin];
  try {
    if (configuredUrl) origins.push(new URL(configuredUrl).origin);
  } catch { /* an unparsable NEXTAUTH_URL adds nothing */ }
  return origins;
}
