import { NextResponse } from "next/server";
import { getDb } from "@/db/connection";
import { revokeToken } from "@/db/tokens";
import { apiUser, problem } from "../../_lib/http";

export async function DELETE(req: Request, ctx: { params: Promise<{ id: string }> }) {
  const admin = await apiUser(req, "admin");
  if (admin instanceof NextResponse) return admin;
  if (!revokeToken(getDb(), Number((await ctx.params).id))) return problem(404, ["id: no such active token"]);
  return new NextResponse(null, { status: 204 });
}
