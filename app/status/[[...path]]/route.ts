import { serveSitePath } from "@/server/serve-site";

/** The public status site, as files. /status redirects to /status/ so the site's relative links resolve. */
async function handle(req: Request) {
  if (new URL(req.url).pathname === "/status") {
    return new Response(null, { status: 308, headers: { location: "/status/" } });
  }
  return serveSitePath(req, "/status");
}

export { handle as GET, handle as HEAD };
