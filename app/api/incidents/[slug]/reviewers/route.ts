import { NextResponse } from "next/server";
import { getDb } from "@/db/connection";
import { reviewersSchema } from "@/lib/public-schemas";
import { reviewView } from "@/server/review-view";
import { requestReview } from "@/server/review-workflow";
import { apiUser, readJson } from "../../../_lib/http";
import { handleSaveErrors, type SlugContext } from "../../../_lib/incident-routes";

/** The author asks named people (not themselves) to review. */
export async function POST(req: Request, ctx: SlugContext) {
  const user = await apiUser(req, "editor");
  if (user instanceof NextResponse) return user;
  const { slug } = await ctx.params;
  const input = await readJson(req, reviewersSchema);
  if (input instanceof NextResponse) return input;
  return handleSaveErrors(() => {
    requestReview(user, slug, input.reviewers);
    return NextResponse.json(reviewView(getDb(), slug));
  });
}
