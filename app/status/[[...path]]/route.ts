import { serveSiteFile } from "@/server/serve-site";

type Ctx = { params: Promise<{ path?: string[] }> };

/** The public status site, as files. /status redirects to /status/ so the site's relative links resolve. */
async function handle(req: Request, ctx: Ctx) {
  const { path = [] } = await ctx.params;
  if (path.length === 0 && !new URL(req.url).pathname.endsWith("/")) {
    return new Response(null, { status: 308, headers: { location: "/status/" } });
  }
  return serveSiteFile(req, path);
}

export { handle as GET, handle as HEAD };
