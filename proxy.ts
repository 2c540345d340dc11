import { NextResponse, type NextRequest } from "next/server";
import { forgeryProblem, isPublicSitePath, malformedPath, ownOrigins, PERMISSIONS_POLICY, strictTransport, workbenchCsp } from "./lib/request-guard";

function withCommonHeaders(res: NextResponse): NextResponse {
  res.headers.set("permissions-policy", PERMISSIONS_POLICY);
  const hsts = strictTransport(process.env.NEXTAUTH_URL);
  if (hsts) res.headers.set("strict-transport-security", hsts);
  return res;
}

const refuse = (status: number, problem: string) =>
  withCommonHeaders(NextResponse.json({ error: problem, problems: [problem] }, { status, headers: { "cache-control": "no-store" } }));

/** Runs before every page and route: refuses malformed paths and cross-site writes, and sets the security headers. */
export function proxy(req: NextRequest) {
  const rawPath = new URL(req.url).pathname;
  const bad = malformedPath(rawPath);
  if (bad) return withCommonHeaders(new NextResponse(bad === 400 ? "Bad request\n" : "Not found\n", { status: bad, headers: { "content-type": "text/plain; charset=utf-8" } }));
  const path = req.nextUrl.pathname;
  const forged = forgeryProblem({ method: req.method, pathname: path, header: (n) => req.headers.get(n) }, ownOrigins(req.nextUrl.origin, process.env.NEXTAUTH_URL));
  if (forged) return refuse(forged.startsWith("content-type") ? 415 : 403, forged);
  if (isPublicSitePath(path)) return withCommonHeaders(NextResponse.next());

  const nonce = Buffer.from(crypto.randomUUID()).toString("base64");
  const csp = workbenchCsp(nonce);
  const requestHeaders = new Headers(req.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("content-security-policy", csp);
  const res = NextResponse.next({ request: { headers: requestHeaders } });
  res.headers.set("content-security-policy", csp);
  // Workbench pages and the JSON API answer per person: never kept by a browser or a shared cache.
  res.headers.set("cache-control", "no-store");
  return withCommonHeaders(res);
}

// The import route takes archives of up to 50 MB; Next would copy any body the proxy sees into memory,
// so that route applies the same write rule itself (see app/api/incidents/import/route.ts).
export const config = {
  matcher: [{ source: "/((?!_next/static|_next/image|favicon.ico|api/incidents/import$).*)" }],
};
