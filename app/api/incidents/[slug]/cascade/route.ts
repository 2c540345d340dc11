import { NextResponse } from "next/server";
import { getDb } from "@/db/connection";
import { getIncident } from "@/db/incidents";
import { getCatalog } from "@/db/services";
import { incidentCascade } from "@/lib/cascade";
import { apiUser, problem } from "../../../_lib/http";
import type { SlugContext } from "../../../_lib/incident-routes";

export async function GET(req: Request, ctx: SlugContext) {
  const user = await apiUser(req, "viewer");
  if (user instanceof NextResponse) return user;
  const { slug } = await ctx.params;
  const db = getDb();
  const pm = getIncident(db, slug);
  if (!pm) return problem(404, [`slug: no incident called "${slug}"`]);
  const { model, flowchart, gantt } = incidentCascade(getCatalog(db), pm, new URL(req.url).searchParams.get("neighbours") === "hide");
  return NextResponse.json({ ...model, mermaid: { flowchart, gantt } });
}
