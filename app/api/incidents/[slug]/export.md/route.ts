import { NextResponse } from "next/server";
import { getDb } from "@/db/connection";
import { getIncident } from "@/db/incidents";
import { exportPostmortem } from "@/lib/markdown/export";
import { apiUser, problem } from "../../../_lib/http";
import type { SlugContext } from "../../../_lib/incident-routes";

export async function GET(req: Request, ctx: SlugContext) {
  const user = await apiUser(req, "viewer");
  if (user instanceof NextResponse) return user;
  const { slug } = await ctx.params;
  const incident = getIncident(getDb(), slug);
  if (!incident) return problem(404, [`slug: no incident called "${slug}"`]);
  return new NextResponse(exportPostmortem(incident), {
    headers: {
      "content-type": "text/markdown; charset=utf-8",
      "content-disposition": `attachment; filename="${slug}.md"`,
    },
  });
}
