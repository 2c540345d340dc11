import { NextResponse } from "next/server";
import { getDb } from "@/db/connection";
import { commentSchema } from "@/lib/public-schemas";
import { reviewView } from "@/server/review-view";
import { comment } from "@/server/review-workflow";
import { apiUser, readJson } from "../../../_lib/http";
import { handleSaveErrors, type SlugContext } from "../../../_lib/incident-routes";

/** A comment on a section or a timeline event, or a reply in its thread. */
export async function POST(req: Request, ctx: SlugContext) {
  const user = await apiUser(req, "viewer");
  if (user instanceof NextResponse) return user;
  const { slug } = await ctx.params;
  const input = await readJson(req, commentSchema);
  if (input instanceof NextResponse) return input;
  return handleSaveErrors(() => {
    comment(user, slug, input);
    return NextResponse.json(reviewView(getDb(), slug), { status: 201 });
  });
}
