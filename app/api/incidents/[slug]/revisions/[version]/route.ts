import { NextResponse } from "next/server";
import { getDb } from "@/db/connection";
import { getRevision } from "@/db/revisions";
import { apiUser, problem } from "../../../../_lib/http";

export async function GET(req: Request, ctx: { params: Promise<{ slug: string; version: string }> }) {
  const user = await apiUser(req, "viewer");
  if (user instanceof NextResponse) return user;
  const { slug, version } = await ctx.params;
  const snapshot = /^\d+$/.test(version) ? getRevision(getDb(), slug, Number(version)) : null;
  if (!snapshot) return problem(404, [`version: no version ${version} of "${slug}"`]);
  return NextResponse.json(snapshot);
}
