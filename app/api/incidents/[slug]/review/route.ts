import { NextResponse } from "next/server";
import { getDb } from "@/db/connection";
import { moveReview } from "@/db/review";
import { reviewSchema } from "@/lib/api-schemas";
import { apiUser, readJson } from "../../../_lib/http";
import { handleSaveErrors, type SlugContext } from "../../../_lib/incident-routes";

export async function POST(req: Request, ctx: SlugContext) {
  const user = await apiUser(req, "editor");
  if (user instanceof NextResponse) return user;
  const { slug } = await ctx.params;
  const body = await readJson(req, reviewSchema);
  if (body instanceof NextResponse) return body;
  return handleSaveErrors(() => NextResponse.json(moveReview(getDb(), slug, body.to, body.version, user.email)));
}
