import { NextResponse } from "next/server";
import { getDb } from "@/db/connection";
import { getCatalog } from "@/db/services";
import { incidentCascade } from "@/lib/cascade";
import { apiUser } from "../../../_lib/http";
import { incidentOr404, type SlugContext } from "../../../_lib/incident-routes";

export async function GET(req: Request, ctx: SlugContext) {
  const user = await apiUser(req, "viewer");
  if (user instanceof NextResponse) return user;
  const pm = incidentOr404((await ctx.params).slug);
  if (pm instanceof NextResponse) return pm;
  const { model, flowchart, gantt } = incidentCascade(getCatalog(getDb()), pm, new URL(req.url).searchParams.get("neighbours") === "hide");
  return NextResponse.json({ ...model, mermaid: { flowchart, gantt } });
}
