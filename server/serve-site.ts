import "server-only";
import { createHash } from "node:crypto";
import { promises as fs } from "node:fs";
import { extname, join } from "node:path";
import { decodeSitePath, isInsideAny, rawSegmentsAfter } from "@/lib/site-path";
import { SHARED } from "@/publisher/site.mjs";
import { siteDir } from "./site-config";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8", ".json": "application/json; charset=utf-8", ".atom": "application/atom+xml; charset=utf-8",
  ".rss": "application/rss+xml; charset=utf-8", ".xml": "application/xml; charset=utf-8", ".txt": "text/plain; charset=utf-8",
};

/** The public site has no script at all, so its pages may run none. */
export const SITE_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

const notFound = (status = 404) => new Response(status === 400 ? "Bad request\n" : "Not found\n", { status, headers: { "content-type": "text/plain; charset=utf-8" } });

/**
 * The folders a public file may really be in: the current release, and the shared folders it links
 * to (which may live anywhere in the store). Nothing else under site.d — keys, the journal, the
 * publisher's config, older releases — is ever inside one of these.
 */
async function servedRoots(site: string): Promise<string[]> {
  const roots = await Promise.all([site, ...SHARED.map((f) => join(site, f))].map((p) => fs.realpath(/*turbopackIgnore: true*/ p).catch(() => null)));
  return roots.filter((r): r is string => r !== null);
}

/**
 * Answers with a file of the published site; never touches the database. `rawSegments` are the
 * URL's still-encoded path segments below the site's root; each is decoded once and checked, and the
 * file's real path must lie in the current release or its shared folders. ETags let browsers and
 * CDNs revalidate cheaply, and caching is public but short.
 */
export async function serveSiteFile(req: Request, rawSegments: string[]): Promise<Response> {
  const path = decodeSitePath(rawSegments);
  if (!path.ok) return notFound(path.status);
  const site = siteDir();
  try {
    const roots = await servedRoots(site);
    let real = await fs.realpath(/*turbopackIgnore: true*/ join(site, ...path.segments));
    if ((await fs.stat(real)).isDirectory()) real = await fs.realpath(/*turbopackIgnore: true*/ join(real, "index.html"));
    if (!isInsideAny(real, roots)) return notFound();
    const body = await fs.readFile(/*turbopackIgnore: true*/ real);
    const etag = `"${createHash("sha1").update(body).digest("base64url")}"`;
    const headers = {
      "content-type": TYPES[extname(real)] ?? "application/octet-stream",
      etag,
      "cache-control": "public, max-age=10, stale-while-revalidate=30",
      "x-content-type-options": "nosniff",
      "access-control-allow-origin": "*",
      "content-security-policy": SITE_CSP,
    };
    if (req.headers.get("if-none-match") === etag) return new Response(null, { status: 304, headers });
    return new Response(req.method === "HEAD" ? null : body, { headers });
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === "ENOENT" || code === "ENOTDIR" || code === "ENAMETOOLONG" || code === "ELOOP" || code === "EISDIR") return notFound();
    throw err;
  }
}


/** Serves the file named by the request's own path below `prefix` (for example "/status"). */
export function serveSitePath(req: Request, prefix: string, below: string[] = []): Promise<Response> {
  return serveSiteFile(req, [...below, ...rawSegmentsAfter(new URL(req.url).pathname, prefix)]);
}
