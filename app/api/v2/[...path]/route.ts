import { serveSiteFile } from "@/server/serve-site";

/** Statuspage-compatible JSON, straight from the published site's files. */
async function handle(req: Request, ctx: { params: Promise<{ path: string[] }> }) {
  return serveSiteFile(req, ["api", "v2", ...(await ctx.params).path]);
}

export { handle as GET, handle as HEAD };
