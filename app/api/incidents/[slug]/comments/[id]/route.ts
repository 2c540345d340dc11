import { NextResponse } from "next/server";
import { getDb } from "@/db/connection";
import { resolveThreadSchema } from "@/lib/public-schemas";
import { reviewView } from "@/server/review-view";
import { resolve } from "@/server/review-workflow";
import { apiUser, problem, readJson } from "../../../../_lib/http";
import { handleSaveErrors } from "../../../../_lib/incident-routes";

/** Resolves or reopens a comment thread. */
export async function PATCH(req: Request, ctx: { params: Promise<{ slug: string; id: string }> }) {
  const user = await apiUser(req, "viewer");
  if (user instanceof NextResponse) return user;
  const { slug, id } = await ctx.params;
  if (!/^\d+$/.test(id)) return problem(400, ["thread: must be a comment number"]);
  const input = await readJson(req, resolveThreadSchema);
  if (input instanceof NextResponse) return input;
  return handleSaveErrors(() => {
    resolve(user, slug, Number(id), input.resolved);
    return NextResponse.json(reviewView(getDb(), slug));
  });
}
