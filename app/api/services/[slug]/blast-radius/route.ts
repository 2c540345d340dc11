import { NextResponse } from "next/server";
import { getDb } from "@/db/connection";
import { getCatalog } from "@/db/services";
import { whatIf } from "@/lib/cascade/what-if";
import { apiUser, problem } from "../../../_lib/http";

export async function GET(req: Request, ctx: { params: Promise<{ slug: string }> }) {
  const user = await apiUser(req, "viewer");
  if (user instanceof NextResponse) return user;
  const { slug } = await ctx.params;
  const result = whatIf(getCatalog(getDb()), slug);
  if (!result) return problem(404, [`slug: no service called "${slug}"`]);
  const { flowchart, ...rest } = result;
  return NextResponse.json({ ...rest, mermaid: flowchart });
}
