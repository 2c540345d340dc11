import { NextResponse } from "next/server";
import { exportPostmortem } from "@/lib/markdown/export";
import { apiUser } from "../../../_lib/http";
import { incidentOr404, type SlugContext } from "../../../_lib/incident-routes";

export async function GET(req: Request, ctx: SlugContext) {
  const user = await apiUser(req, "viewer");
  if (user instanceof NextResponse) return user;
  const { slug } = await ctx.params;
  const incident = incidentOr404(slug);
  if (incident instanceof NextResponse) return incident;
  return new NextResponse(exportPostmortem(incident), {
    headers: {
      "content-type": "text/markdown; charset=utf-8",
      "content-disposition": `attachment; filename="${slug}.md"`,
    },
  });
}
