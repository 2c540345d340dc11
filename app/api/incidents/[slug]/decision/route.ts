import { NextResponse } from "next/server";
import { getDb } from "@/db/connection";
import { decisionSchema } from "@/lib/public-schemas";
import { reviewView } from "@/server/review-view";
import { decide } from "@/server/review-workflow";
import { apiUser, readJson } from "../../../_lib/http";
import { handleSaveErrors, type SlugContext } from "../../../_lib/incident-routes";

/** A reviewer who was asked approves or requests changes; any signed-in person can be a reviewer. */
export async function POST(req: Request, ctx: SlugContext) {
  const user = await apiUser(req, "viewer");
  if (user instanceof NextResponse) return user;
  const { slug } = await ctx.params;
  const input = await readJson(req, decisionSchema);
  if (input instanceof NextResponse) return input;
  return handleSaveErrors(() => {
    decide(user, slug, input.decision, input.version);
    return NextResponse.json(reviewView(getDb(), slug));
  });
}
