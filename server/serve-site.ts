import "server-only";
import { createHash } from "node:crypto";
import { promises as fs } from "node:fs";
import { extname, join, sep } from "node:path";
import { siteDir } from "./site-config";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8", ".json": "application/json; charset=utf-8", ".atom": "application/atom+xml; charset=utf-8",
  ".rss": "application/rss+xml; charset=utf-8", ".xml": "application/xml; charset=utf-8", ".txt": "text/plain; charset=utf-8",
};

/**
 * Answers with a file of the published site; never touches the database. Paths are checked to stay
 * inside the site, ETags let browsers and CDNs revalidate cheaply, and caching is public but short.
 */
export async function serveSiteFile(req: Request, segments: string[]): Promise<Response> {
  if (segments.some((s) => !s || s.startsWith(".") || s.includes("\\") || s.includes("\0"))) return new Response("Not found\n", { status: 404 });
  const site = siteDir();
  let file = join(site, ...segments);
  try {
    const [root, real] = await Promise.all([fs.realpath(/*turbopackIgnore: true*/ `${site}.d`), fs.realpath(/*turbopackIgnore: true*/ file)]);
    if (!real.startsWith(root + sep)) return new Response("Not found\n", { status: 404 });
    if ((await fs.stat(real)).isDirectory()) file = join(file, "index.html");
    const body = await fs.readFile(/*turbopackIgnore: true*/ file);
    const etag = `"${createHash("sha1").update(body).digest("base64url")}"`;
    const headers = {
      "content-type": TYPES[extname(file)] ?? "application/octet-stream",
      etag,
      "cache-control": "public, max-age=10, stale-while-revalidate=30",
      "x-content-type-options": "nosniff",
      "access-control-allow-origin": "*",
    };
    if (req.headers.get("if-none-match") === etag) return new Response(null, { status: 304, headers });
    return new Response(req.method === "HEAD" ? null : body, { headers });
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === "ENOENT" || code === "ENOTDIR") return new Response("Not found\n", { status: 404 });
    throw err;
  }
}
