import { NextResponse } from "next/server";
import { getDb } from "@/db/connection";
import { getPublicVersion } from "@/db/public-postmortems";
import { renderPublicPage } from "@/server/public-postmortem";
import { apiUser, problem } from "@/app/api/_lib/http";

/**
 * The saved public version exactly as customers will get it: the same renderer, the same page. A base
 * address makes its links (history, feeds) open the live site; a strict policy keeps anything active out.
 */
export async function GET(req: Request, ctx: { params: Promise<{ slug: string }> }) {
  const user = await apiUser(req, "viewer");
  if (user instanceof NextResponse) return user;
  const { slug } = await ctx.params;
  const pub = getPublicVersion(getDb(), slug);
  if (!pub) return problem(404, [`public: "${slug}" has no public version yet; generate a draft and save it`]);
  const html = renderPublicPage(pub.title, pub.body).replace("<head>", '<head><base href="/status/postmortems/" target="_top">');
  return new NextResponse(html, {
    headers: {
      "content-type": "text/html; charset=utf-8", "cache-control": "no-store",
      "content-security-policy": "default-src 'none'; style-src 'unsafe-inline'; img-src data: https:; base-uri 'self'; frame-ancestors 'self'",
    },
  });
}
